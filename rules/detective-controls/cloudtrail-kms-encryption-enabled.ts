import { mustBeSet, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'cloudtrail-kms-encryption-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01', 'SEC08-BP02'],
    severity: 'warning',
    title: 'CloudTrail trails should encrypt their log files with a KMS key',
    rationale:
      'A trail\'s log files describe the whole account: who holds which role, which resources exist, which calls were refused. Encrypted only with S3 managed keys, they can be read by anyone who can read the bucket. With a customer managed KMS key, reading them also takes permission on the key, and every decryption is itself recorded, so the evidence stays confidential and access to it is visible.',
    remediation:
      'Set `KMSKeyId` to a customer managed key (its ARN, alias or `!Ref` of an `AWS::KMS::Key`) whose key policy lets `cloudtrail.amazonaws.com` use `kms:GenerateDataKey*` for this trail (condition on `aws:SourceArn`) and lets your investigators decrypt. The key must be in the same Region as the bucket.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-kmskeyid',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
    ],
    resourceTypes: ['AWS::CloudTrail::Trail'],
    equivalents: {
      checkov: ['CKV_AWS_35'],
      cfnNag: [],
      cfnLint: [],
      kics: ['050a9ba8-d1cb-4c61-a5e8-8805a70d3b85'],
      securityHub: ['CloudTrail.2'],
      cis: ['3.5'],
    },
    fixable: false,
    examples: {
      insecure: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      S3BucketName: audit-logs
      EnableLogFileValidation: true
`,
      secure: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      S3BucketName: audit-logs
      EnableLogFileValidation: true
      KMSKeyId: alias/cloudtrail-logs
`,
    },
  },
  [{ ...mustBeSet('KMSKeyId', 'encryption with a KMS key'), missingPhrase: 'does not encrypt its log files with a KMS key', insecurePhrase: 'does not encrypt its log files with a KMS key' }],
);
