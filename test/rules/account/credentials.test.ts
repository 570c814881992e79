import { describe, it } from 'node:test';
import type { CredentialReportRow } from '../../../server/src/engine/account';
import consoleMfa from '../../../rules/identity-and-access-management/account-console-users-mfa-enabled';
import keysRotated from '../../../rules/identity-and-access-management/account-access-keys-rotated';
import unused from '../../../rules/identity-and-access-management/account-credentials-unused';
import singleKey from '../../../rules/identity-and-access-management/account-user-single-active-access-key';
import { checkAccountCases, daysAgo, denied, fail, notEvaluated, ok, pass, snapshotWith } from '../../helpers/account-snapshot';

type Row = { -readonly [K in keyof CredentialReportRow]: CredentialReportRow[K] };
type Key = { active: boolean; lastRotated: string | null; lastUsed: string | null };

/** The secure account with user erin added: her report row, and her key ids when ListAccessKeys answered. */
function withErin(row: Partial<Row>, keyIds: readonly (string | undefined)[] = []) {
  return snapshotWith((s) => {
    const erin: Row = { user: 'erin', arn: 'arn:aws:iam::111122223333:user/erin', userCreationTime: daysAgo(200), passwordEnabled: false, passwordLastUsed: null, mfaActive: false, accessKeys: [key(), key()], ...row };
    (s.iam.credentialReport as unknown as { value: Row[] }).value.push(erin);
    const keys = erin.accessKeys.flatMap((k, i) => (k.lastRotated && keyIds[i] ? [{ id: keyIds[i]!, active: k.active, created: k.lastRotated }] : []));
    (s.iam.accessKeys as unknown[]).push({ user: 'erin', keys: ok(keys) });
  });
}

function key(active = false, rotatedDaysAgo: number | null = null, usedDaysAgo: number | null = null): Key {
  return { active, lastRotated: rotatedDaysAgo === null ? null : daysAgo(rotatedDaysAgo), lastUsed: usedDaysAgo === null ? null : daysAgo(usedDaysAgo) };
}

const reportDenied = snapshotWith((s) => (s.iam.credentialReport = denied('iam:GenerateCredentialReport')));

describe('account-console-users-mfa-enabled', () => {
  checkAccountCases(consoleMfa, [
    { name: 'a console user without MFA fails', snapshot: withErin({ passwordEnabled: true, passwordLastUsed: daysAgo(2) }), expected: fail('erin: erin can sign in to the console with a password and has no MFA device.') },
    { name: 'a console user with MFA passes', snapshot: withErin({ passwordEnabled: true, mfaActive: true }), expected: pass },
    { name: 'a user without a password needs no MFA here', snapshot: withErin({ passwordEnabled: false, accessKeys: [key(true, 10, 1), key()] }), expected: pass },
    { name: 'credential report denied: not evaluated', snapshot: reportDenied, expected: notEvaluated('iam:GenerateCredentialReport') },
  ], it);
});

describe('account-access-keys-rotated', () => {
  checkAccountCases(keysRotated, [
    { name: 'an active key 120 days old fails, named by its id', snapshot: withErin({ accessKeys: [key(true, 120, 1), key()] }, ['AKIAERIN0000000001']), expected: fail("AKIAERIN0000000001: erin's AKIAERIN0000000001 is 120 days old (rotate within 90 days).") },
    { name: 'without ListAccessKeys the key is named by its report slot', snapshot: withErin({ accessKeys: [key(), key(true, 91, 1)] }), expected: fail("access key 2: erin's access key 2 is 91 days old (rotate within 90 days).") },
    { name: 'a key of exactly 90 days passes', snapshot: withErin({ accessKeys: [key(true, 90, 1), key()] }), expected: pass },
    { name: 'an old inactive key passes', snapshot: withErin({ accessKeys: [key(false, 300, 200), key()] }), expected: pass },
    { name: 'credential report denied: not evaluated', snapshot: reportDenied, expected: notEvaluated('iam:GenerateCredentialReport') },
  ], it);
});

describe('account-credentials-unused', () => {
  checkAccountCases(unused, [
    { name: 'a password last used 60 days ago fails', snapshot: withErin({ passwordEnabled: true, mfaActive: true, passwordLastUsed: daysAgo(60) }), expected: fail("erin: erin's console password is enabled and was last used 60 days ago.") },
    { name: 'a password never used by a user created 200 days ago fails', snapshot: withErin({ passwordEnabled: true, mfaActive: true }), expected: fail("erin: erin's console password is enabled and was never used.") },
    { name: 'a password never used by a user created 10 days ago passes', snapshot: withErin({ passwordEnabled: true, mfaActive: true, userCreationTime: daysAgo(10) }), expected: pass },
    { name: 'an active key unused since its creation 50 days ago fails', snapshot: withErin({ accessKeys: [key(true, 50, null), key()] }, ['AKIAERIN0000000001']), expected: fail("AKIAERIN0000000001: erin's AKIAERIN0000000001 is active and was never used.") },
    { name: 'an active key used 46 days ago fails', snapshot: withErin({ accessKeys: [key(), key(true, 70, 46)] }, [undefined, 'AKIAERIN0000000002']), expected: fail("AKIAERIN0000000002: erin's AKIAERIN0000000002 is active and was last used 46 days ago.") },
    { name: 'a key used 45 days ago passes', snapshot: withErin({ accessKeys: [key(true, 70, 45), key()] }), expected: pass },
    { name: 'an inactive unused key passes', snapshot: withErin({ accessKeys: [key(false, 70, null), key()] }), expected: pass },
    { name: 'credential report denied: not evaluated', snapshot: reportDenied, expected: notEvaluated('iam:GenerateCredentialReport') },
  ], it);
});

describe('account-user-single-active-access-key', () => {
  checkAccountCases(singleKey, [
    { name: 'two active keys fail', snapshot: withErin({ accessKeys: [key(true, 20, 1), key(true, 5, 1)] }, ['AKIAERIN0000000001', 'AKIAERIN0000000002']), expected: fail('erin: erin has 2 active access keys (AKIAERIN0000000001, AKIAERIN0000000002).') },
    { name: 'one active and one inactive key pass', snapshot: withErin({ accessKeys: [key(true, 20, 1), key(false, 5, null)] }), expected: pass },
    { name: 'credential report denied: not evaluated', snapshot: reportDenied, expected: notEvaluated('iam:GenerateCredentialReport') },
  ], it);
});
