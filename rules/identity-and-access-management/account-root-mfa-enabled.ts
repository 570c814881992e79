import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-root-mfa-enabled',
    area: 'identity-and-access-management',
    bestPractice: ['SEC01-BP02', 'SEC02-BP01'],
    severity: 'error',
    title: 'The root user must sign in with MFA',
    rationale:
      'The root user can do anything in the account, including closing it, and no policy can restrict it. A password alone is one phishing mail or one reused password away from losing the account; a second factor keeps a stolen password from being enough.',
    remediation:
      'Sign in as the root user, open Security credentials and assign an MFA device (a FIDO security key or a hardware token is best). Keep the device, and a second one, somewhere safe that more than one person can reach.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.9'], ['1.5']),
    fixable: false,
  },
  check(context) {
    const summary = context.use(context.snapshot.iam.summary);
    if (summary && !summary.rootMfaEnabled) {
      context.report({ entity: { kind: 'account', id: context.snapshot.accountId, console: consolePage.rootCredentials(context.snapshot) }, message: 'The root user has no MFA device.' });
    }
  },
};

export default rule;
