import { AREAS, AREA_TITLES, SEVERITIES, type Severity } from '../../engine/api';
import { oneBased, summarize, type ScanReport, type Summary } from '../report';

const SEVERITY_COLORS: Readonly<Record<Severity, number>> = { error: 31, warning: 33, info: 36 };
const DIM = 2;
const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((severity) => severity.length));

/** `file:line:col  severity  message  [rule-id]`, a blank line between files, then a summary line. */
export function formatText(report: ScanReport, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  report.findings.forEach((finding, index) => {
    if (index > 0 && report.findings[index - 1].file !== finding.file) lines.push('');
    const { startLine, startColumn } = oneBased(finding);
    const severity = paint(SEVERITY_COLORS[finding.severity], finding.severity.padEnd(SEVERITY_WIDTH));
    lines.push(`${finding.file}:${startLine}:${startColumn}  ${severity}  ${finding.message}  ${paint(DIM, `[${finding.ruleId}]`)}`);
  });
  if (lines.length > 0) lines.push('');
  const summary = summarize(report);
  lines.push(summaryLine(summary));
  if (summary.findings > 0) lines.push(areaLine(summary));
  return `${lines.join('\n')}\n`;
}

function summaryLine(summary: Summary): string {
  const scanned = count(summary.filesScanned, 'file');
  if (summary.findings === 0) return `No findings in ${scanned} scanned.`;
  const { error, warning, info } = summary.bySeverity;
  const where = count(summary.filesWithFindings, 'file');
  const total = `${count(summary.findings, 'finding')} (${count(error, 'error')}, ${count(warning, 'warning')}, ${info} info) in ${where}`;
  return summary.filesScanned === summary.filesWithFindings ? total : `${total} (${scanned} scanned)`;
}

/** "By area: identity and access management 1, …": the Security Pillar's view of the same findings. */
function areaLine(summary: Summary): string {
  return `By area: ${AREAS.map((area) => `${AREA_TITLES[area].toLowerCase()} ${summary.byArea[area]}`).join(', ')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
