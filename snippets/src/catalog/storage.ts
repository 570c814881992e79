/** Keys, buckets, tables, queues, topics, file systems, streams, volumes, repositories. */
import { raw } from '../emit';
import { ACCOUNT_ROOT, denyInsecureTransport, getAtt, POLICY_VERSION, ref, RETAIN, SNAPSHOT, type SnippetSource, sub, THIS_ACCOUNT } from '../define';


export const BLOCK_PUBLIC_ACCESS = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };
export const OWNER_ENFORCED = { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] };
const VERSIONED = { Status: 'Enabled' };

/** Deny every request without TLS, and with TLS older than 1.2, on a bucket and its objects (`bucket` is its logical id). */
export function bucketTransportStatements(bucket: string) {
  const resources = [getAtt(bucket, 'Arn'), sub(`\\\${${bucket}.Arn}/*`)];
  return [
    denyInsecureTransport('s3:*', resources),
    { Sid: 'DenyOutdatedTls', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: resources, Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } },
  ];
}

/** SSE-KMS with an S3 Bucket Key (fewer KMS calls), with the key `key` (a logical id or tab stop). */
export function kmsBucketEncryption(key: string) {
  return { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: ref(key) }, BucketKeyEnabled: true }] };
}

/** Server access logs into the access-log bucket, under a prefix. */
export function accessLogging(logBucket: string, prefix: string) {
  return { DestinationBucketName: ref(logBucket), LogFilePrefix: prefix };
}

/** A bucket that is private, KMS-encrypted, versioned and access-logged, and outlives the stack. */
export function secureBucket(key: string, logBucket: string, logPrefix: string) {
  return {
    Type: 'AWS::S3::Bucket',
    ...RETAIN,
    Properties: {
      BucketEncryption: kmsBucketEncryption(key),
      PublicAccessBlockConfiguration: BLOCK_PUBLIC_ACCESS,
      OwnershipControls: OWNER_ENFORCED,
      VersioningConfiguration: VERSIONED,
      LoggingConfiguration: accessLogging(logBucket, logPrefix),
    },
  };
}

