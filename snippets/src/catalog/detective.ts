/** CloudTrail, GuardDuty, AWS Config. */
import { ACCOUNT_ROOT, denyInsecureTransport, getAtt, logGroup, POLICY_VERSION, ref, RETAIN, type SnippetSource, sub, THIS_ACCOUNT } from '../define';
import { accessLogging, BLOCK_PUBLIC_ACCESS, kmsBucketEncryption, OWNER_ENFORCED } from './storage';

/** The trail's ARN from its name (tab stop 2): the bucket and key policies cannot refer to the trail itself, which depends on them. */
const TRAIL_ARN = sub('arn:\\${AWS::Partition}:cloudtrail:\\${AWS::Region}:\\${AWS::AccountId}:trail/$2');

export const detective: SnippetSource[] = [
  {
    prefix: 'pillar-cloudtrail',
    name: 'CloudTrail: multi-Region trail, log file validation, KMS, CloudWatch Logs',
    description:
      'A CloudTrail trail that records management events of every Region (global services included), validates its log files (digests prove they were not altered), encrypts them with its own customer managed KMS key that rotates, stores them in a private, versioned, access-logged bucket kept after the stack and writable only by this trail, and also delivers events to a CloudWatch Logs group kept for a chosen time, for alarms and queries. Expects AccessLogBucket (pillar-s3-access-log-bucket).',
    context: 'resources',
    assumes: { AccessLogBucket: 'pillar-s3-access-log-bucket' },
    body: {
      '${1:Trail}': {
        Type: 'AWS::CloudTrail::Trail',
        DependsOn: '${3:TrailBucketPolicy}',
        Properties: {
          TrailName: '${2:management-events}',
          IsLogging: true,
          IsMultiRegionTrail: true,
          IncludeGlobalServiceEvents: true,
          EnableLogFileValidation: true,
          KMSKeyId: ref('${4:TrailKey}'),
          S3BucketName: ref('${5:TrailBucket}'),
          CloudWatchLogsLogGroupArn: getAtt('${6:TrailLogGroup}', 'Arn'),
          CloudWatchLogsRoleArn: getAtt('${7:TrailLogsRole}', 'Arn'),
          EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
        },
      },
      '$5': {
        Type: 'AWS::S3::Bucket',
        ...RETAIN,
        Properties: {
          BucketEncryption: kmsBucketEncryption('$4'),
          PublicAccessBlockConfiguration: BLOCK_PUBLIC_ACCESS,
          OwnershipControls: OWNER_ENFORCED,
          VersioningConfiguration: { Status: 'Enabled' },
          LoggingConfiguration: accessLogging('${8:AccessLogBucket}', 'cloudtrail/'),
        },
      },
      '$3': {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: ref('$5'),
          PolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Sid: 'CloudTrailAclCheck',
                Effect: 'Allow',
                Principal: { Service: 'cloudtrail.amazonaws.com' },
                Action: 's3:GetBucketAcl',
                Resource: getAtt('$5', 'Arn'),
                Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
              },
              {
                Sid: 'CloudTrailWrite',
                Effect: 'Allow',
                Principal: { Service: 'cloudtrail.amazonaws.com' },
                Action: 's3:PutObject',
                Resource: sub('\\${$5.Arn}/AWSLogs/\\${AWS::AccountId}/*'),
                Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': TRAIL_ARN } },
              },
              denyInsecureTransport('s3:*', [getAtt('$5', 'Arn'), sub('\\${$5.Arn}/*')]),
            ],
          },
        },
      },
      '$4': {
        Type: 'AWS::KMS::Key',
        ...RETAIN,
        Properties: {
          Description: 'Encrypts the CloudTrail log files',
          EnableKeyRotation: true,
          PendingWindowInDays: 30,
          KeyPolicy: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Sid: 'AdministerTheKeyFromThisAccount',
                Effect: 'Allow',
                Principal: { AWS: ACCOUNT_ROOT },
                Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
                Resource: '*',
              },
              {
                Sid: 'EncryptThisTrailsLogs',
                Effect: 'Allow',
                Principal: { Service: 'cloudtrail.amazonaws.com' },
                Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
                Resource: '*',
                Condition: {
                  StringEquals: { 'aws:SourceArn': TRAIL_ARN },
                  StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': sub('arn:\\${AWS::Partition}:cloudtrail:*:\\${AWS::AccountId}:trail/*') },
                },
              },
              {
                Sid: 'ReadTheLogsFromThisAccount',
                Effect: 'Allow',
                Principal: { AWS: ACCOUNT_ROOT },
                Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
                Resource: '*',
                Condition: {
                  StringEquals: { 'kms:CallerAccount': THIS_ACCOUNT },
                  StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': sub('arn:\\${AWS::Partition}:cloudtrail:*:\\${AWS::AccountId}:trail/*') },
                },
              },
              {
                Sid: 'EncryptTheTrailLogGroup',
                Effect: 'Allow',
                Principal: { Service: sub('logs.\\${AWS::Region}.amazonaws.com') },
                Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
                Resource: '*',
                Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': sub('arn:\\${AWS::Partition}:logs:\\${AWS::Region}:\\${AWS::AccountId}:log-group:*') } },
              },
            ],
          },
        },
      },
      '$6': logGroup(9, '$4'),
      '$7': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } } }],
          },
          Policies: [
            {
              PolicyName: 'deliver-to-log-group',
              PolicyDocument: {
                Version: POLICY_VERSION,
                Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: getAtt('$6', 'Arn') }],
              },
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'pillar-guardduty',
    name: 'GuardDuty detector with its protection plans',
    description:
      'A GuardDuty detector that is enabled, publishes findings every 15 minutes (or the period you choose), and turns on S3, EKS audit log, EBS malware, RDS login, Lambda network and runtime monitoring protection, with the runtime agents managed by GuardDuty. An account has one detector per Region.',
    context: 'resources',
    body: {
      '${1:Detector}': {
        Type: 'AWS::GuardDuty::Detector',
        Properties: {
          Enable: true,
          FindingPublishingFrequency: '${2|FIFTEEN_MINUTES,ONE_HOUR,SIX_HOURS|}',
          Features: [
            { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
            { Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' },
            { Name: 'EBS_MALWARE_PROTECTION', Status: 'ENABLED' },
            { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' },
            { Name: 'LAMBDA_NETWORK_LOGS', Status: 'ENABLED' },
            {
              Name: 'RUNTIME_MONITORING',
              Status: 'ENABLED',
              AdditionalConfiguration: [
                { Name: 'EKS_ADDON_MANAGEMENT', Status: 'ENABLED' },
                { Name: 'ECS_FARGATE_AGENT_MANAGEMENT', Status: 'ENABLED' },
                { Name: 'EC2_AGENT_MANAGEMENT', Status: 'ENABLED' },
              ],
            },
          ],
        },
      },
    },
  },
  {
    prefix: 'pillar-config-recorder',
    name: 'AWS Config recorder and delivery channel',
    description:
      'An AWS Config recorder of every supported resource type, global ones included, recorded continuously, and a delivery channel that writes configuration snapshots to a private, KMS-encrypted, versioned, access-logged bucket that only AWS Config of this account may write to. Expects KmsKey (pillar-kms-key) and AccessLogBucket (pillar-s3-access-log-bucket).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key', AccessLogBucket: 'pillar-s3-access-log-bucket' },
    body: {
      '${1:ConfigRecorder}': {
        Type: 'AWS::Config::ConfigurationRecorder',
        Properties: {
          RoleARN: getAtt('${2:ConfigRole}', 'Arn'),
          RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
          RecordingMode: { RecordingFrequency: 'CONTINUOUS' },
        },
      },
      '${3:ConfigDeliveryChannel}': {
        Type: 'AWS::Config::DeliveryChannel',
        // AWS Config refuses a delivery channel before there is a recorder.
        DependsOn: '$1',
        Properties: {
          S3BucketName: ref('${4:ConfigBucket}'),
          S3KmsKeyArn: getAtt('${5:KmsKey}', 'Arn'),
          ConfigSnapshotDeliveryProperties: { DeliveryFrequency: '${6|TwentyFour_Hours,Twelve_Hours,Six_Hours|}' },
        },
      },
      '$4': {
        Type: 'AWS::S3::Bucket',
        ...RETAIN,
        Properties: {
          BucketEncryption: kmsBucketEncryption('$5'),
          PublicAccessBlockConfiguration: BLOCK_PUBLIC_ACCESS,
          OwnershipControls: OWNER_ENFORCED,
          VersioningConfiguration: { Status: 'Enabled' },
          LoggingConfiguration: accessLogging('${7:AccessLogBucket}', 'config/'),
        },
      },
      '${8:ConfigBucketPolicy}': {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: ref('$4'),
          PolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Sid: 'ConfigBucketChecks',
                Effect: 'Allow',
                Principal: { Service: 'config.amazonaws.com' },
                Action: ['s3:GetBucketAcl', 's3:ListBucket'],
                Resource: getAtt('$4', 'Arn'),
                Condition: { StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT } },
              },
              {
                Sid: 'ConfigDelivery',
                Effect: 'Allow',
                Principal: { Service: 'config.amazonaws.com' },
                Action: 's3:PutObject',
                Resource: sub('\\${$4.Arn}/AWSLogs/\\${AWS::AccountId}/Config/*'),
                Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': THIS_ACCOUNT } },
              },
              denyInsecureTransport('s3:*', [getAtt('$4', 'Arn'), sub('\\${$4.Arn}/*')]),
            ],
          },
        },
      },
      '$2': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT } } }],
          },
          ManagedPolicyArns: [sub('arn:\\${AWS::Partition}:iam::aws:policy/service-role/AWS_ConfigRole')],
          Policies: [
            {
              PolicyName: 'deliver-snapshots',
              PolicyDocument: {
                Version: POLICY_VERSION,
                Statement: [
                  { Sid: 'WriteSnapshots', Effect: 'Allow', Action: 's3:PutObject', Resource: sub('\\${$4.Arn}/AWSLogs/\\${AWS::AccountId}/Config/*') },
                  { Sid: 'CheckTheBucket', Effect: 'Allow', Action: 's3:GetBucketAcl', Resource: getAtt('$4', 'Arn') },
                  { Sid: 'EncryptSnapshots', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: getAtt('$5', 'Arn') },
                ],
              },
            },
          ],
        },
      },
    },
  },
];

