import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage, credentialKeys, userRows } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-user-single-active-access-key',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP05'],
    severity: 'info',
    title: 'Each IAM user should have at most one active access key',
    rationale:
      'A second key is meant for the short overlap of a rotation. Two keys active for long double what can leak and make it unclear which one a workload depends on, so old keys never get retired.',
    remediation: 'Find which key is in use (the credential report shows when each was last used), move everything to it, and deactivate the other.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents([], ['1.13']),
    fixable: false,
  },
  check(context) {
    for (const row of userRows(context.use(context.snapshot.iam.credentialReport) ?? [])) {
      const active = credentialKeys(context, row).filter((key) => key.active);
      if (active.length > 1) {
        context.report({ entity: { kind: 'user', id: row.user, console: consolePage.user(context.snapshot, row.user) }, message: `${row.user} has ${active.length} active access keys (${active.map((k) => k.label).join(', ')}).` });
      }
    }
  },
};

export default rule;
