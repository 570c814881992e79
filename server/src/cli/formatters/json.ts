import type { Finding } from '../../engine/api';
import { summarize, type ScanReport } from '../report';

/** `{ findings, summary }`; findings as DESIGN.md lists them, with 0-based LSP ranges and fix titles. */
export function formatJson(report: ScanReport): string {
  return `${JSON.stringify({ findings: report.findings.map(toJson), summary: summarize(report) }, null, 2)}\n`;
}

function toJson(finding: Finding) {
  const { ruleId, severity, area, message, file, range, resource, fixes } = finding;
  return { ruleId, severity, area, message, file, range, resource, fixes: fixes.map((fix) => fix.title) };
}
