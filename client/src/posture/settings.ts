import * as vscode from 'vscode';
import type { PostureScanParams } from '../../../server/src/protocol';

export const POSTURE_SECTION = 'pillar.posture';
/** Settings that decide which credentials are used and where requests go. */
export const POSTURE_KEYS = ['profile', 'region', 'regions', 'endpoint', 'orgRole'] as const;

/**
 * Where a scan goes: from the user's own settings only. The settings are application-scoped, and
 * reading globalValue besides means a value a cloned workspace (or .pillar.json) holds never
 * steers the user's credentials.
 */
export function postureTarget(): Omit<PostureScanParams, 'workDoneToken'> {
  const config = vscode.workspace.getConfiguration(POSTURE_SECTION);
  const user = <T>(key: (typeof POSTURE_KEYS)[number]): T | undefined => {
    const value = config.inspect<T>(key)?.globalValue;
    return value === '' || (Array.isArray(value) && value.length === 0) ? undefined : value;
  };
  const regions = user<string[]>('regions');
  return {
    profile: user<string>('profile'),
    region: user<string>('region'),
    regions: regions?.includes('all') ? 'all' : regions,
    endpoint: user<string>('endpoint'),
    orgRole: user<string>('orgRole'),
  };
}

export async function setUserSetting(key: (typeof POSTURE_KEYS)[number], value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(POSTURE_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}
