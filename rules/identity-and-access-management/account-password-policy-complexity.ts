import type { AccountRule, PasswordPolicy } from '../../server/src/engine/account';
import { accountEquivalents, consolePage } from '../lib/account';

const REQUIREMENTS: readonly { readonly field: keyof PasswordPolicy; readonly what: string }[] = [
  { field: 'requireUppercase', what: 'an uppercase letter' },
  { field: 'requireLowercase', what: 'a lowercase letter' },
  { field: 'requireNumbers', what: 'a number' },
  { field: 'requireSymbols', what: 'a symbol' },
];

const rule: AccountRule = {
  meta: {
    id: 'account-password-policy-complexity',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP01'],
    severity: 'info',
    title: 'The password policy should require mixed character types',
    rationale:
      'Requiring upper- and lowercase letters, numbers and symbols rules out the most guessable passwords. Length matters more, but the two together are what most audits, and AWS Security Hub, expect of an IAM password policy.',
    remediation: 'Edit the account password policy and require at least one uppercase letter, one lowercase letter, one number and one non-alphanumeric character.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.7', 'IAM.11', 'IAM.12', 'IAM.13', 'IAM.14'], []),
    fixable: false,
  },
  check(context) {
    const policy = context.use(context.snapshot.iam.passwordPolicy);
    if (policy === undefined) return;
    const entity = { kind: 'account' as const, id: context.snapshot.accountId, console: consolePage.accountSettings(context.snapshot) };
    const missing = policy === null ? REQUIREMENTS : REQUIREMENTS.filter(({ field }) => policy[field] !== true);
    if (missing.length === 0) return;
    const list = missing.map((r) => r.what).join(', ');
    context.report({ entity, message: policy === null ? `The account has no password policy: passwords need not contain ${list}.` : `The password policy does not require ${list}.` });
  },
};

export default rule;
