import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage, credentialKeys, days, daysSince, userRows } from '../lib/account';

const MAX_IDLE_DAYS = 45;

const rule: AccountRule = {
  meta: {
    id: 'account-credentials-unused',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP05', 'SEC03-BP06'],
    severity: 'warning',
    title: 'Credentials unused for 45 days must be disabled',
    rationale:
      'A password or access key nobody uses still works for whoever finds it, and nobody would notice it being used. People leave and projects end; their credentials should end with them.',
    remediation: `Disable console access of users who have not signed in for ${MAX_IDLE_DAYS} days, and deactivate access keys unused for as long (\`aws iam update-access-key --status Inactive\`); delete them once nothing breaks.`,
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.22'], ['1.12']),
    fixable: false,
  },
  check(context) {
    const idle = (lastUsed: string | null, since: string | null) => {
      const reference = lastUsed ?? since;
      return reference !== null && daysSince(reference, context.now) > MAX_IDLE_DAYS;
    };
    const never = (lastUsed: string | null) => (lastUsed === null ? 'never used' : `last used ${days(daysSince(lastUsed, context.now))} ago`);
    for (const row of userRows(context.use(context.snapshot.iam.credentialReport) ?? [])) {
      const console = consolePage.user(context.snapshot, row.user);
      if (row.passwordEnabled && idle(row.passwordLastUsed, row.userCreationTime)) {
        context.report({ entity: { kind: 'user', id: row.user, console }, message: `${row.user}'s console password is enabled and was ${never(row.passwordLastUsed)}.` });
      }
      for (const key of credentialKeys(context, row)) {
        if (key.active && idle(key.lastUsed, key.lastRotated)) {
          context.report({ entity: { kind: 'access-key', id: key.label, console }, message: `${row.user}'s ${key.label} is active and was ${never(key.lastUsed)}.` });
        }
      }
    }
  },
};

export default rule;
