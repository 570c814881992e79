import { policyName } from '../../server/src/engine/iam/statement';
import type { FixSpec } from '../../server/src/engine/rule';
import { policyRule } from '../lib/iam';
import { insideMap } from '../lib/iam-fixes';

export default policyRule(
  {
    id: 'iam-policy-version-current',
    bestPractice: ['SEC03-BP02'],
    severity: 'warning',
    title: 'Policies should declare Version "2012-10-17"',
    rationale:
      'Without `Version: "2012-10-17"` (or with the 2008 version) IAM reads the policy with its oldest language: policy variables such as `${aws:username}` are taken as literal text, so a statement meant for each user\'s own resources matches none, or the wrong ones.',
    remediation: 'Set `Version: "2012-10-17"` at the top of the policy document (not the date the policy was written: it names the policy language).',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html'],
    equivalents: { cfnLint: ['W2511'] },
    fixable: true,
    examples: {
      insecure: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}\n',
    },
  },
  (policy, context) => {
    if (policy.form === 'permission' || policy.form === 'sam-template' || policy.unreadable || policy.resource?.type === 'AWS::Events::EventBusPolicy') return;
    const version = policy.version ? context.evaluator.single(policy.version) : undefined;
    const text = version?.kind === 'known' ? String(version.value) : undefined;
    if (policy.version && text !== '2008-10-17') return;
    const fixes: FixSpec[] = policy.editable
      ? [{ title: 'Set Version to "2012-10-17"', preferred: true, changes: [policy.version ? { kind: 'replace', node: policy.version, value: '2012-10-17' } : { kind: 'set', map: policy.node, key: 'Version', value: '2012-10-17', ...insideMap(policy.node, ['Id', 'Statement']) }] }]
      : [];
    context.report({
      at: policy.version ?? policy.node.byKey.get('Statement')?.key ?? policy.node,
      message: policy.version
        ? `${policyName(policy)} uses the 2008-10-17 policy language, where policy variables such as \${aws:username} are plain text.`
        : `${policyName(policy)} has no Version, so IAM reads it with the 2008 policy language, where policy variables are plain text.`,
      fixes,
    });
  },
);
