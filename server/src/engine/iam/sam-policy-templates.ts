/**
 * What the common SAM policy templates grant (`Policies: [{ S3CrudPolicy: { BucketName: … } }]`),
 * from the AWS SAM policy template list: the actions of each statement, and its resources with
 * `${Parameter}` where SAM substitutes the template's parameter. Templates not listed here are
 * left unanalyzed: they are reviewed AWS-managed definitions, scoped by their parameters.
 */
export interface SamTemplateStatement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

const ARN = (service: string, resource: string) => `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`;
const S3_READ = ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'];
const S3_WRITE = ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'];
const BUCKET = ['arn:${AWS::Partition}:s3:::${BucketName}', 'arn:${AWS::Partition}:s3:::${BucketName}/*'];
const TABLE = [ARN('dynamodb', 'table/${TableName}'), ARN('dynamodb', 'table/${TableName}/index/*')];
const QUEUE = [ARN('sqs', '${QueueName}')];
const one = (actions: readonly string[], resources: readonly string[]): SamTemplateStatement[] => [{ actions, resources }];

export const SAM_POLICY_TEMPLATES: ReadonlyMap<string, readonly SamTemplateStatement[]> = new Map([
  ['S3ReadPolicy', one(S3_READ, BUCKET)],
  ['S3WritePolicy', one(S3_WRITE, BUCKET)],
  ['S3CrudPolicy', one([...S3_READ.slice(0, 4), 's3:PutObject', 's3:PutObjectAcl', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration', 's3:DeleteObject'], BUCKET)],
  [
    'S3FullAccessPolicy',
    [
      {
        actions: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject', 's3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: [BUCKET[1]],
      },
      { actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'], resources: [BUCKET[0]] },
    ],
  ],
  ['DynamoDBReadPolicy', one(['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'], TABLE)],
  ['DynamoDBWritePolicy', one(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], TABLE)],
  [
    'DynamoDBCrudPolicy',
    one(['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'], TABLE),
  ],
  [
    'DynamoDBStreamReadPolicy',
    [
      { actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resources: [ARN('dynamodb', 'table/${TableName}/stream/${StreamName}')] },
      { actions: ['dynamodb:ListStreams'], resources: [ARN('dynamodb', 'table/${TableName}/stream/*')] },
    ],
  ],
  ['SQSSendMessagePolicy', one(['sqs:SendMessage*'], QUEUE)],
  ['SQSPollerPolicy', one(['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], QUEUE)],
  ['SNSPublishMessagePolicy', one(['sns:Publish'], [ARN('sns', '${TopicName}')])],
  ['SNSCrudPolicy', one(['sns:ListSubscriptionsByTopic', 'sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:Publish'], [ARN('sns', '${TopicName}*')])],
  ['LambdaInvokePolicy', one(['lambda:InvokeFunction'], [ARN('lambda', 'function:${FunctionName}*')])],
  ['KMSDecryptPolicy', one(['kms:Decrypt'], [ARN('kms', 'key/${KeyId}')])],
  ['KMSEncryptPolicy', one(['kms:Encrypt'], [ARN('kms', 'key/${KeyId}')])],
  ['AWSSecretsManagerGetSecretValuePolicy', one(['secretsmanager:GetSecretValue'], ['${SecretArn}'])],
  [
    'AWSSecretsManagerRotationPolicy',
    [
      { actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'], resources: [ARN('secretsmanager', 'secret:*')] },
      { actions: ['secretsmanager:GetRandomPassword'], resources: ['*'] },
    ],
  ],
  [
    'SSMParameterReadPolicy',
    [
      { actions: ['ssm:DescribeParameters'], resources: ['*'] },
      { actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], resources: [ARN('ssm', 'parameter/${ParameterName}')] },
    ],
  ],
  ['StepFunctionsExecutionPolicy', one(['states:StartExecution'], [ARN('states', 'stateMachine:${StateMachineName}')])],
  ['EventBridgePutEventsPolicy', one(['events:PutEvents'], [ARN('events', 'event-bus/${EventBusName}')])],
  ['VPCAccessPolicy', one(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'], ['*'])],
  ['CloudWatchPutMetricPolicy', one(['cloudwatch:PutMetricData'], ['*'])],
  [
    'KinesisStreamReadPolicy',
    [
      { actions: ['kinesis:ListStreams', 'kinesis:DescribeLimits'], resources: [ARN('kinesis', 'stream/*')] },
      { actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'], resources: [ARN('kinesis', 'stream/${StreamName}')] },
    ],
  ],
  [
    'KinesisCrudPolicy',
    one(
      ['kinesis:AddTagsToStream', 'kinesis:CreateStream', 'kinesis:DecreaseStreamRetentionPeriod', 'kinesis:DeleteStream', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetShardIterator', 'kinesis:IncreaseStreamRetentionPeriod', 'kinesis:ListTagsForStream', 'kinesis:MergeShards', 'kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:SplitShard', 'kinesis:RemoveTagsFromStream'],
      [ARN('kinesis', 'stream/${StreamName}')],
    ),
  ],
  ['SESCrudPolicy', one(['ses:GetIdentityVerificationAttributes', 'ses:SendEmail', 'ses:SendRawEmail', 'ses:VerifyEmailIdentity'], [ARN('ses', 'identity/${IdentityName}')])],
]);
