import { AREAS, AREA_TITLES } from '../../engine/api';
import { oneBased } from '../report';
import type { PostureReport } from '../../posture/report';
import { accountTitle, countsByArea, plural, totals, unavailableText } from '../../posture/summary';

/** The posture for a terminal: per account, each area's counts, then what failed and what could not be checked. */
export function formatPostureText(report: PostureReport): string {
  const lines: string[] = [];
  for (const account of report.accounts) {
    lines.push(`${accountTitle(account)}${account.principal ? `, scanned as ${account.principal}` : ''}${account.regions.length ? `, regions ${account.regions.join(', ')}` : ''}`);
    if (account.error) {
      lines.push(`  not scanned: ${account.error}`, '');
      continue;
    }
    if (account.regionsError) lines.push(`  only ${account.homeRegion} was scanned: the enabled regions could not be listed (${account.regionsError.denied ? `missing permission ${account.regionsError.action}` : account.regionsError.message})`);
    const counts = countsByArea(account.checks);
    for (const area of AREAS) {
      const c = counts[area];
      lines.push(`  ${AREA_TITLES[area]}: ${c.fail} failed, ${c.pass} passed${c.notEvaluated ? `, ${c.notEvaluated} not evaluated` : ''}`);
      for (const check of account.checks.filter((ch) => ch.meta.area === area && ch.status !== 'pass')) {
        if (check.status === 'not-evaluated') {
          lines.push(`    not evaluated  ${check.meta.title}  [${check.meta.id}]: ${unavailableText(check)}`);
          continue;
        }
        for (const finding of check.findings) lines.push(`    ${finding.severity.padEnd(7)}  ${finding.message}  [${check.meta.id}]`);
        if (check.unavailable.length) lines.push(`    (partly not evaluated: ${unavailableText(check)})`);
      }
    }
    for (const stack of account.stacks) {
      const state = stack.error ? `not analyzed: ${stack.error.denied ? `missing permission ${stack.error.action}` : stack.error.message}` : plural(stack.findings.length, 'finding');
      lines.push(`  Stack ${stack.region}/${stack.name}: ${state}`);
      for (const finding of stack.findings) {
        const { startLine, startColumn } = oneBased(finding.range);
        lines.push(`    ${finding.file}:${startLine}:${startColumn}  ${finding.severity.padEnd(7)}  ${finding.message}  [${finding.ruleId}]`);
      }
    }
    for (const error of account.stackErrors) lines.push(`  Stacks in ${error.region} not listed: ${error.denied ? `missing permission ${error.action}` : error.message}`);
    lines.push('');
  }
  const t = totals(report);
  const stacks = t.stacks ? `; ${plural(t.stackFindings, 'finding')} in ${plural(t.stacks, 'deployed stack')}` : '';
  lines.push(`${plural(t.accounts, 'account')}: ${t.fail} checks failed, ${t.pass} passed, ${t.notEvaluated} not evaluated (${plural(t.findings, 'finding')})${stacks}; ${report.apiCalls} API calls in ${(report.durationMs / 1000).toFixed(1)} s.`);
  return `${lines.join('\n')}\n`;
}
