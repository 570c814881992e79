/**
 * Deterministic CloudFormation templates of a chosen size, for the benchmark and the robustness
 * tests. Resources cycle through common types (buckets, volumes, security groups, roles with
 * inline policies, trails, databases, functions, queues, tables, keys); a seeded generator makes
 * about a third of them insecure, so the rules have work to do. The same resources render as
 * YAML (short-form intrinsics, comments, literal blocks) or as JSON (long-form intrinsics).
 */

export interface TemplateOptions {
  /** Stop once the template has at least this many lines. */
  readonly lines?: number;
  /** Stop once the template has this many resources (when `lines` is also given, whichever comes first). */
  readonly resources?: number;
  readonly format?: 'yaml' | 'json';
  /** Seed of the pseudo-random choices; the same options always give the same text. */
  readonly seed?: number;
}

/** An intrinsic function call; rendered `!Name arg` in YAML and `{ "Fn::Name": arg }` in JSON. */
class Fn {
  constructor(
    readonly name: string,
    readonly argument: Value,
  ) {}

  get longName(): string {
    return this.name === 'Ref' ? 'Ref' : `Fn::${this.name}`;
  }
}

type Value = string | number | boolean | Fn | readonly Value[] | { readonly [key: string]: Value };

const ref = (name: string) => new Fn('Ref', name);
const getAtt = (resource: string, attribute: string) => new Fn('GetAtt', [resource, attribute]);
const sub = (text: string) => new Fn('Sub', text);

export type Random = () => number;

/** mulberry32: a tiny seeded generator of numbers in [0, 1), the same sequence on every run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Block {
  readonly comment: string;
  readonly type: string;
  readonly properties: { readonly [key: string]: Value };
  readonly extra?: { readonly [key: string]: Value };
}

interface Kind {
  /** Logical ids are `<name><group>`: `Bucket0`, `Role0`, `Function0`, then `Bucket1`… */
  readonly name: string;
  /** `insecure` picks the variant that a rule should flag. */
  make(group: number, insecure: boolean, random: Random): Block;
}

