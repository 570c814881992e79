import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export interface ProfileInfo {
  readonly name: string;
  readonly region?: string;
  /** Signs in through IAM Identity Center (`aws sso login`). */
  readonly sso: boolean;
}

/**
 * The profiles of the shared config and credentials files (~/.aws/config, ~/.aws/credentials, or
 * AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE), as the SDK reads them. Secrets stay unread here.
 */
export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  return [...names].sort().map((name) => {
    const config = configFile[name] ?? {};
    return { name, region: config.region, sso: Boolean(config.sso_session ?? config.sso_start_url) };
  });
}
