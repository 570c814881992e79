import type { Finding } from '../engine/api';
import type { CallError, CheckResult } from '../engine/account';

/**
 * What a posture scan produces: plain JSON, shared by the scan (server/src/aws), the CLI's
 * formatters, the language server's request and the VS Code tree view.
 */

/** A deployed CloudFormation stack, its template as deployed, and the template rules' findings on it. */
export interface StackReport {
  readonly region: string;
  readonly name: string;
  readonly id: string;
  readonly status: string;
  /** The template as GetTemplate returned it, or null when it could not be fetched. */
  readonly template: string | null;
  readonly findings: readonly Finding[];
  readonly error?: CallError;
}

export interface AccountPosture {
  readonly accountId: string;
  /** The organization's name for the account, when scanned through --org-role. */
  readonly accountName?: string;
  /** Who scanned: the caller's ARN. */
  readonly principal: string;
  readonly partition: string;
  readonly homeRegion: string;
  readonly regions: readonly string[];
  readonly collectedAt: string;
  readonly checks: readonly CheckResult[];
  readonly stacks: readonly StackReport[];
  /** Regions whose stacks could not be listed. */
  readonly stackErrors: readonly CallError[];
  /** Why only the home region was scanned: the enabled regions could not be listed. */
  readonly regionsError?: CallError;
  /** Why the account could not be scanned at all (a role that could not be assumed…). */
  readonly error?: string;
}

export interface PostureReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly startedAt: string;
  readonly durationMs: number;
  /** API calls the scan made (retries of one call count once). */
  readonly apiCalls: number;
  readonly accounts: readonly AccountPosture[];
}

export interface PostureSummary {
  readonly pass: number;
  readonly fail: number;
  readonly notEvaluated: number;
  readonly findings: number;
  readonly stackFindings: number;
}
