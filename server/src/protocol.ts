/**
 * What the VS Code client and the language server agree on: the settings section, and the
 * custom request for a workspace scan. The client imports this module; it holds no logic.
 */
import type { DocumentKind } from './engine/api';
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

/** What the VS Code client asks for when it starts the server (other LSP clients send nothing). */
export interface PillarInitializationOptions {
  /** Send DOCUMENT_KIND_NOTIFICATION for open documents. */
  readonly documentKinds?: boolean;
}

/**
 * Whether an open document is a template, a policy or neither, sent when it is first analyzed and
 * whenever that changes: the client shows its status bar item only for templates and policies.
 */
export const DOCUMENT_KIND_NOTIFICATION = 'pillar/documentKind';

export interface DocumentKindParams {
  readonly uri: string;
  readonly kind: DocumentKind;
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
