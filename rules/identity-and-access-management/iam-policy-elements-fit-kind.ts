import { actionValues, policyName } from '../../server/src/engine/iam/statement';
import { policyRule } from '../lib/iam';

/** What a role trust policy may allow. */
const TRUST_ACTIONS = /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext|\*)$/i;

export default policyRule(
  {
    id: 'iam-policy-elements-fit-kind',
    bestPractice: ['SEC03-BP02'],
    severity: 'error',
    title: 'Principal and Resource must fit the kind of policy',
    rationale:
      'Each kind of policy has its own grammar. A policy attached to a user, group or role applies to that principal, so it cannot name a `Principal`; a resource policy must say whom it allows; a role trust policy must name who may assume the role, cannot have a `Resource`, and allows only the `sts:` actions that assume or tag a session. IAM rejects the policy otherwise.',
    remediation: 'Remove `Principal` from identity policies (attach the policy to that principal instead), add `Principal` to resource and trust policies, and remove `Resource` from trust policies.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html'],
    equivalents: { cfnLint: ['E3510', 'E3512', 'E3530'] },
    examples: {
      insecure:
        'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: sts:AssumeRole\n            Resource: "*"\n',
      secure:
        'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Service: ecs-tasks.amazonaws.com }\n            Action: sts:AssumeRole\n',
    },
  },
  (policy, context) => {
    if (policy.form === 'permission' || policy.form === 'sam-template' || policy.resource?.type === 'AWS::Events::EventBusPolicy') return;
    const name = policyName(policy);
    for (const statement of policy.statements) {
      const principal = statement.node.byKey.get('Principal') ?? statement.node.byKey.get('NotPrincipal');
      const first = statement.node.pairs[0]?.key ?? statement.node;
      if (policy.kind === 'identity' && principal) {
        context.report({ at: principal.key, message: `${name} is attached to a principal: its statements cannot name a ${principal.key.value}.` });
      }
      if (policy.kind !== 'identity' && !principal) {
        context.report({ at: first, message: `${name} is a ${policy.kind === 'trust' ? 'role trust' : 'resource'} policy: each statement must name a Principal.` });
      }
      if (policy.kind !== 'trust') continue;
      const resource = statement.node.byKey.get('Resource') ?? statement.node.byKey.get('NotResource');
      if (resource) context.report({ at: resource.key, message: `${name} is a role trust policy: it applies to the role itself and cannot have a ${resource.key.value}.` });
      for (const value of actionValues(statement.action, context.evaluator, context.iam)) {
        if (value.text !== undefined && !TRUST_ACTIONS.test(value.text) && value.text !== '*') {
          context.report({ at: value.node, message: `${name} is a role trust policy: it can allow only sts:AssumeRole (or AssumeRoleWithSAML, AssumeRoleWithWebIdentity, TagSession, SetSourceIdentity, SetContext), not ${value.text}.` });
        }
      }
    }
  },
);
