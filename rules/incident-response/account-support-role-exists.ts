import type { AccountRule } from '../../server/src/engine/account';
import { accountEquivalents, consolePage } from '../lib/account';

const SUPPORT_POLICY = 'AWSSupportAccess';

const rule: AccountRule = {
  meta: {
    id: 'account-support-role-exists',
    area: 'incident-response',
    bestPractice: ['SEC10-BP05', 'SEC10-BP01'],
    severity: 'info',
    title: 'A role should be ready for working with AWS Support',
    rationale:
      'During an incident, opening and following AWS Support cases must not wait for someone to find an administrator. A role (or group) with the AWSSupportAccess policy, prepared in advance, lets the responders engage AWS without holding broader rights.',
    remediation: `Create a role that your incident responders can assume, and attach the AWS managed policy ${SUPPORT_POLICY} to it.`,
    docs: ['https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html', 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSupportAccess.html'],
    resourceTypes: ['account'],
    equivalents: accountEquivalents(['IAM.18'], ['1.17']),
    fixable: false,
  },
  check(context) {
    const authorization = context.use(context.snapshot.iam.authorization);
    if (!authorization) return;
    const holds = (principal: { attachedPolicies: readonly { name: string; arn: string }[] }) => principal.attachedPolicies.some((p) => p.arn.endsWith(`:policy/${SUPPORT_POLICY}`));
    if ([...authorization.roles, ...authorization.groups, ...authorization.users].some(holds)) return;
    context.report({ entity: { kind: 'account', id: context.snapshot.accountId, console: consolePage.iam(context.snapshot, 'roles') }, message: `No role, group or user holds the ${SUPPORT_POLICY} policy.` });
  },
};

export default rule;
