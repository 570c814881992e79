import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage } from '../lib/account';

const REMEMBERED = 24;

const rule: AccountRule = {
  meta: {
    id: 'account-password-policy-reuse-prevention',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP01', 'SEC02-BP05'],
    severity: 'warning',
    title: 'The password policy must prevent reusing recent passwords',
    rationale:
      'When a password is changed because it may have leaked, setting it back to an old one undoes the change. Remembering previous passwords makes a rotation a real rotation.',
    remediation: `Edit the account password policy and turn on "Prevent password reuse" with the last ${REMEMBERED} passwords remembered (\`--password-reuse-prevention ${REMEMBERED}\`).`,
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.16'], ['1.9']),
    fixable: false,
  },
  check(context) {
    const policy = context.use(context.snapshot.iam.passwordPolicy);
    if (policy === undefined) return;
    const entity = { kind: 'account' as const, id: context.snapshot.accountId, console: consolePage.accountSettings(context.snapshot) };
    if (policy === null) context.report({ entity, message: 'The account has no password policy, so users can reuse their old passwords.' });
    else if (policy.reusePrevention < REMEMBERED) {
      const now = policy.reusePrevention === 0 ? 'does not prevent password reuse' : `remembers only the last ${policy.reusePrevention} passwords`;
      context.report({ entity, message: `The password policy ${now} (${REMEMBERED} are recommended).` });
    }
  },
};

export default rule;
