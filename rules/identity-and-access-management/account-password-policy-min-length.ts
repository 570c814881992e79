import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage } from '../lib/account';

const MINIMUM = 14;

const rule: AccountRule = {
  meta: {
    id: 'account-password-policy-min-length',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP01'],
    severity: 'warning',
    title: 'IAM user passwords must be at least 14 characters long',
    rationale:
      'Short passwords fall to guessing and to cracking of leaked hashes; length is what makes a password expensive to break. Without an account password policy, IAM accepts passwords of 8 characters.',
    remediation: `In IAM Account settings, edit the password policy and set the minimum length to ${MINIMUM} or more (or run \`aws iam update-account-password-policy --minimum-password-length ${MINIMUM}\` with your other settings). Better still, sign people in through IAM Identity Center or your identity provider.`,
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.15'], ['1.8']),
    fixable: false,
  },
  check(context) {
    const policy = context.use(context.snapshot.iam.passwordPolicy);
    if (policy === undefined) return;
    const entity = { kind: 'account' as const, id: context.snapshot.accountId, console: consolePage.accountSettings(context.snapshot) };
    if (policy === null) context.report({ entity, message: `The account has no password policy, so IAM accepts passwords of 8 characters (${MINIMUM} or more are required).` });
    else if (policy.minimumLength < MINIMUM) context.report({ entity, message: `The password policy accepts passwords of ${policy.minimumLength} characters (${MINIMUM} or more are required).` });
  },
};

export default rule;
