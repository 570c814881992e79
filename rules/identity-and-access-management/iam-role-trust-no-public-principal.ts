import { isEveryone, policyName, principals } from '../../server/src/engine/iam/statement';
import { allowStatements, hasConditionOn, policyRule } from '../lib/iam';
import { explain } from '../lib/values';

/** Conditions that limit who may assume a role trusted by "*". */
const TRUST_NARROWING = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:SourceAccount', 'aws:SourceArn', 'aws:userid', 'sts:ExternalId'];

export default policyRule(
  {
    id: 'iam-role-trust-no-public-principal',
    bestPractice: ['SEC03-BP07', 'SEC02-BP04'],
    severity: 'error',
    title: 'Role trust policies must not let anyone assume the role',
    rationale:
      'A trust policy that allows `Principal: "*"` (or `{"AWS": "*"}`) lets any identity of any AWS account assume the role and use its permissions, unless a condition limits it to your organization or to named principals.',
    remediation: 'Trust the principals that need the role by ARN (a service, an account\'s role), or add a condition such as `aws:PrincipalOrgID` or `aws:PrincipalArn`.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html'],
    equivalents: { checkov: ['CKV_AWS_60'], kics: ['f80e3aa7-7b34-4185-954e-440a6894dde6'] },
    examples: {
      insecure:
        'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: "*" }\n            Action: sts:AssumeRole\n',
      secure:
        'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Service: lambda.amazonaws.com }\n            Action: sts:AssumeRole\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['trust'])) {
      const everyone = principals(statement.principal, context.evaluator).find(isEveryone);
      if (!everyone || hasConditionOn(statement, context, TRUST_NARROWING)) continue;
      context.report({ at: everyone.node, message: `${policyName(policy, statement)} lets any identity of any AWS account assume the role${explain(everyone.candidate)}.` });
    }
  },
);
