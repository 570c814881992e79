import { propertyRule } from '../lib/properties';
import { asBoolean } from '../lib/values';

export default propertyRule(
  {
    id: 'cloudtrail-logging-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'error',
    title: 'CloudTrail trails must be logging',
    rationale:
      'A trail created with `IsLogging: false` exists, shows up in inventories and looks like coverage, yet records nothing: every API call made while it is stopped is lost for good, and stopping a trail is exactly what an intruder does before acting. Whatever else the trail is configured to do, it only counts while it logs.',
    remediation:
      'Set `IsLogging: true`. To pause a trail for a reason, prefer narrowing its event selectors; and alert on `StopLogging` calls, which should never happen unannounced.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-islogging',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html',
    ],
    resourceTypes: ['AWS::CloudTrail::Trail'],
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: ['5c0b06d5-b7a4-484c-aeb0-75a836269ff0'],
      securityHub: [],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: false
      IsMultiRegionTrail: true
      S3BucketName: audit-logs
      EnableLogFileValidation: true
      KMSKeyId: alias/cloudtrail-logs
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
  [
    {
      path: 'IsLogging',
      what: 'logging',
      // IsLogging is required: a template without it does not deploy, which is cfn-lint's to say.
      whenMissing: 'secure',
      secure: (value) => asBoolean(value) !== false,
      fix: { value: true },
      insecurePhrase: 'records nothing',
    },
  ],
);
