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
}

export const SCAN_WORKSPACE_REQUEST = 'pillar/scanWorkspace';

export interface ScanWorkspaceResult {
  readonly files: number;
  readonly templates: number;
  readonly findings: number;
  readonly bySeverity: Readonly<Record<'error' | 'warning' | 'info', number>>;
}
