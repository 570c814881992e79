import { policyName } from '../../server/src/engine/iam/statement';
import { allowStatements, policyRule } from '../lib/iam';

export default policyRule(
  {
    id: 'iam-policy-no-allow-not-resource',
    bestPractice: ['SEC03-BP02'],
    severity: 'warning',
    title: 'Policies should not allow with NotResource',
    rationale:
      '`Effect: Allow` with `NotResource` grants the actions on every resource except the ones listed, in every account the principal can reach and on resources created later. The grant grows without anyone changing the policy.',
    remediation: 'Name the resources the actions apply to with `Resource`. To exclude resources from a broader grant, add a `Deny` statement for them.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html'],
    equivalents: { cfnNag: ['W21', 'W22', 'W23'] },
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secrets/*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context)) {
      const pair = statement.node.byKey.get('NotResource');
      if (pair) context.report({ at: pair.key, message: `${policyName(policy, statement)} allows its actions on every resource except the ones listed under NotResource, including resources created later.` });
    }
  },
);
