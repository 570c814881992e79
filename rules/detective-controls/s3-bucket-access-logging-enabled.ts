import { intrinsic, type FixSpec, type Rule } from '../../server/src/engine/rule';
import { logTargets } from '../lib/log-targets';
import { propertiesAt } from '../lib/properties';
import { explainConditions } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 's3-bucket-access-logging-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'S3 buckets should record server access logs',
    rationale:
      'Server access logs record each request made to a bucket: who asked, from which address, for which object, and whether it was allowed. They catch what CloudTrail leaves out unless data events are bought for the bucket, and they are what shows, after a leak, which objects were read and by whom. A bucket that receives logs itself is left out (the target of another bucket\'s access logs, of a trail, AWS Config, a load balancer, a distribution, a flow log or a log delivery, or one granting the log delivery ACL or a log delivery service principal in its policy): logging it into itself would loop, and its own access is better watched through CloudTrail.',
    remediation:
      'Set `LoggingConfiguration.DestinationBucketName` to a dedicated log bucket in the same account and Region, with a `LogFilePrefix` per source bucket. The log bucket must let `logging.s3.amazonaws.com` write to it (a bucket policy allowing `s3:PutObject` for that principal, conditioned on the source account) and should have a lifecycle rule that keeps the logs as long as investigations need them.',
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-loggingconfiguration',
    ],
    resourceTypes: ['AWS::S3::Bucket'],
    equivalents: {
      checkov: ['CKV_AWS_18'],
      cfnNag: ['W35'],
      cfnLint: [],
      kics: ['4552b71f-0a2a-4bc4-92dd-ed7ec1b4674c'],
      securityHub: ['S3.9'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: Enabled
  ReportsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Reports
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt Reports.Arn, !Sub "\${Reports.Arn}/*"]
            Condition: { Bool: { aws:SecureTransport: "false" } }
`,
      secure: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: Enabled
      LoggingConfiguration:
        DestinationBucketName: !Ref AccessLogs
        LogFilePrefix: reports/
  ReportsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Reports
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt Reports.Arn, !Sub "\${Reports.Arn}/*"]
            Condition: { Bool: { aws:SecureTransport: "false" } }
  AccessLogs:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: Enabled
      LifecycleConfiguration:
        Rules:
          - Status: Enabled
            ExpirationInDays: 365
  AccessLogsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref AccessLogs
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: logging.s3.amazonaws.com }
            Action: s3:PutObject
            Resource: !Sub "\${AccessLogs.Arn}/*"
            Condition: { StringEquals: { aws:SourceAccount: !Ref AWS::AccountId } }
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt AccessLogs.Arn, !Sub "\${AccessLogs.Arn}/*"]
            Condition: { Bool: { aws:SecureTransport: "false" } }
`,
    },
  },
  resource(resource, context) {
    const targets = logTargets(context);
    // A bucket that receives logs is not asked to log itself: that would loop, or need yet another bucket.
    if (targets.buckets.has(resource)) return;
    // Where a bucket of the template is made for access logs, pointing at it is all the fix needs; a bucket under another condition may not exist.
    const destinations = targets.accessLogBuckets.filter((bucket) => bucket !== resource && (bucket.condition === undefined || bucket.condition === resource.condition));
    for (const at of propertiesAt(resource, 'LoggingConfiguration', context)) {
      if (at.pair) {
        // Removed with AWS::NoValue in a branch of `!If`.
        const removed = context.evaluator.candidates(at.pair.value).find((c) => c.value.kind === 'noValue');
        if (removed) context.report({ at: at.pair.value, message: `${resource.logicalId} does not record server access logs: ${at.label} is not set${explainConditions([...at.conditions, ...removed.conditions])}.` });
        continue;
      }
      const insert = at.insert;
      const fixes: FixSpec[] = insert
        ? destinations.map((bucket) => ({
            title: `Send access logs to ${bucket.logicalId}`,
            preferred: destinations.length === 1,
            changes: [insert({ DestinationBucketName: intrinsic.ref(bucket.logicalId) })],
          }))
        : [];
      context.report({ at: at.anchor, message: `${resource.logicalId} does not record server access logs: ${at.label} is not set${explainConditions(at.conditions)}.`, fixes });
    }
  },
};

export default rule;
