/**
 * The ARNs of CloudFormation resources, as IAM policies name them: how to refer to the ARN in a
 * template (`!GetAtt Bucket.Arn`, or `!Ref Topic` where Ref gives the ARN), what it looks like
 * (so that a statement's `${Bucket.Arn}` can be matched with the catalog's resource types), and
 * the ARNs of what the resource holds (a bucket's objects: `${Bucket.Arn}/*`).
 */
export interface CloudFormationArn {
  /** `Arn` for `!GetAtt X.Arn`; undefined when `!Ref X` gives the ARN. */
  readonly attribute: string | undefined;
  /** The ARN with `${Name}` for the resource's name or id. */
  readonly format: string;
  /** ARNs under the resource: a suffix appended to its ARN (`/*`: every object). */
  readonly children: readonly string[];
}

const REGIONAL = (service: string, resource: string) => `arn:aws:${service}:\${Region}:\${Account}:${resource}`;
const getAtt = (format: string, children: readonly string[] = []): CloudFormationArn => ({ attribute: 'Arn', format, children });
const ref = (format: string): CloudFormationArn => ({ attribute: undefined, format, children: [] });

export const CLOUDFORMATION_ARNS: ReadonlyMap<string, CloudFormationArn> = new Map([
  ['AWS::S3::Bucket', getAtt('arn:aws:s3:::${Name}', ['/*'])],
  ['AWS::SQS::Queue', getAtt(REGIONAL('sqs', '${Name}'))],
  ['AWS::SNS::Topic', ref(REGIONAL('sns', '${Name}'))],
  ['AWS::DynamoDB::Table', getAtt(REGIONAL('dynamodb', 'table/${Name}'), ['/index/*'])],
  ['AWS::DynamoDB::GlobalTable', getAtt(REGIONAL('dynamodb', 'table/${Name}'), ['/index/*'])],
  ['AWS::Lambda::Function', getAtt(REGIONAL('lambda', 'function:${Name}'))],
  ['AWS::Serverless::Function', getAtt(REGIONAL('lambda', 'function:${Name}'))],
  ['AWS::KMS::Key', getAtt(REGIONAL('kms', 'key/${Name}'))],
  ['AWS::SecretsManager::Secret', ref(REGIONAL('secretsmanager', 'secret:${Name}'))],
  ['AWS::IAM::Role', getAtt('arn:aws:iam::${Account}:role/${Name}')],
  ['AWS::Kinesis::Stream', getAtt(REGIONAL('kinesis', 'stream/${Name}'))],
  ['AWS::KinesisFirehose::DeliveryStream', getAtt(REGIONAL('firehose', 'deliverystream/${Name}'))],
  ['AWS::Logs::LogGroup', getAtt(REGIONAL('logs', 'log-group:${Name}:*'))],
  ['AWS::ECR::Repository', getAtt(REGIONAL('ecr', 'repository/${Name}'))],
  ['AWS::StepFunctions::StateMachine', ref(REGIONAL('states', 'stateMachine:${Name}'))],
  ['AWS::Serverless::StateMachine', ref(REGIONAL('states', 'stateMachine:${Name}'))],
  ['AWS::Events::EventBus', getAtt(REGIONAL('events', 'event-bus/${Name}'))],
  ['AWS::ECS::Cluster', getAtt(REGIONAL('ecs', 'cluster/${Name}'))],
  ['AWS::CodeBuild::Project', getAtt(REGIONAL('codebuild', 'project/${Name}'))],
  ['AWS::CodeCommit::Repository', getAtt(REGIONAL('codecommit', '${Name}'))],
]);

/**
 * An ARN as the catalog can match it: `${AWS::Partition}`, `${AWS::Region}` and `${AWS::AccountId}`
 * become segments, and `${X.Arn}` (or `${X}` where Ref gives the ARN) the ARN of resource X, by
 * its type. Other `${...}` stay: they match one segment of the ARN.
 */
export function resolveArnText(text: string, typeOf: (logicalId: string) => string | undefined): string {
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (name === 'AWS::Partition') return 'aws';
    if (name === 'AWS::Region') return '${Region}';
    if (name === 'AWS::AccountId') return '${Account}';
    if (name === 'AWS::URLSuffix') return 'amazonaws.com';
    const [logicalId, attribute] = name.split('.');
    const type = typeOf(logicalId);
    const arn = type ? CLOUDFORMATION_ARNS.get(type) : undefined;
    if (arn && arn.attribute === attribute) return arn.format.replace('${Name}', `\${${logicalId}}`);
    return whole;
  });
}
