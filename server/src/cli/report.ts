import { AREAS, SEVERITIES, type Area, type Finding, type Severity } from '../engine/api';

/** The outcome of a scan: every file analyzed (display paths, sorted) and their findings in file order. */
export interface ScanReport {
  readonly files: readonly string[];
  readonly findings: readonly Finding[];
}

export interface Summary {
  readonly findings: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Findings per Security Pillar area; the engine's own findings (parse errors…) belong to none. */
  readonly byArea: Readonly<Record<Area, number>>;
  readonly filesScanned: number;
  readonly filesWithFindings: number;
}

export const FAIL_ON = [...SEVERITIES, 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function summarize(report: ScanReport): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byArea = Object.fromEntries(AREAS.map((area) => [area, 0])) as Record<Area, number>;
  for (const finding of report.findings) {
    bySeverity[finding.severity]++;
    if (finding.area) byArea[finding.area]++;
  }
  return {
    findings: report.findings.length,
    bySeverity,
    byArea,
    filesScanned: report.files.length,
    filesWithFindings: new Set(report.findings.map((finding) => finding.file)).size,
  };
}

/** Whether any finding is at or above the threshold; SEVERITIES runs from most to least severe. */
export function reachesThreshold(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const limit = SEVERITIES.indexOf(failOn);
  return findings.some((finding) => SEVERITIES.indexOf(finding.severity) <= limit);
}

/** 1-based line and column of a finding's range, as people and SARIF count; the one place that adds 1. */
export function oneBased(finding: Finding): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const { start, end } = finding.range;
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
