import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage, credentialKeys, days, daysSince, userRows } from '../lib/account';

const MAX_AGE_DAYS = 90;

const rule: AccountRule = {
  meta: {
    id: 'account-access-keys-rotated',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP05'],
    severity: 'warning',
    title: 'Active access keys must be rotated within 90 days',
    rationale:
      'The longer an access key lives, the more copies of it exist, in scripts, CI settings and laptops, and the longer a leaked copy keeps working. Rotating keys bounds that exposure; replacing them with roles removes it.',
    remediation: `Create a second key, move every use to it, then deactivate and delete the old one (\`aws iam create-access-key\`, \`update-access-key --status Inactive\`, \`delete-access-key\`). Better, replace user keys with IAM roles or IAM Identity Center's short-term credentials.`,
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.3'], ['1.14']),
    fixable: false,
  },
  check(context) {
    for (const row of userRows(context.use(context.snapshot.iam.credentialReport) ?? [])) {
      for (const key of credentialKeys(context, row)) {
        const age = daysSince(key.lastRotated, context.now);
        if (!key.active || age <= MAX_AGE_DAYS) continue;
        context.report({ entity: { kind: 'access-key', id: key.label, console: consolePage.user(context.snapshot, row.user) }, message: `${row.user}'s ${key.label} is ${days(age)} old (rotate within ${MAX_AGE_DAYS} days).` });
      }
    }
  },
};

export default rule;
