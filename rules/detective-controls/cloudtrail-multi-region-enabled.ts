import { mustBeTrue, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'cloudtrail-multi-region-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01', 'SEC04-BP02'],
    severity: 'warning',
    title: 'CloudTrail trails should record every Region',
    rationale:
      'Detection depends on seeing every API call, and an attacker with credentials can act in any Region, including ones the workload never uses. A single-Region trail leaves those Regions dark. A multi-Region trail records them all into one place where the logs can be analyzed together.',
    remediation:
      'Set `IsMultiRegionTrail: true` so the trail records management events in every Region, current and future, into the same bucket. Organizations can use one organization trail (`IsOrganizationTrail: true`) for every account.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-ismultiregiontrail',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    ],
    resourceTypes: ['AWS::CloudTrail::Trail'],
    equivalents: {
      checkov: ['CKV_AWS_67'],
      cfnNag: [],
      cfnLint: [],
      kics: ['058ac855-989f-4378-ba4d-52d004020da7'],
      securityHub: ['CloudTrail.1'],
      cis: ['3.1'],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
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
  [mustBeTrue('IsMultiRegionTrail', 'logging in every Region', { value: true })],
);
