import { AREAS, AREA_TITLES, type Severity } from '../../engine/api';
import { painter, type Paint } from '../color';
import { summarize, type ScanReport, type Summary } from '../report';
import { padColumns } from './columns';

const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan', fixed: 'green' } as const;

/**
 * Findings grouped under each file, as ESLint's default formatter shows them: `line:column`,
 * severity, message and rule id in aligned columns; what --fix changed marked `fixed`; then a
 * summary with the counts, the Security Pillar areas, what --fix could fix, and the baseline.
 */
export function formatText(report: ScanReport, color: boolean): string {
  const paint = painter(color);
  const lines: string[] = [];
  const findingsOf = groupBy(report.findings, (finding) => finding.file);
  const fixedOf = groupBy(report.fixed ?? [], (entry) => entry.file);
  for (const file of report.files) {
    const findings = findingsOf.get(file) ?? [];
    const fixed = fixedOf.get(file) ?? [];
    if (findings.length === 0 && fixed.length === 0) continue;
    const lineWidth = Math.max(0, ...findings.map((finding) => String(finding.range.start.line + 1).length));
    const rows = [
      ...findings.map((finding) => {
        const { line, character } = finding.range.start;
        return [`${String(line + 1).padStart(lineWidth)}:${character + 1}`, finding.severity, finding.message, finding.ruleId];
      }),
      ...fixed.map((entry) => ['', 'fixed', entry.resource ? `${entry.fix} (${entry.resource})` : entry.fix, entry.ruleId]),
    ];
    lines.push(paint('underline', file));
    for (const [position, severity, message, ruleId] of padColumns(rows)) {
      lines.push(`  ${paint('dim', position)}  ${paint(SEVERITY_STYLE[severity.trimEnd() as Severity | 'fixed'], severity)}  ${message}  ${paint('dim', ruleId)}`);
    }
    lines.push('');
  }
  lines.push(...summary(report, summarize(report), paint));
  return `${lines.join('\n')}\n`;
}

function summary(report: ScanReport, counts: Summary, paint: Paint): string[] {
  const lines = [counts.findings === 0 ? `No findings in ${count(counts.filesScanned, 'file')} scanned.` : totals(counts, paint)];
  const note = (text: string) => lines.push(`  ${text}`);
  if (counts.findings > 0) note(`By area: ${AREAS.map((area) => `${AREA_TITLES[area].toLowerCase()} ${counts.byArea[area]}`).join(', ')}`);
  const replacing = 'with --fix --fix-replacing, which replaces the resources';
  if (counts.fixable > 0) note(`${count(counts.fixable, 'finding')} fixable with --fix${counts.fixableReplacing > 0 ? `; ${counts.fixableReplacing} more ${replacing}` : ''}.`);
  else if (counts.fixableReplacing > 0) note(`${count(counts.fixableReplacing, 'finding')} fixable ${replacing}.`);
  const fixed = report.fixed ?? [];
  if (fixed.length > 0) note(paint('green', `Fixed ${count(fixed.length, 'finding')} in ${count(new Set(fixed.map((entry) => entry.file)).size, 'file')}.`));
  if (report.hiddenByQuiet > 0) note(`${count(report.hiddenByQuiet, 'warning or info finding', 'warning or info findings')} not shown (--quiet).`);
  const baseline = report.baseline;
  if (baseline && baseline.known > 0) note(`${count(baseline.known, 'finding')} in the baseline ${baseline.file} not shown.`);
  if (baseline && baseline.stale.length > 0) {
    note(`${count(baseline.stale.length, 'baseline entry', 'baseline entries')} match no finding any more; --write-baseline ${baseline.file} drops them:`);
    for (const row of padColumns(baseline.stale.map((entry) => [entry.file, entry.ruleId, entry.path]))) note(`  ${row.join('  ')}`);
  }
  return lines;
}

/** "✖ 3 findings (1 error, 2 warnings, 0 info) in 2 files (3 files scanned)", red with errors, yellow without. */
function totals(counts: Summary, paint: Paint): string {
  const { error, warning, info } = counts.bySeverity;
  const where = count(counts.filesWithFindings, 'file');
  const scanned = counts.filesScanned === counts.filesWithFindings ? '' : ` (${count(counts.filesScanned, 'file')} scanned)`;
  const text = `✖ ${count(counts.findings, 'finding')} (${count(error, 'error')}, ${count(warning, 'warning')}, ${info} info) in ${where}${scanned}`;
  return paint('bold', paint(error > 0 ? 'red' : warning > 0 ? 'yellow' : 'cyan', text));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
