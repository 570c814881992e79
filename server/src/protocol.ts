/**
 * What the VS Code client and the language server agree on: the settings section, and the
 * custom request for a workspace scan. The client imports this module; it holds no logic.
 */
import type { RuleSetting } from './engine/config';

export const SETTINGS_SECTION = 'pillar';

/** The `pillar.*` settings, as VS Code returns them for a resource. */
export interface PillarSettings {
  readonly enable: boolean;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxFileSize: number;
  readonly maxDiagnostics: number;
}

export const SCAN_WORKSPACE_REQUEST = 'pillar/scanWorkspace';

export interface ScanWorkspaceResult {
  readonly files: number;
  readonly templates: number;
  readonly findings: number;
  readonly bySeverity: Readonly<Record<'error' | 'warning' | 'info', number>>;
}

/** Scans the live AWS account (read-only), on the user's command only. */
export const POSTURE_SCAN_REQUEST = 'pillar/postureScan';

/**
 * Where the scan goes and with which credentials: the client reads these from user settings only
 * (never workspace settings or .pillar.json). A work-done token lets the client show progress.
 */
export interface PostureScanParams {
  readonly profile?: string;
  readonly region?: string;
  readonly regions?: 'all' | readonly string[];
  readonly endpoint?: string;
  readonly orgRole?: string;
  readonly workDoneToken?: string | number;
}

/** The report, or why there is none (no or expired credentials…) with the command that fixes it. */
export type PostureScanResult =
  | { readonly report: import('./posture/report').PostureReport }
  | { readonly error: { readonly message: string; readonly fix?: string; readonly kind: string } }
  | { readonly cancelled: true };
