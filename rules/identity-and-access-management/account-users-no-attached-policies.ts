import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-users-no-attached-policies',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP06', 'SEC03-BP01'],
    severity: 'warning',
    title: 'IAM users should get permissions through groups, not policies of their own',
    rationale:
      'Permissions granted user by user drift apart and are hard to review: nobody can tell what a job needs when every person holds a different mix. Groups (or roles) tie permissions to functions, so joining and leaving is one change.',
    remediation: 'Move each listed policy to a group that stands for the job, add the user to that group, and detach the policy from the user.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.2'], ['1.15']),
    fixable: false,
  },
  check(context) {
    for (const user of context.use(context.snapshot.iam.authorization)?.users ?? []) {
      const names = [...user.attachedPolicies.map((p) => p.name), ...user.inlinePolicies.map((p) => `${p.name} (inline)`)];
      if (names.length > 0) {
        context.report({ entity: { kind: 'user', id: user.name, console: consolePage.user(context.snapshot, user.name).replace('security_credentials', 'permissions') }, message: `${user.name} has policies of its own: ${names.join(', ')}.` });
      }
    }
  },
};

export default rule;
