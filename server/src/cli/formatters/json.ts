import { fingerprint } from '../identity';
import { summarize, type ReportedFinding, type ScanReport } from '../report';

/**
 * `{ findings, summary }`, and `fixed` after --fix, `baseline` with a baseline. Findings as
 * DESIGN.md lists them, with 0-based LSP ranges and fix titles, plus their property path and
 * fingerprint. Tools read this format: fields are added, never changed or removed.
 */
export function formatJson(report: ScanReport): string {
  const output = {
    findings: report.findings.map(toJson),
    summary: summarize(report),
    ...(report.fixed ? { fixed: report.fixed } : {}),
    ...(report.baseline ? { baseline: report.baseline } : {}),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function toJson(finding: ReportedFinding) {
  const { ruleId, severity, area, message, file, range, resource, fixes, path } = finding;
  return { ruleId, severity, area, message, file, range, resource, fixes: fixes.map((fix) => fix.title), path, fingerprint: fingerprint(finding) };
}
