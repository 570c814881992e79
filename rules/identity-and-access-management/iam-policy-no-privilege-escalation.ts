import type { IamAction } from '../../server/src/engine/iam/catalog';
import { policyName, policyValues, type PolicyValue } from '../../server/src/engine/iam/statement';
import type { Statement } from '../../server/src/engine/policies';
import { actionLabel, allowStatements, namedActionValues, policyRule } from '../lib/iam';

/**
 * The published privilege escalation paths (Rhino Security Labs, Bishop Fox): sets of actions
 * that together let a principal give itself more permissions than it has. Each says what the
 * principal can do with them, for the message.
 */
const PATHS: readonly { readonly actions: readonly string[]; readonly can: string }[] = [
  { actions: ['iam:CreatePolicyVersion'], can: 'rewrite a managed policy attached to it' },
  { actions: ['iam:SetDefaultPolicyVersion'], can: 'switch a managed policy to a more permissive version' },
  { actions: ['iam:AttachUserPolicy'], can: 'attach any managed policy (AdministratorAccess too) to a user' },
  { actions: ['iam:AttachGroupPolicy'], can: 'attach any managed policy (AdministratorAccess too) to a group' },
  { actions: ['iam:AttachRolePolicy'], can: 'attach any managed policy (AdministratorAccess too) to a role' },
  { actions: ['iam:PutUserPolicy'], can: 'write an inline policy granting anything to a user' },
  { actions: ['iam:PutGroupPolicy'], can: 'write an inline policy granting anything to a group' },
  { actions: ['iam:PutRolePolicy'], can: 'change its own permissions' },
  { actions: ['iam:AddUserToGroup'], can: 'add a user to a more privileged group' },
  { actions: ['iam:UpdateAssumeRolePolicy'], can: 'make any role trust it, then assume that role' },
  { actions: ['iam:CreateAccessKey'], can: 'create access keys for other users and act as them' },
  { actions: ['iam:CreateLoginProfile'], can: 'set a console password for other users and sign in as them' },
  { actions: ['iam:UpdateLoginProfile'], can: 'change other users\' console passwords and sign in as them' },
  { actions: ['iam:DeleteRolePermissionsBoundary'], can: 'remove the permissions boundary that limits a role' },
  { actions: ['iam:DeleteUserPermissionsBoundary'], can: 'remove the permissions boundary that limits a user' },
  { actions: ['iam:PassRole', 'ec2:RunInstances'], can: 'start an EC2 instance with any role and use that role\'s permissions' },
  { actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], can: 'create and invoke a Lambda function that runs with any role' },
  { actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'], can: 'create a Lambda function that runs with any role and have an event source trigger it' },
  { actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], can: 'create a Glue development endpoint with any role and log in to it' },
  { actions: ['iam:PassRole', 'cloudformation:CreateStack'], can: 'create a CloudFormation stack that runs with any role' },
  { actions: ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'], can: 'run a Data Pipeline with any role' },
  { actions: ['glue:UpdateDevEndpoint'], can: 'add its SSH key to an existing Glue development endpoint and use its role' },
  { actions: ['lambda:UpdateFunctionCode'], can: 'replace the code of a Lambda function and run it with the function\'s role' },
];

/** Actions on users that are an escalation only when they may target other users than the caller. */
const ON_OTHER_USERS = new Set(['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile']);

export default policyRule(
  {
    id: 'iam-policy-no-privilege-escalation',
    bestPractice: ['SEC03-BP02', 'SEC02-BP06'],
    severity: 'error',
    title: 'Policies must not allow privilege escalation',
    rationale:
      'Some actions, alone or together, let a principal raise its own permissions: writing or attaching policies, changing a role\'s trust, creating credentials for other users, or passing a powerful role to a service it controls. Whatever else the policy limits, its holder can become an administrator.',
    remediation:
      'Remove the actions, or scope them to the resources the workload manages (specific role, policy and user ARNs; `${aws:username}` for a user\'s own credentials). Grant IAM administration to people through roles they assume with MFA, and limit what they create with permissions boundaries.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    equivalents: { checkov: ['CKV_AWS_110'] },
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:PutRolePolicy", "iam:GetRole"], "Resource": "*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "*"}]}\n',
    },
  },
  (policy, context) => {
    // Which actions the policy allows on broad resources (a wildcard, or other users), and where.
    const allowed = new Map<string, { statement: Statement; value: PolicyValue; action: IamAction }>();
    for (const statement of allowStatements(policy, context, ['identity'])) {
      const resources = policyValues(statement.resource, context.evaluator).map((value) => value.text);
      if (!statement.resource || resources.every((text) => text !== undefined && !text.includes('*'))) continue;
      const onlySelf = resources.every((text) => text !== undefined && /\$\{aws:username\}$/.test(text));
      for (const value of namedActionValues(statement, context)) {
        for (const action of value.actions) {
          if (onlySelf && ON_OTHER_USERS.has(action.id)) continue;
          if (!allowed.has(action.id)) allowed.set(action.id, { statement, value, action });
        }
      }
    }
    for (const path of PATHS) {
      const found = path.actions.map((id) => allowed.get(id));
      if (found.some((entry) => !entry)) continue;
      const first = found[0]!;
      const through = found.map((entry) => actionLabel(entry!.action, entry!.value)).join(' with ');
      context.report({ at: first.value.node, message: `${policyName(policy)} can ${path.can} through ${through}.` });
    }
  },
);
