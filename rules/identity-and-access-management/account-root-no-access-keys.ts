import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-root-no-access-keys',
    area: 'identity-and-access-management',
    bestPractice: ['SEC01-BP02', 'SEC02-BP02'],
    severity: 'error',
    title: 'The root user must have no access keys',
    rationale:
      'An access key of the root user is a long-lived secret with unlimited power that no policy or permissions boundary can narrow. Keys end up in scripts, laptops and build logs; one leak hands over the whole account.',
    remediation:
      'Find where the key is used (the credential report shows when it was last used), move that work to an IAM role, then deactivate and delete the root access keys under Security credentials.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_add-key.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.4'], ['1.4']),
    fixable: false,
  },
  check(context) {
    const summary = context.use(context.snapshot.iam.summary);
    if (summary?.rootAccessKeysPresent) {
      context.report({ entity: { kind: 'account', id: context.snapshot.accountId, console: consolePage.rootCredentials(context.snapshot) }, message: 'The root user has an access key.' });
    }
  },
};

export default rule;
