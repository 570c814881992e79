import { describe, it } from 'node:test';
import type { PasswordPolicy } from '../../../server/src/engine/account';
import minLength from '../../../rules/identity-and-access-management/account-password-policy-min-length';
import reuse from '../../../rules/identity-and-access-management/account-password-policy-reuse-prevention';
import complexity from '../../../rules/identity-and-access-management/account-password-policy-complexity';
import { checkAccountCases, denied, fail, notEvaluated, ok, pass, snapshotWith } from '../../helpers/account-snapshot';

const STRONG: PasswordPolicy = { minimumLength: 14, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, reusePrevention: 24, maxAgeDays: 90 };
const policy = (change: Partial<PasswordPolicy>) => snapshotWith((s) => (s.iam.passwordPolicy = ok({ ...STRONG, ...change })));
const none = snapshotWith((s) => (s.iam.passwordPolicy = ok(null)));
const policyDenied = snapshotWith((s) => (s.iam.passwordPolicy = denied('iam:GetAccountPasswordPolicy')));

describe('account-password-policy-min-length', () => {
  checkAccountCases(minLength, [
    { name: '8 characters fail', snapshot: policy({ minimumLength: 8 }), expected: fail('111122223333: The password policy accepts passwords of 8 characters (14 or more are required).') },
    { name: 'no password policy fails', snapshot: none, expected: fail('111122223333: The account has no password policy, so IAM accepts passwords of 8 characters (14 or more are required).') },
    { name: '20 characters pass', snapshot: policy({ minimumLength: 20 }), expected: pass },
    { name: 'GetAccountPasswordPolicy denied: not evaluated', snapshot: policyDenied, expected: notEvaluated('iam:GetAccountPasswordPolicy') },
  ], it);
});

describe('account-password-policy-reuse-prevention', () => {
  checkAccountCases(reuse, [
    { name: 'no reuse prevention fails', snapshot: policy({ reusePrevention: 0 }), expected: fail('111122223333: The password policy does not prevent password reuse (24 are recommended).') },
    { name: 'remembering 5 fails', snapshot: policy({ reusePrevention: 5 }), expected: fail('111122223333: The password policy remembers only the last 5 passwords (24 are recommended).') },
    { name: 'no password policy fails', snapshot: none, expected: fail('111122223333: The account has no password policy, so users can reuse their old passwords.') },
    { name: 'GetAccountPasswordPolicy denied: not evaluated', snapshot: policyDenied, expected: notEvaluated('iam:GetAccountPasswordPolicy') },
  ], it);
});

describe('account-password-policy-complexity', () => {
  checkAccountCases(complexity, [
    { name: 'no symbols and no numbers fail', snapshot: policy({ requireSymbols: false, requireNumbers: false }), expected: fail('111122223333: The password policy does not require a number, a symbol.') },
    { name: 'no password policy fails', snapshot: none, expected: fail('111122223333: The account has no password policy: passwords need not contain an uppercase letter, a lowercase letter, a number, a symbol.') },
    { name: 'a short but complex policy passes here (length is another rule)', snapshot: policy({ minimumLength: 8 }), expected: pass },
    { name: 'GetAccountPasswordPolicy denied: not evaluated', snapshot: policyDenied, expected: notEvaluated('iam:GetAccountPasswordPolicy') },
  ], it);
});