export const storage: SnippetSource[] = [
  {
    prefix: 'pillar-kms-key',
    name: 'KMS key with rotation and a scoped key policy',
    description:
      'A customer managed KMS key that rotates automatically, with a 30-day deletion window and an alias. Its key policy separates administering the key from using it: the account administers it (so it cannot be locked out); principals of this account use it only when their IAM policies allow it; AWS services take grants only for AWS resources; CloudWatch Logs may use it only for this account\'s log groups, and CloudFront only for this account\'s distributions.',
    context: 'resources',
    body: {
      '${1:KmsKey}': {
        Type: 'AWS::KMS::Key',
        ...RETAIN,
        Properties: {
          Description: '${2:Encrypts the application data}',
          EnableKeyRotation: true,
          RotationPeriodInDays: raw('${3|365,180,90|}'),
          PendingWindowInDays: 30,
          KeyPolicy: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Sid: 'AdministerTheKeyFromThisAccount',
                Effect: 'Allow',
                Principal: { AWS: ACCOUNT_ROOT },
                Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:RotateKeyOnDemand'],
                Resource: '*',
              },
              {
                Sid: 'UseTheKeyFromThisAccount',
                Effect: 'Allow',
                Principal: { AWS: ACCOUNT_ROOT },
                Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
                Resource: '*',
                Condition: { StringEquals: { 'kms:CallerAccount': THIS_ACCOUNT } },
              },
              {
                Sid: 'LetAwsServicesTakeGrants',
                Effect: 'Allow',
                Principal: { AWS: ACCOUNT_ROOT },
                Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
                Resource: '*',
                Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
              },
              {
                Sid: 'EncryptLogGroupsOfThisAccount',
                Effect: 'Allow',
                Principal: { Service: sub('logs.\\${AWS::Region}.amazonaws.com') },
                Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
                Resource: '*',
                Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': sub('arn:\\${AWS::Partition}:logs:\\${AWS::Region}:\\${AWS::AccountId}:log-group:*') } },
              },
              {
                Sid: 'DecryptForDistributionsOfThisAccount',
                Effect: 'Allow',
                Principal: { Service: 'cloudfront.amazonaws.com' },
                Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*'],
                Resource: '*',
                Condition: { ArnLike: { 'aws:SourceArn': sub('arn:\\${AWS::Partition}:cloudfront::\\${AWS::AccountId}:distribution/*') } },
              },
            ],
          },
        },
      },
      '${4:KmsKeyAlias}': {
        Type: 'AWS::KMS::Alias',
        Properties: { AliasName: 'alias/${5:app-data}', TargetKeyId: ref('$1') },
      },
    },
  },
  {
    prefix: 'pillar-s3-bucket',
    name: 'S3 bucket: KMS-encrypted, private, versioned, access-logged, TLS only',
    description:
      'An S3 bucket encrypted with a customer managed KMS key (with an S3 Bucket Key), with every Block Public Access setting on, ACLs disabled, versioning with old versions expired after a chosen time, server access logs sent to the access-log bucket, kept when the stack is deleted, and a bucket policy that refuses requests without TLS or with TLS older than 1.2. Expects KmsKey (pillar-kms-key) and AccessLogBucket (pillar-s3-access-log-bucket).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key', AccessLogBucket: 'pillar-s3-access-log-bucket' },
    body: {
      '${1:Bucket}': {
        Type: 'AWS::S3::Bucket',
        ...RETAIN,
        Properties: {
          BucketEncryption: kmsBucketEncryption('${2:KmsKey}'),
          PublicAccessBlockConfiguration: BLOCK_PUBLIC_ACCESS,
          OwnershipControls: OWNER_ENFORCED,
          VersioningConfiguration: VERSIONED,
          LoggingConfiguration: accessLogging('${3:AccessLogBucket}', '${4:bucket}/'),
          LifecycleConfiguration: {
            Rules: [
              { Id: 'ExpireOldVersions', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: raw('${5|90,365,731|}') }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
            ],
          },
        },
      },
      '${6:BucketPolicy}': {
        Type: 'AWS::S3::BucketPolicy',
        Properties: { Bucket: ref('$1'), PolicyDocument: { Version: POLICY_VERSION, Statement: bucketTransportStatements('$1') } },
      },
    },
  },
  {
    prefix: 'pillar-s3-access-log-bucket',
    name: 'S3 bucket for access logs (S3, load balancers), private and TLS only',
    description:
      'The bucket that receives S3 server access logs and Application Load Balancer access logs: private (Block Public Access, ACLs disabled), versioned, encrypted with SSE-S3 (the only encryption server access logging delivers to, which the suppression records), logs expired after a chosen time, kept when the stack is deleted. Its policy lets only the log delivery services of this account write, and refuses requests without TLS.',
    context: 'resources',
    body: {
      '${1:AccessLogBucket}': {
        Type: 'AWS::S3::Bucket',
        ...RETAIN,
        Metadata: {
          pillar: { suppress: [{ rule: 's3-bucket-kms-encryption', reason: 'S3 server access logs can only be delivered to a bucket encrypted with SSE-S3' }] },
        },
        Properties: {
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
          PublicAccessBlockConfiguration: BLOCK_PUBLIC_ACCESS,
          OwnershipControls: OWNER_ENFORCED,
          VersioningConfiguration: VERSIONED,
          LifecycleConfiguration: {
            Rules: [{ Id: 'ExpireLogs', Status: 'Enabled', ExpirationInDays: raw('${2|365,731,1827|}'), NoncurrentVersionExpiration: { NoncurrentDays: 30 } }],
          },
        },
      },
      '${3:AccessLogBucketPolicy}': {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: ref('$1'),
          PolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [
              {
                Sid: 'S3ServerAccessLogs',
                Effect: 'Allow',
                Principal: { Service: 'logging.s3.amazonaws.com' },
                Action: 's3:PutObject',
                Resource: sub('\\${$1.Arn}/*'),
                Condition: { StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT } },
              },
              {
                Sid: 'LoadBalancerAccessLogs',
                Effect: 'Allow',
                Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
                Action: 's3:PutObject',
                Resource: sub('\\${$1.Arn}/alb/AWSLogs/\\${AWS::AccountId}/*'),
                Condition: { StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT } },
              },
              ...bucketTransportStatements('$1'),
            ],
          },
        },
      },
    },
  },
  {
    prefix: 'pillar-dynamodb-table',
    name: 'DynamoDB table: KMS-encrypted, point-in-time recovery, deletion protection',
    description:
      'An on-demand DynamoDB table encrypted with a customer managed KMS key, with point-in-time recovery over a chosen period, deletion protection, and kept when the stack is deleted or the table replaced. Expects KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key' },
    body: {
      '${1:Table}': {
        Type: 'AWS::DynamoDB::Table',
        ...RETAIN,
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: '${2:pk}', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: '$2', KeyType: 'HASH' }],
          SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: ref('${3:KmsKey}') },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: raw('${4|35,14,7|}') },
          DeletionProtectionEnabled: true,
        },
      },
    },
  },
  {
    prefix: 'pillar-sqs-queue',
    name: 'SQS queue with a dead-letter queue, KMS-encrypted, TLS only',
    description:
      'An SQS queue and its dead-letter queue, both encrypted with a customer managed KMS key, and a queue policy that refuses requests without TLS. Messages that keep failing move to the dead-letter queue instead of being lost. Expects KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key' },
    body: {
      '${1:Queue}': {
        Type: 'AWS::SQS::Queue',
        Properties: {
          KmsMasterKeyId: ref('${2:KmsKey}'),
          KmsDataKeyReusePeriodSeconds: 300,
          MessageRetentionPeriod: raw('${3|345600,1209600|}'),
          RedrivePolicy: { deadLetterTargetArn: getAtt('${4:DeadLetterQueue}', 'Arn'), maxReceiveCount: raw('${5:5}') },
        },
      },
      '$4': {
        Type: 'AWS::SQS::Queue',
        Properties: { KmsMasterKeyId: ref('$2'), KmsDataKeyReusePeriodSeconds: 300, MessageRetentionPeriod: 1209600 },
      },
      '${6:QueuePolicy}': {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [ref('$1'), ref('$4')],
          PolicyDocument: { Version: POLICY_VERSION, Statement: [denyInsecureTransport('sqs:*', [getAtt('$1', 'Arn'), getAtt('$4', 'Arn')])] },
        },
      },
    },
  },
  {
    prefix: 'pillar-sns-topic',
    name: 'SNS topic, KMS-encrypted, TLS only',
    description:
      'An SNS topic encrypted with a customer managed KMS key, signing its messages with SHA256, and a topic policy that refuses publishing without TLS. Expects KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key' },
    body: {
      '${1:Topic}': {
        Type: 'AWS::SNS::Topic',
        Properties: { KmsMasterKeyId: ref('${2:KmsKey}'), SignatureVersion: '2' },
      },
      '${3:TopicPolicy}': {
        Type: 'AWS::SNS::TopicPolicy',
        Properties: { Topics: [ref('$1')], PolicyDocument: { Version: POLICY_VERSION, Statement: [denyInsecureTransport('sns:Publish', [ref('$1')])] } },
      },
    },
  },
  {
    prefix: 'pillar-efs-file-system',
    name: 'EFS file system: KMS-encrypted, backed up, TLS only, private mount targets',
    description:
      'An EFS file system encrypted with a customer managed KMS key, with automatic backups, a file system policy that refuses clients without TLS and allows mounting only through its mount targets, mount targets in the private subnets, a security group that admits NFS only from the application\'s security group, and kept when the stack is deleted. Expects KmsKey, PrivateSubnetA/B (pillar-vpc) and AppSecurityGroup (pillar-security-group).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key', Vpc: 'pillar-vpc', PrivateSubnetA: 'pillar-vpc', PrivateSubnetB: 'pillar-vpc', AppSecurityGroup: 'pillar-security-group' },
    body: {
      '${1:FileSystem}': {
        Type: 'AWS::EFS::FileSystem',
        ...RETAIN,
        Properties: {
          Encrypted: true,
          KmsKeyId: ref('${2:KmsKey}'),
          BackupPolicy: { Status: 'ENABLED' },
          PerformanceMode: 'generalPurpose',
          ThroughputMode: 'elastic',
          LifecyclePolicies: [{ TransitionToIA: 'AFTER_30_DAYS' }],
          FileSystemPolicy: {
            Version: POLICY_VERSION,
            Statement: [
              { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
              {
                Sid: 'MountThroughMountTargets',
                Effect: 'Allow',
                Principal: { AWS: ACCOUNT_ROOT },
                Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
                Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
              },
            ],
          },
        },
      },
      '${3:FileSystemSecurityGroup}': {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'NFS from the application only',
          VpcId: ref('${4:Vpc}'),
          SecurityGroupIngress: [
            { Description: 'NFS from the application', IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, SourceSecurityGroupId: getAtt('${5:AppSecurityGroup}', 'GroupId') },
          ],
          SecurityGroupEgress: [{ Description: 'No outbound traffic', IpProtocol: '-1', CidrIp: '127.0.0.1/32' }],
        },
      },
      '${6:MountTargetA}': {
        Type: 'AWS::EFS::MountTarget',
        Properties: { FileSystemId: ref('$1'), SubnetId: ref('${7:PrivateSubnetA}'), SecurityGroups: [getAtt('$3', 'GroupId')] },
      },
      '${8:MountTargetB}': {
        Type: 'AWS::EFS::MountTarget',
        Properties: { FileSystemId: ref('$1'), SubnetId: ref('${9:PrivateSubnetB}'), SecurityGroups: [getAtt('$3', 'GroupId')] },
      },
    },
  },
  {
    prefix: 'pillar-kinesis-stream',
    name: 'Kinesis data stream, KMS-encrypted',
    description: 'An on-demand Kinesis data stream encrypted with a customer managed KMS key, keeping records for a chosen time. Expects KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key' },
    body: {
      '${1:Stream}': {
        Type: 'AWS::Kinesis::Stream',
        Properties: {
          StreamModeDetails: { StreamMode: 'ON_DEMAND' },
          RetentionPeriodHours: raw('${2|168,24,8760|}'),
          StreamEncryption: { EncryptionType: 'KMS', KeyId: ref('${3:KmsKey}') },
        },
      },
    },
  },
  {
    prefix: 'pillar-ebs-volume',
    name: 'EBS volume, KMS-encrypted, snapshotted on deletion',
    description: 'A gp3 EBS volume encrypted with a customer managed KMS key, with a final snapshot when the stack deletes or replaces it. Expects KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key' },
    body: {
      '${1:Volume}': {
        Type: 'AWS::EC2::Volume',
        ...SNAPSHOT,
        Properties: {
          AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
          Size: raw('${2:100}'),
          VolumeType: 'gp3',
          Encrypted: true,
          KmsKeyId: ref('${3:KmsKey}'),
        },
      },
    },
  },
  {
    prefix: 'pillar-ecr-repository',
    name: 'ECR repository: immutable tags, scan on push, KMS-encrypted',
    description:
      'An ECR repository whose image tags cannot be overwritten, which scans every pushed image for vulnerabilities, encrypts images with a customer managed KMS key, and expires untagged images. Expects KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key' },
    body: {
      '${1:Repository}': {
        Type: 'AWS::ECR::Repository',
        Properties: {
          ImageTagMutability: 'IMMUTABLE',
          ImageScanningConfiguration: { ScanOnPush: true },
          EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: getAtt('${2:KmsKey}', 'Arn') },
          LifecyclePolicy: {
            LifecyclePolicyText:
              '{"rules":[{"rulePriority":1,"description":"Expire untagged images","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":${3:14}},"action":{"type":"expire"}}]}',
          },
        },
      },
    },
  },
];