const KINDS: readonly Kind[] = [
  {
    name: 'Bucket',
    make: (group, insecure) => ({
      comment: 'Application data bucket',
      type: 'AWS::S3::Bucket',
      properties: {
        BucketName: sub(`\${AWS::StackName}-data-${group}`),
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
        VersioningConfiguration: { Status: 'Enabled' },
        ...(insecure ? {} : { PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } }),
        Tags: [{ Key: 'team', Value: 'platform' }],
      },
    }),
  },
  {
    name: 'Volume',
    make: (_group, insecure, random) => ({
      comment: 'Data volume',
      type: 'AWS::EC2::Volume',
      properties: {
        AvailabilityZone: new Fn('Select', [0, new Fn('GetAZs', '')]),
        Size: 10 + Math.floor(random() * 500),
        VolumeType: 'gp3',
        // Insecure either plainly or through a parameter whose default is false.
        Encrypted: insecure ? (random() < 0.5 ? false : ref('EncryptVolumes')) : true,
      },
    }),
  },
  {
    name: 'SecurityGroup',
    make: (group, insecure, random) => {
      const adminPort = random() < 0.5 ? 22 : 3389;
      return {
        comment: 'Security group',
        type: 'AWS::EC2::SecurityGroup',
        properties: {
          GroupDescription: `Ingress for service ${group}`,
          VpcId: ref('VpcId'),
          SecurityGroupIngress: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
            { IpProtocol: 'tcp', FromPort: adminPort, ToPort: adminPort, CidrIp: insecure ? '0.0.0.0/0' : '10.0.0.0/8' },
          ],
        },
      };
    },
  },
  {
    name: 'Role',
    make: (group, insecure) => ({
      comment: 'Role for the function',
      type: 'AWS::IAM::Role',
      properties: {
        AssumeRolePolicyDocument: policy([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        Policies: [
          {
            PolicyName: `function-${group}-access`,
            PolicyDocument: policy([
              { Effect: 'Allow', Action: insecure ? '*' : ['s3:GetObject', 's3:PutObject'], Resource: insecure ? '*' : sub('arn:${AWS::Partition}:s3:::${AWS::StackName}-*/*') },
              { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
            ]),
          },
        ],
      },
    }),
  },
  {
    name: 'Function',
    make: (group) => ({
      comment: 'Function',
      type: 'AWS::Lambda::Function',
      properties: {
        Runtime: 'python3.12',
        Handler: 'index.handler',
        Role: getAtt(`Role${group}`, 'Arn'),
        Timeout: 30,
        Environment: { Variables: { TABLE: ref(`Table${group}`), STAGE: new Fn('If', ['IsProd', 'prod', 'dev']) } },
        Code: { ZipFile: 'import json\n\ndef handler(event, context):\n    return {"statusCode": 200, "body": json.dumps(event)}\n' },
      },
    }),
  },
  {
    name: 'Trail',
    make: (_group, insecure) => ({
      comment: 'Audit trail',
      type: 'AWS::CloudTrail::Trail',
      properties: {
        IsLogging: true,
        S3BucketName: ref('TrailBucketName'),
        IsMultiRegionTrail: !insecure,
        ...(insecure ? {} : { EnableLogFileValidation: true }),
      },
    }),
  },
  {
    name: 'Database',
    make: (_group, insecure) => ({
      comment: 'Database',
      type: 'AWS::RDS::DBInstance',
      properties: {
        Engine: 'postgres',
        DBInstanceClass: 'db.t4g.micro',
        AllocatedStorage: '20',
        MasterUsername: 'app',
        ManageMasterUserPassword: true,
        ...(insecure ? {} : { StorageEncrypted: true }),
      },
      extra: { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' },
    }),
  },
  {
    name: 'Queue',
    make: (group, insecure) => ({
      comment: 'Queue',
      type: 'AWS::SQS::Queue',
      properties: {
        QueueName: sub(`\${AWS::StackName}-queue-${group}`),
        VisibilityTimeout: 60,
        ...(insecure ? {} : { KmsMasterKeyId: 'alias/aws/sqs' }),
      },
    }),
  },
  {
    name: 'Table',
    make: (group) => ({
      comment: 'Table',
      type: 'AWS::DynamoDB::Table',
      properties: {
        TableName: new Fn('Join', ['-', [ref('AWS::StackName'), `table-${group}`]]),
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        SSESpecification: { SSEEnabled: true },
      },
    }),
  },
  {
    name: 'Key',
    make: () => ({
      comment: 'Encryption key',
      type: 'AWS::KMS::Key',
      properties: {
        EnableKeyRotation: true,
        KeyPolicy: policy([{ Effect: 'Allow', Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') }, Action: 'kms:*', Resource: '*' }]),
      },
    }),
  },
];

function policy(statements: readonly { readonly [key: string]: Value }[]): Value {
  return { Version: '2012-10-17', Statement: statements };
}

/** Share of resources rendered in their insecure variant. */
const INSECURE_SHARE = 0.35;

const HEADER = {
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'Generated for Pillar benchmarks: a realistic mix of secure and insecure resources.',
  Parameters: {
    VpcId: { Type: 'AWS::EC2::VPC::Id' },
    TrailBucketName: { Type: 'String' },
    Stage: { Type: 'String', Default: 'dev', AllowedValues: ['dev', 'prod'] },
    EncryptVolumes: { Type: 'String', Default: 'false', AllowedValues: ['true', 'false'] },
  },
  Conditions: { IsProd: new Fn('Equals', [ref('Stage'), 'prod']) },
} satisfies { readonly [key: string]: Value };

export function generateTemplate(options: TemplateOptions): string {
  const { lines = Infinity, resources = Infinity, format = 'yaml', seed = 1 } = options;
  if (lines === Infinity && resources === Infinity) throw new Error('generateTemplate needs `lines` or `resources`.');
  const random = seededRandom(seed);
  const render = format === 'yaml' ? new YamlRenderer() : new JsonRenderer();
  const entries: [string, Block][] = [];
  let lineCount = render.headerLines();
  while (lineCount < lines && entries.length < resources) {
    const kind = KINDS[entries.length % KINDS.length];
    const group = Math.floor(entries.length / KINDS.length);
    const id = `${kind.name}${group}`;
    const block = kind.make(group, random() < INSECURE_SHARE, random);
    entries.push([id, block]);
    lineCount += render.resourceLines(id, block);
  }
  return render.template(entries);
}

function resourceBody(block: Block): { readonly [key: string]: Value } {
  return { Type: block.type, ...block.extra, Properties: block.properties };
}

interface Renderer {
  headerLines(): number;
  resourceLines(id: string, block: Block): number;
  template(entries: readonly [string, Block][]): string;
}

class JsonRenderer implements Renderer {
  headerLines(): number {
    return lineCount(this.stringify(HEADER)) + 2; // plus `"Resources": {` and its closing brace
  }

  resourceLines(_id: string, block: Block): number {
    return lineCount(this.stringify(resourceBody(block)));
  }

  template(entries: readonly [string, Block][]): string {
    const resources = Object.fromEntries(entries.map(([id, block]) => [id, resourceBody(block)]));
    return `${this.stringify({ ...HEADER, Resources: resources })}\n`;
  }

  private stringify(value: Value): string {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Fn ? { [v.longName]: v.argument } : v), 2);
  }
}

class YamlRenderer implements Renderer {
  headerLines(): number {
    return this.header().length + 1;
  }

  resourceLines(id: string, block: Block): number {
    return this.resource(id, block).length;
  }

  template(entries: readonly [string, Block][]): string {
    const lines = [...this.header(), 'Resources:', ...entries.flatMap(([id, block]) => this.resource(id, block))];
    return `${lines.join('\n')}\n`;
  }

  private header(): string[] {
    return this.map(HEADER, 0);
  }

  private resource(id: string, block: Block): string[] {
    return [`  # ${block.comment}`, `  ${id}:`, ...this.map(resourceBody(block), 4)];
  }

  /** Block-style lines of a map, each indented by `indent` spaces. */
  private map(map: { readonly [key: string]: Value }, indent: number): string[] {
    const pad = ' '.repeat(indent);
    return Object.entries(map).flatMap(([key, value]) => {
      if (isBlockCollection(value)) return [`${pad}${key}:`, ...this.block(value, indent + 2)];
      if (typeof value === 'string' && value.includes('\n')) {
        return [`${pad}${key}: |`, ...value.trimEnd().split('\n').map((line) => (line ? `${pad}  ${line}` : ''))];
      }
      return [`${pad}${key}: ${this.inline(value)}`];
    });
  }

  private block(value: Value, indent: number): string[] {
    if (!Array.isArray(value)) return this.map(value as { readonly [key: string]: Value }, indent);
    const pad = ' '.repeat(indent);
    return value.flatMap((item: Value) => {
      if (!isBlockCollection(item)) return [`${pad}- ${this.inline(item)}`];
      // The first line of the item shares the dash; the rest keep the item's indentation.
      const [first, ...rest] = this.block(item, indent + 2);
      return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
    });
  }

  /** Flow-style text of a scalar, an intrinsic or a small collection. */
  private inline(value: Value): string {
    if (value instanceof Fn) {
      const argument = value.name === 'GetAtt' ? (value.argument as string[]).join('.') : this.inline(value.argument);
      return `!${value.name} ${argument}`;
    }
    if (Array.isArray(value)) return `[${value.map((item: Value) => this.inline(item)).join(', ')}]`;
    if (typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${this.inline(v)}`).join(', ')} }`;
    if (typeof value === 'string') return /^[A-Za-z_/][\w./:-]*$/.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value) ? value : JSON.stringify(value);
    return String(value);
  }
}

/** Maps and lists of collections render as blocks; lists of scalars and intrinsics stay in flow style. */
function isBlockCollection(value: Value): boolean {
  if (value instanceof Fn || typeof value !== 'object') return false;
  if (!Array.isArray(value)) return true;
  return value.some((item: Value) => typeof item === 'object' && !(item instanceof Fn));
}

function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
