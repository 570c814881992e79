import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage, userRows } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-console-users-mfa-enabled',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP01'],
    severity: 'error',
    title: 'IAM users who can sign in to the console must use MFA',
    rationale:
      'A console password can be phished, guessed or reused from another site. With MFA, a stolen password is not enough to sign in; without it, it is all an attacker needs to act as that user in the console.',
    remediation:
      'Have each listed user assign an MFA device under Security credentials, and attach a policy that denies everything but MFA setup until they do. Where people need console access regularly, move them to IAM Identity Center.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.5'], ['1.10']),
    fixable: false,
  },
  check(context) {
    for (const row of userRows(context.use(context.snapshot.iam.credentialReport) ?? [])) {
      if (row.passwordEnabled && !row.mfaActive) {
        context.report({ entity: { kind: 'user', id: row.user, console: consolePage.user(context.snapshot, row.user) }, message: `${row.user} can sign in to the console with a password and has no MFA device.` });
      }
    }
  },
};

export default rule;
