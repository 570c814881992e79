import { mustBeSet, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'cloudtrail-cloudwatch-logs-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP02', 'SEC04-BP04'],
    severity: 'info',
    title: 'CloudTrail trails should deliver events to CloudWatch Logs',
    rationale:
      'Log files in S3 are evidence, but nobody watches them as they arrive. Delivered to a CloudWatch Logs log group as well, the same events can drive metric filters and alarms (root sign-in, policy changes, console sign-in failures, changes to the trail itself) within minutes, and can be queried with Logs Insights during an investigation. Accounts that analyze CloudTrail centrally elsewhere (an organization trail, a SIEM, Security Lake) may rely on that instead.',
    remediation:
      'Set `CloudWatchLogsLogGroupArn` to the ARN of a log group (`!GetAtt TrailLogGroup.Arn`) and `CloudWatchLogsRoleArn` to a role that `cloudtrail.amazonaws.com` can assume, allowed `logs:CreateLogStream` and `logs:PutLogEvents` on that log group. Give the log group a retention period and add metric filters and alarms for the events you must act on.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-cloudwatchlogsloggrouparn',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
    ],
    resourceTypes: ['AWS::CloudTrail::Trail'],
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: ['65d07da5-9af5-44df-8983-52d2e6f24c44'],
      securityHub: ['CloudTrail.5'],
      cis: [],
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
      CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:123456789012:log-group:cloudtrail:*
      CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/cloudtrail-to-cloudwatch
`,
    },
  },
  [{ ...mustBeSet('CloudWatchLogsLogGroupArn', 'delivery to CloudWatch Logs'), missingPhrase: 'does not deliver its events to CloudWatch Logs', insecurePhrase: 'does not deliver its events to CloudWatch Logs' }],
);
