import { describe, it } from 'node:test';
import rootMfa from '../../../rules/identity-and-access-management/account-root-mfa-enabled';
import rootKeys from '../../../rules/identity-and-access-management/account-root-no-access-keys';
import rootUsed from '../../../rules/identity-and-access-management/account-root-not-used-recently';
import { checkAccountCases, daysAgo, denied, fail, notEvaluated, ok, pass, snapshotWith } from '../../helpers/account-snapshot';

describe('account-root-mfa-enabled', () => {
  checkAccountCases(rootMfa, [
    { name: 'root without MFA fails', snapshot: snapshotWith((s) => (s.iam.summary = ok({ rootMfaEnabled: false, rootAccessKeysPresent: false }))), expected: fail('111122223333: The root user has no MFA device.') },
    { name: 'root with MFA and keys is not this rule\'s concern', snapshot: snapshotWith((s) => (s.iam.summary = ok({ rootMfaEnabled: true, rootAccessKeysPresent: true }))), expected: pass },
    { name: 'GetAccountSummary denied: not evaluated', snapshot: snapshotWith((s) => (s.iam.summary = denied('iam:GetAccountSummary'))), expected: notEvaluated('iam:GetAccountSummary') },
  ], it);
});

describe('account-root-no-access-keys', () => {
  checkAccountCases(rootKeys, [
    { name: 'a root access key fails', snapshot: snapshotWith((s) => (s.iam.summary = ok({ rootMfaEnabled: true, rootAccessKeysPresent: true }))), expected: fail('111122223333: The root user has an access key.') },
    { name: 'GetAccountSummary denied: not evaluated', snapshot: snapshotWith((s) => (s.iam.summary = denied('iam:GetAccountSummary'))), expected: notEvaluated('iam:GetAccountSummary') },
  ], it);
});

describe('account-root-not-used-recently', () => {
  const rootUsedAt = (password: string | null, key: string | null) =>
    snapshotWith((s) => {
      const report = (s.iam.credentialReport as unknown as { value: { user: string; passwordLastUsed: string | null; accessKeys: { active: boolean; lastRotated: string | null; lastUsed: string | null }[] }[] }).value;
      const root = report.find((row) => row.user === '<root_account>')!;
      root.passwordLastUsed = password;
      root.accessKeys[0] = { active: key !== null, lastRotated: key && daysAgo(500), lastUsed: key };
    });
  checkAccountCases(rootUsed, [
    { name: 'a root sign-in 5 days ago fails', snapshot: rootUsedAt(daysAgo(5), null), expected: fail('111122223333: The root user signed in 5 days ago (2026-05-27).') },
    { name: 'the latest use is reported: a key used yesterday', snapshot: rootUsedAt(daysAgo(40), daysAgo(1)), expected: fail('111122223333: The root user used access key 1 1 day ago (2026-05-31).') },
    { name: 'a sign-in 90 days ago is old enough', snapshot: rootUsedAt(daysAgo(90), null), expected: pass },
    { name: 'never used passes', snapshot: rootUsedAt(null, null), expected: pass },
    { name: 'credential report denied: not evaluated', snapshot: snapshotWith((s) => (s.iam.credentialReport = denied('iam:GenerateCredentialReport'))), expected: notEvaluated('iam:GenerateCredentialReport') },
  ], it);
});
