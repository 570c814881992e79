import { policyName, principals } from '../../server/src/engine/iam/statement';
import type { PolicyDocument } from '../../server/src/engine/policies';
import { intrinsic } from '../../server/src/engine/rule';
import { allowStatements, hasConditionOn, policyRule } from '../lib/iam';
import { conditionChange } from '../lib/iam-fixes';

/** Resource policies through which a service acts on behalf of another resource (confused deputy). */
const DEPUTY_POLICIES = new Set(['AWS::S3::BucketPolicy', 'AWS::SNS::TopicPolicy', 'AWS::SQS::QueuePolicy', 'AWS::Lambda::Permission', 'AWS::KMS::Key', 'AWS::Logs::ResourcePolicy']);
/** Keys that say on whose behalf the service acts; KMS key policies say it through the encryption context. */
const SOURCE_KEYS = ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOwner', 'aws:SourceOrgID', 'aws:SourceOrgPaths', 'kms:EncryptionContext:', 'kms:CallerAccount'];

export default policyRule(
  {
    id: 'iam-resource-policy-service-principal-source',
    bestPractice: ['SEC03-BP07'],
    severity: 'warning',
    title: 'Grants to AWS services should name the source account or resource (confused deputy)',
    rationale:
      'A grant to a service principal (`sns.amazonaws.com`, `events.amazonaws.com`…) lets that service act for any of its customers. Without `aws:SourceAccount` or `aws:SourceArn`, someone else\'s topic, rule or bucket can make the service deliver to, invoke or write into your resource: the confused deputy problem.',
    remediation:
      'Add `aws:SourceAccount` (your account) or `aws:SourceArn` (the resource that calls) to the statement\'s conditions; for `AWS::Lambda::Permission`, set `SourceAccount` or `SourceArn`.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html'],
    equivalents: { checkov: ['CKV_AWS_364'] },
    fixable: true,
    examples: {
      insecure:
        'Resources:\n  Permission:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: my-function\n      Action: lambda:InvokeFunction\n      Principal: s3.amazonaws.com\n',
      secure:
        'Resources:\n  Permission:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: my-function\n      Action: lambda:InvokeFunction\n      Principal: s3.amazonaws.com\n      SourceAccount: !Ref AWS::AccountId\n',
    },
  },
  (policy, context) => {
    if (!policy.resource || !DEPUTY_POLICIES.has(policy.resource.type)) return;
    for (const statement of allowStatements(policy, context, ['resource'])) {
      const service = principals(statement.principal, context.evaluator).find((principal) => principal.type === 'Service' && principal.text?.endsWith('.amazonaws.com'));
      if (!service || hasConditionOn(statement, context, SOURCE_KEYS)) continue;
      context.report({
        at: service.node,
        message: `${policyName(policy, statement)} lets ${service.text} act for any AWS account: no aws:SourceAccount or aws:SourceArn condition says on whose behalf.`,
        fixes: sourceAccountFix(policy, statement),
      });
    }
  },
);

function sourceAccountFix(policy: PolicyDocument, statement: PolicyDocument['statements'][number]) {
  if (!policy.editable) return [];
  const account = intrinsic.ref('AWS::AccountId');
  const change = policy.form === 'permission' ? { kind: 'set' as const, map: statement.node, key: 'SourceAccount', value: account } : conditionChange(statement, 'StringEquals', 'aws:SourceAccount', account);
  return change ? [{ title: 'Allow the service only on behalf of this account (aws:SourceAccount)', preferred: true, changes: [change] }] : [];
}
