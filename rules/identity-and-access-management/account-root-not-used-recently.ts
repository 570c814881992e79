import { ROOT_USER, type AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage, days, daysSince } from '../lib/account';

/** Root use within this many days is reported: everyday work belongs to other identities. */
const RECENT_DAYS = 90;

const rule: AccountRule = {
  meta: {
    id: 'account-root-not-used-recently',
    area: 'identity-and-access-management',
    bestPractice: ['SEC01-BP02', 'SEC03-BP03'],
    severity: 'warning',
    title: 'The root user should not be used for everyday work',
    rationale:
      'Only a handful of tasks need the root user. Using it for anything else spreads its credentials to more places and people, and leaves actions that no policy limited and that are hard to attribute to a person.',
    remediation:
      'Give people IAM Identity Center or role access for their daily work, keep the root credentials locked away for the few tasks that need them, and find out who signed in as root and why.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents([], ['1.7']),
    fixable: false,
  },
  check(context) {
    const rows = context.use(context.snapshot.iam.credentialReport);
    const root = rows?.find((row) => row.user === ROOT_USER);
    if (!root) return;
    const uses = [
      { what: 'signed in', at: root.passwordLastUsed },
      ...root.accessKeys.map((key, i) => ({ what: `used access key ${i + 1}`, at: key.lastUsed })),
    ].filter((use): use is { what: string; at: string } => use.at !== null && daysSince(use.at, context.now) < RECENT_DAYS);
    if (uses.length === 0) return;
    const latest = uses.reduce((a, b) => (a.at > b.at ? a : b));
    context.report({
      entity: { kind: 'account', id: context.snapshot.accountId, console: consolePage.rootCredentials(context.snapshot) },
      message: `The root user ${latest.what} ${days(daysSince(latest.at, context.now))} ago (${latest.at.slice(0, 10)}).`,
    });
  },
};

export default rule;
