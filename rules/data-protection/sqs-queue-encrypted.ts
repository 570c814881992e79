import { encryptionAtRestRule } from '../lib/encryption';

export default encryptionAtRestRule(
  {
    id: 'sqs-queue-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'warning',
    title: 'SQS queues must not turn off server-side encryption',
    rationale:
      'Messages wait in a queue for up to two weeks, often carrying orders, events or personal data between services. Since 2022 SQS encrypts new queues with SQS owned keys (SSE-SQS) unless told otherwise, so a queue without encryption settings is encrypted; only `SqsManagedSseEnabled: false` without a `KmsMasterKeyId` leaves the messages stored in clear, and that is what this rule reports.',
    remediation:
      'Remove `SqsManagedSseEnabled: false` or set it to `true`, which changes the queue in place; for control over who can decrypt and a CloudTrail record of each use of the key, set `KmsMasterKeyId` to a KMS key instead (`alias/aws/sqs`, or a customer managed key whose policy lets the producers, including AWS services that send to the queue, use it). Messages already in the queue stay as they were stored.',
    docs: [
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html#cfn-sqs-queue-sqsmanagedsseenabled',
    ],
    equivalents: {
      checkov: ['CKV_AWS_27'],
      cfnNag: ['W48'],
      cfnLint: [],
      kics: ['12726829-93ed-4d51-9cbe-13423f4299e1'],
      securityHub: ['SQS.1'],
      cis: [],
    },
    examples: {
      insecure: `Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: 345600
      SqsManagedSseEnabled: false
`,
      secure: `Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: 345600
      SqsManagedSseEnabled: true
`,
    },
  },
  {
    'AWS::SQS::Queue': {
      flag: 'SqsManagedSseEnabled',
      // SSE-SQS is on unless turned off (since 2022).
      absent: 'secure',
      // A queue with a KMS key uses SSE-KMS, whatever SqsManagedSseEnabled says.
      skip: (resource) => resource.properties?.byKey.has('KmsMasterKeyId') === true,
    },
  },
);
