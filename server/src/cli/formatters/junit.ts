import type { RuleMeta } from '../../engine/api';
import { ENGINE_CHECKS } from '../../engine/engine-checks';
import { oneBased, type ReportedFinding, type ScanReport } from '../report';
import { TOOL } from '../tool';

/** Engine checks that mean the analysis itself went wrong: JUnit `<error>`, where findings are `<failure>`. */
const ANALYSIS_ERRORS: ReadonlySet<string> = new Set([ENGINE_CHECKS.parseError.id, ENGINE_CHECKS.inputLimit.id, ENGINE_CHECKS.ruleError.id]);

/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines): a suite per
 * file, a failing test case per finding, named by its rule and property path (not its line, so
 * that a CI's test history follows it), and one passing case for a file without findings.
 */
export function formatJunit(report: ScanReport, rules: readonly RuleMeta[]): string {
  const help = new Map(rules.map((rule) => [rule.id, rule.docs[0]]));
  const byFile = new Map<string, ReportedFinding[]>(report.files.map((file) => [file, []]));
  for (const finding of report.findings) byFile.get(finding.file)?.push(finding);
  const suites = [...byFile].map(([file, findings]) => {
    const errors = findings.filter((finding) => ANALYSIS_ERRORS.has(finding.ruleId)).length;
    const cases = findings.length === 0 ? [`    <testcase classname="${attribute(file)}" name="no findings" file="${attribute(file)}"/>`] : findings.map((finding) => testCase(finding, help.get(finding.ruleId)));
    return [
      `  <testsuite name="${attribute(file)}" tests="${cases.length}" failures="${findings.length - errors}" errors="${errors}" skipped="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const errors = report.findings.filter((finding) => ANALYSIS_ERRORS.has(finding.ruleId)).length;
  const tests = report.files.length + report.findings.length - new Set(report.findings.map((finding) => finding.file)).size;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(TOOL.name)}" tests="${tests}" failures="${report.findings.length - errors}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(finding: ReportedFinding, helpUri: string | undefined): string {
  const { startLine, startColumn } = oneBased(finding.range);
  const where = finding.path || finding.resource || 'file';
  const name = `${finding.ruleId} ${where}${finding.occurrence > 0 ? ` #${finding.occurrence + 1}` : ''}`;
  const kind = ANALYSIS_ERRORS.has(finding.ruleId) ? 'error' : 'failure';
  const details = [
    `${finding.file}:${startLine}:${startColumn}  ${finding.severity}  ${finding.message}  [${finding.ruleId}]`,
    ...(finding.resource ? [`Resource: ${finding.resource}`] : []),
    ...(helpUri ? [`Help: ${helpUri}`] : []),
  ].join('\n');
  return [
    `    <testcase classname="${attribute(finding.file)}" name="${attribute(name)}" file="${attribute(finding.file)}" line="${startLine}">`,
    `      <${kind} type="${finding.severity}" message="${attribute(finding.message)}">${text(details)}</${kind}>`,
    '    </testcase>',
  ].join('\n');
}

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates) are dropped. */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Also quotes, and line breaks and tabs, which a parser would otherwise turn into spaces. */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
