import { AREAS, SEVERITIES, type Area, type Severity } from '../engine/api';
import type { CheckResult } from '../engine/account';
import type { AccountPosture, PostureReport } from './report';

export interface AreaCounts {
  readonly pass: number;
  readonly fail: number;
  readonly notEvaluated: number;
}

/** Checks by outcome in each Security Pillar area: the posture view's and the reports' summary. */
export function countsByArea(checks: readonly CheckResult[]): Record<Area, AreaCounts> {
  const counts = Object.fromEntries(AREAS.map((area) => [area, { pass: 0, fail: 0, notEvaluated: 0 }])) as Record<Area, { pass: number; fail: number; notEvaluated: number }>;
  for (const check of checks) {
    const area = counts[check.meta.area];
    if (check.status === 'pass') area.pass++;
    else if (check.status === 'fail') area.fail++;
    else area.notEvaluated++;
  }
  return counts;
}

export interface Totals extends AreaCounts {
  readonly accounts: number;
  readonly findings: number;
  readonly stacks: number;
  readonly stackFindings: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
}

/** Everything a report found, over all its accounts. */
export function totals(report: PostureReport): Totals {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let pass = 0;
  let fail = 0;
  let notEvaluated = 0;
  let findings = 0;
  let stacks = 0;
  let stackFindings = 0;
  for (const account of report.accounts) {
    for (const check of account.checks) {
      if (check.status === 'pass') pass++;
      else if (check.status === 'fail') fail++;
      else notEvaluated++;
      findings += check.findings.length;
      for (const finding of check.findings) bySeverity[finding.severity]++;
    }
    stacks += account.stacks.length;
    for (const stack of account.stacks) {
      stackFindings += stack.findings.length;
      for (const finding of stack.findings) bySeverity[finding.severity]++;
    }
  }
  return { accounts: report.accounts.length, pass, fail, notEvaluated, findings, stacks, stackFindings, bySeverity };
}

/** Whether anything, in the account or its stacks, is at or above the threshold (the CLI's exit code). */
export function postureReachesThreshold(report: PostureReport, failOn: Severity | 'never'): boolean {
  if (failOn === 'never') return false;
  const limit = SEVERITIES.indexOf(failOn);
  const counts = totals(report).bySeverity;
  return SEVERITIES.some((severity, index) => index <= limit && counts[severity] > 0);
}

/** "us-east-1: ec2:GetEbsEncryptionByDefault denied": why a check could not be evaluated. */
export function unavailableText(check: CheckResult): string {
  return check.unavailable.map((e) => `${e.denied ? `missing permission ${e.action}` : `${e.action} failed (${e.code})`}${e.region ? ` in ${e.region}` : ''}`).join('; ');
}

/** "Account 123456789012 (prod)" */
export function accountTitle(account: AccountPosture): string {
  return `Account ${account.accountId}${account.accountName ? ` (${account.accountName})` : ''}`;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
