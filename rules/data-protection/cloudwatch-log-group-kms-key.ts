import { customerManagedKey } from '../lib/at-rest';
import { propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'cloudwatch-log-group-kms-key',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'info',
    title: 'Log groups can encrypt their events with a customer managed KMS key',
    rationale:
      'CloudWatch Logs always encrypts log events at rest, with keys the service owns. Logs often hold request data, identifiers and, by mistake, secrets. A customer managed key adds a second gate: reading the events then also needs permission on the key, whose policy you control and whose use CloudTrail records, and disabling the key makes the data unreadable at once.',
    remediation:
      'Set `KmsKeyId` to the ARN of a symmetric customer managed key whose key policy lets the `logs.<region>.amazonaws.com` service principal use it (scoped with the `kms:EncryptionContext:aws:logs:arn` condition). Associating a key changes the log group in place; only events ingested afterwards are encrypted with it.',
    docs: [
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#cfn-logs-loggroup-kmskeyid',
    ],
    resourceTypes: ['AWS::Logs::LogGroup'],
    equivalents: { checkov: ['CKV_AWS_158'], cfnNag: ['W84'], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: false,
    enabledByDefault: false,
    examples: {
      insecure: `Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
`,
      secure: `Parameters:
  LogsKeyArn:
    Type: String
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
      KmsKeyId: !Ref LogsKeyArn
`,
    },
  },
  [customerManagedKey('KmsKeyId', 'encryption with keys CloudWatch Logs owns')],
);
