import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, allowsFullAdministrator, consolePage } from '../lib/account';

const rule: AccountRule = {
  meta: {
    id: 'account-policies-no-full-admin',
    area: 'identity-and-access-management',
    bestPractice: ['SEC03-BP02'],
    severity: 'error',
    title: 'Customer managed and inline policies must not allow "*" on "*"',
    rationale:
      'A policy that allows every action on every resource makes its holder an administrator, now and for every service AWS adds later, and lets them grant themselves anything else. Written by hand, it usually stands in for a list of permissions nobody took the time to find.',
    remediation:
      'Replace the statement with the actions and resources the holder needs; IAM Access Analyzer can generate a policy from CloudTrail activity. Where full access is truly needed, attach the AWS managed AdministratorAccess policy to a role that people assume with MFA.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.1'], ['1.16']),
    fixable: false,
  },
  check(context) {
    const { snapshot } = context;
    const authorization = context.use(snapshot.iam.authorization);
    if (!authorization) return;
    for (const policy of authorization.policies) {
      if (!allowsFullAdministrator(policy.document)) continue;
      const attached = policy.attachmentCount === 0 ? 'not attached' : `attached ${policy.attachmentCount} time${policy.attachmentCount === 1 ? '' : 's'}`;
      context.report({ entity: { kind: 'policy', id: policy.name, console: consolePage.policy(snapshot, policy.arn) }, message: `Policy ${policy.name} allows every action on every resource (${attached}).` });
    }
    const holders = [
      ...authorization.users.map((p) => ({ principal: p, kind: 'user' as const, console: consolePage.user(snapshot, p.name).replace('security_credentials', 'permissions') })),
      ...authorization.groups.map((p) => ({ principal: p, kind: 'group' as const, console: consolePage.group(snapshot, p.name) })),
      ...authorization.roles.map((p) => ({ principal: p, kind: 'role' as const, console: consolePage.role(snapshot, p.name) })),
    ];
    for (const { principal, kind, console } of holders) {
      for (const inline of principal.inlinePolicies) {
        if (!allowsFullAdministrator(inline.document)) continue;
        context.report({ entity: { kind, id: principal.name, console }, message: `The inline policy ${inline.name} of ${kind} ${principal.name} allows every action on every resource.` });
      }
    }
  },
};

export default rule;
