import type { PostureReport } from './report';
import { totals } from './summary';

/** The whole report as JSON, with its totals; stack findings keep their 0-based ranges. */
export function formatPostureJson(report: PostureReport): string {
  const { tool, startedAt, durationMs, apiCalls, accounts } = report;
  const plain = accounts.map((account) => ({
    ...account,
    stacks: account.stacks.map(({ findings, ...stack }) => ({ ...stack, findings: findings.map(({ span: _span, fixes, ...f }) => ({ ...f, fixes: fixes.map((fix) => fix.title) })) })),
  }));
  return `${JSON.stringify({ tool, startedAt, durationMs, apiCalls, summary: totals(report), accounts: plain }, null, 2)}\n`;
}
