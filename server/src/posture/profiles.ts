import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export interface ProfileInfo {
  readonly name: string;
  readonly region?: string;
  readonly sso: boolean;
}

/** The profiles of ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE), read as the SDK reads them; no secret is kept. */
export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  return [...names].sort().map((name) => {
    const config = configFile[name] ?? {};
    return { name, region: config.region, sso: Boolean(config.sso_session ?? config.sso_start_url) };
  });
}
