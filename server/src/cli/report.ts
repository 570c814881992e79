import { AREAS, SEVERITIES, type Area, type Finding, type Range, type Severity } from '../engine/api';
import type { LineIndex } from '../engine/positions';
import { fixToApply } from './autofix';
import type { BaselineEntry } from './baseline';

/** A finding as the CLI reports it: numbered among the findings of its file that share its identity. */
export interface ReportedFinding extends Finding {
  readonly occurrence: number;
}

/** A finding that --fix removed, and the fix that removed it. */
export interface FixedFinding {
  readonly file: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly resource: string | null;
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

/** A problem with the analysis itself (the file could not be read in full, a rule failed), for SARIF's tool notifications. */
export interface EngineNotification {
  readonly file: string;
  /** The engine check that reported it: parse-error, input-limit or rule-error. */
  readonly checkId: string;
  readonly level: Severity;
  readonly message: string;
  /** Where in the file; a failed rule has no place. */
  readonly range?: Range;
  /** The rule that failed, for rule-error. */
  readonly ruleId?: string;
  readonly exception?: { readonly kind: string; readonly message: string };
}

export interface BaselineOutcome {
  /** The baseline file as given on the command line. */
  readonly file: string;
  /** Findings left out because the baseline holds them. */
  readonly known: number;
  /** Entries for the scanned files that no finding matches any more. */
  readonly stale: readonly BaselineEntry[];
}

/** The outcome of a scan: every file analyzed (display paths, sorted) and the findings to report, in file order. */
export interface ScanReport {
  readonly files: readonly string[];
  readonly findings: readonly ReportedFinding[];
  /** Each reported file's line index, to place fix edits (SARIF). */
  readonly lines: ReadonlyMap<string, LineIndex>;
  readonly notifications: readonly EngineNotification[];
  /** What --fix or --fix-dry-run changed; undefined without them. */
  readonly fixed?: readonly FixedFinding[];
  readonly baseline?: BaselineOutcome;
  /** Warnings and info left out by --quiet. */
  readonly hiddenByQuiet: number;
}

export interface Summary {
  readonly findings: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Findings per Security Pillar area; the engine's own findings (parse errors…) belong to none. */
  readonly byArea: Readonly<Record<Area, number>>;
  readonly filesScanned: number;
  readonly filesWithFindings: number;
  /** Findings that --fix would fix. */
  readonly fixable: number;
  /** Findings that only --fix --fix-replacing would fix: their fix replaces the resource. */
  readonly fixableReplacing: number;
}

export const FAIL_ON = [...SEVERITIES, 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function summarize(report: Pick<ScanReport, 'files' | 'findings'>): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byArea = Object.fromEntries(AREAS.map((area) => [area, 0])) as Record<Area, number>;
  let fixable = 0;
  let fixableReplacing = 0;
  for (const finding of report.findings) {
    bySeverity[finding.severity]++;
    if (finding.area) byArea[finding.area]++;
    if (fixToApply(finding, false)) fixable++;
    else if (fixToApply(finding, true)) fixableReplacing++;
  }
  return {
    findings: report.findings.length,
    bySeverity,
    byArea,
    filesScanned: report.files.length,
    filesWithFindings: new Set(report.findings.map((finding) => finding.file)).size,
    fixable,
    fixableReplacing,
  };
}

/** Whether any finding is at or above the threshold; SEVERITIES runs from most to least severe. */
export function reachesThreshold(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const limit = SEVERITIES.indexOf(failOn);
  return findings.some((finding) => SEVERITIES.indexOf(finding.severity) <= limit);
}

/** 1-based line and column of a range, as people and SARIF count; the one place that adds 1. */
export function oneBased(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const { start, end } = range;
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
