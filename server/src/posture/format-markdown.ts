import { AREAS, AREA_TITLES } from '../engine/api';
import type { PostureReport } from './report';
import { accountTitle, countsByArea, totals, unavailableText } from './summary';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The posture as Markdown: a summary table per account, then the findings, then the deployed stacks. */
export function formatPostureMarkdown(report: PostureReport): string {
  const t = totals(report);
  const out: string[] = ['# Pillar account posture', '', `Scanned ${report.startedAt} by ${report.tool.name} ${report.tool.version}: ${t.fail} checks failed, ${t.pass} passed, ${t.notEvaluated} not evaluated; ${t.findings} findings; ${t.stackFindings} findings in ${t.stacks} deployed stacks.`, ''];
  for (const account of report.accounts) {
    out.push(`## ${accountTitle(account)}`, '');
    if (account.error) {
      out.push(`Not scanned: ${account.error}`, '');
      continue;
    }
    out.push(`Regions: ${account.regions.join(', ')}. Scanned as \`${account.principal}\`.`, '', '| area | failed | passed | not evaluated |', '| --- | ---: | ---: | ---: |');
    const counts = countsByArea(account.checks);
    for (const area of AREAS) out.push(`| ${AREA_TITLES[area]} | ${counts[area].fail} | ${counts[area].pass} | ${counts[area].notEvaluated} |`);
    out.push('');
    for (const area of AREAS) {
      const checks = account.checks.filter((c) => c.meta.area === area && c.status !== 'pass');
      if (checks.length === 0) continue;
      out.push(`### ${AREA_TITLES[area]}`, '');
      for (const check of checks) {
        out.push(`- **${cell(check.meta.title)}** (\`${check.meta.id}\`, ${check.status === 'fail' ? check.meta.severity : 'not evaluated'})`);
        for (const finding of check.findings) out.push(`  - [${cell(finding.entity.id)}](${finding.entity.console}): ${cell(finding.message)}`);
        if (check.unavailable.length) out.push(`  - Not evaluated: ${cell(unavailableText(check))}`);
        if (check.status === 'fail') out.push(`  - Fix: ${cell(check.meta.remediation)}`);
      }
      out.push('');
    }
    if (account.stacks.length > 0) {
      out.push('### Deployed stacks', '', '| stack | finding | rule |', '| --- | --- | --- |');
      for (const stack of account.stacks) {
        if (stack.findings.length === 0) out.push(`| ${stack.region}/${cell(stack.name)} | ${stack.error ? cell(`not analyzed: ${stack.error.action} ${stack.error.code}`) : 'no findings'} | |`);
        for (const finding of stack.findings) out.push(`| ${stack.region}/${cell(stack.name)} (line ${finding.range.start.line + 1}) | ${cell(finding.message)} | \`${finding.ruleId}\` |`);
      }
      out.push('');
    }
  }
  return `${out.join('\n')}\n`;
}
