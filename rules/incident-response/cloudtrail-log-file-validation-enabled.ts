import { mustBeTrue, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'cloudtrail-log-file-validation-enabled',
    area: 'incident-response',
    bestPractice: ['SEC10-BP03', 'SEC06-BP06'],
    severity: 'warning',
    title: 'CloudTrail trails should validate their log files',
    rationale:
      'During an investigation, CloudTrail logs are the evidence of who did what. An intruder who can write to the log bucket can edit or delete entries to cover their tracks. With log file validation, CloudTrail delivers signed digest files, so responders can prove the logs were not changed, deleted or forged after delivery.',
    remediation:
      'Set `EnableLogFileValidation: true`, then check logs with `aws cloudtrail validate-logs` when you investigate. Keep the log bucket in a separate logging account with Object Lock or a restrictive bucket policy.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-enablelogfilevalidation',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
    ],
    resourceTypes: ['AWS::CloudTrail::Trail'],
    equivalents: {
      checkov: ['CKV_AWS_36'],
      cfnNag: [],
      cfnLint: [],
      kics: ['2a3560fe-52ca-4443-b34f-bf0ed5eb74c8'],
      securityHub: ['CloudTrail.4'],
      cis: ['3.2'],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      S3BucketName: audit-logs
      EnableLogFileValidation: false
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
  [mustBeTrue('EnableLogFileValidation', 'log file validation', { value: true })],
);
