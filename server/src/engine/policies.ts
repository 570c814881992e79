import { parseEmbedded } from './embedded';
import { SAM_POLICY_TEMPLATES } from './iam/sam-policy-templates';
import type { Resource } from './model';
import { asMap, conditionalBranches, PairIndex, getProperty, scalarString, type MapNode, type Node, type ScalarNode, type SeqNode } from './tree';

/**
 * Every IAM policy of a document, with what kind of policy it is. identity: attached to a
 * principal (no Principal); resource: attached to a resource (needs a Principal); trust: who may
 * assume a role (needs a Principal, has no Resource).
 */
export type PolicyKind = 'identity' | 'resource' | 'trust';

/**
 * How the policy is written: a document in place; a JSON string (or `!Sub` of one), parsed on its
 * own; the properties of a permission resource (`AWS::Lambda::Permission`); or a SAM policy
 * template, expanded to what it grants.
 */
export type PolicyForm = 'document' | 'json-string' | 'permission' | 'sam-template';

export interface Statement {
  readonly node: MapNode;
  readonly sid: Node | undefined;
  readonly effect: Node | undefined;
  readonly action: Node | undefined;
  readonly notAction: Node | undefined;
  readonly resource: Node | undefined;
  readonly notResource: Node | undefined;
  readonly principal: Node | undefined;
  readonly notPrincipal: Node | undefined;
  readonly condition: Node | undefined;
  /** Conditions that a permission resource sets as properties (`SourceArn` is `aws:SourceArn`), by key. */
  readonly propertyConditions: ReadonlyMap<string, Node>;
  /** The `!If`s the statement is written under, with the branch it is in (1: true, 2: false); empty outside any `!If`. */
  readonly branches?: readonly { readonly choice: Node; readonly branch: number }[];
}

/** Whether two statements can never be in the policy together: they sit in different branches of one `!If`. */
export function exclusiveStatements(a: Statement, b: Statement): boolean {
  return (a.branches ?? []).some((x) => (b.branches ?? []).some((y) => x.choice === y.choice && x.branch !== y.branch));
}

export interface PolicyDocument {
  readonly node: MapNode;
  readonly kind: PolicyKind;
  readonly form: PolicyForm;
  /** The resource that holds the policy, or null for a standalone policy file. */
  readonly resource: Resource | null;
  /** Where the policy sits in the resource, e.g. `Policies[0].PolicyDocument`. */
  readonly path: string;
  readonly version: Node | undefined;
  readonly statements: readonly Statement[];
  /** Whether fixes may edit the policy's text: not inside a string, nor a SAM template's expansion. */
  readonly editable: boolean;
  /** For a policy string that is not a valid document: the string, and why. */
  readonly unreadable?: { readonly node: Node; readonly message: string };
}

/** A managed policy attached by name or ARN (`ManagedPolicyArns`, SAM `Policies`). */
export interface ManagedPolicyReference {
  readonly resource: Resource;
  readonly node: Node;
  readonly path: string;
}

interface PolicyLocation {
  /** Property name; `Policies[].PolicyDocument` walks a list of inline policies. */
  readonly path: string;
  readonly kind: PolicyKind;
}

const inlinePolicies: PolicyLocation = { path: 'Policies[].PolicyDocument', kind: 'identity' };
const identity = (path: string): PolicyLocation => ({ path, kind: 'identity' });
const onResource = (path: string): PolicyLocation => ({ path, kind: 'resource' });

/** Every place a CloudFormation resource type embeds an IAM policy document. */
const POLICY_LOCATIONS: ReadonlyMap<string, readonly PolicyLocation[]> = new Map([
  ['AWS::IAM::Policy', [identity('PolicyDocument')]],
  ['AWS::IAM::ManagedPolicy', [identity('PolicyDocument')]],
  ['AWS::IAM::RolePolicy', [identity('PolicyDocument')]],
  ['AWS::IAM::UserPolicy', [identity('PolicyDocument')]],
  ['AWS::IAM::GroupPolicy', [identity('PolicyDocument')]],
  ['AWS::IAM::Role', [{ path: 'AssumeRolePolicyDocument', kind: 'trust' }, inlinePolicies]],
  ['AWS::IAM::User', [inlinePolicies]],
  ['AWS::IAM::Group', [inlinePolicies]],
  ['AWS::SSO::PermissionSet', [identity('InlinePolicy')]],
  ['AWS::S3::BucketPolicy', [onResource('PolicyDocument')]],
  ['AWS::S3::AccessPoint', [onResource('Policy')]],
  ['AWS::SQS::QueuePolicy', [onResource('PolicyDocument')]],
  ['AWS::SNS::TopicPolicy', [onResource('PolicyDocument')]],
  ['AWS::KMS::Key', [onResource('KeyPolicy')]],
  ['AWS::SecretsManager::ResourcePolicy', [onResource('ResourcePolicy')]],
  ['AWS::ECR::Repository', [onResource('RepositoryPolicyText')]],
  ['AWS::EFS::FileSystem', [onResource('FileSystemPolicy')]],
  ['AWS::Backup::BackupVault', [onResource('AccessPolicy')]],
  ['AWS::Elasticsearch::Domain', [onResource('AccessPolicies')]],
  ['AWS::OpenSearchService::Domain', [onResource('AccessPolicies')]],
  ['AWS::ApiGateway::RestApi', [onResource('Policy')]],
  ['AWS::Events::EventBusPolicy', [onResource('Statement')]],
  ['AWS::Logs::ResourcePolicy', [onResource('PolicyDocument')]],
  ['AWS::Serverless::Function', [identity('Policies[]')]],
  ['AWS::Serverless::StateMachine', [identity('Policies[]')]],
]);

/** Permission resources: their properties are one Allow statement; these properties are its conditions. */
const PERMISSION_CONDITIONS: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map<string, Readonly<Record<string, string>>>([
  ['AWS::Lambda::Permission', { SourceArn: 'aws:SourceArn', SourceAccount: 'aws:SourceAccount', PrincipalOrgID: 'aws:PrincipalOrgID', FunctionUrlAuthType: 'lambda:FunctionUrlAuthType' }],
  ['AWS::Lambda::LayerVersionPermission', { OrganizationId: 'aws:PrincipalOrgID' }],
]);

/** The statement keys IAM knows. */
export const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;

export function extractPolicies(resources: readonly Resource[], text?: string): PolicyDocument[] {
  const policies: PolicyDocument[] = [];
  for (const resource of resources) {
    const permission = PERMISSION_CONDITIONS.get(resource.type);
    if (permission && resource.properties) policies.push(permissionPolicy(resource, resource.properties, permission));
    for (const location of POLICY_LOCATIONS.get(resource.type) ?? []) {
      for (const { node, path } of locate(resource.properties, location.path)) {
        for (const branch of conditionalBranches(node)) {
          const policy = policyAt(branch, location.kind, resource, path, text);
          if (policy) policies.push(...policy);
        }
      }
    }
  }
  return policies;
}

/** The policies attached by name or ARN: `ManagedPolicyArns` items and SAM `Policies` strings. */
export function managedPolicyReferences(resources: readonly Resource[]): ManagedPolicyReference[] {
  const references: ManagedPolicyReference[] = [];
  for (const resource of resources) {
    const property = resource.type.startsWith('AWS::Serverless::') ? 'Policies' : 'ManagedPolicyArns';
    const value = getProperty(resource.properties, property);
    if (!value) continue;
    const items = value.kind === 'seq' ? value.items.map((item, index) => ({ item, path: `${property}[${index}]` })) : [{ item: value, path: property }];
    for (const { item, path } of items) {
      for (const branch of conditionalBranches(item)) {
        const isDocument = branch.kind === 'map' || (branch.kind === 'scalar' && String(branch.value).trimStart().startsWith('{'));
        if (!isDocument && branch.kind !== 'seq') references.push({ resource, node: branch, path });
      }
    }
  }
  return references;
}

/** A standalone policy file; its kind is read from its statements (a Principal makes it a resource or trust policy). */
export function standalonePolicy(root: MapNode): PolicyDocument {
  return policyDocument(root, 'identity', null, '', 'document', standaloneKind);
}

function standaloneKind(statements: readonly Statement[]): PolicyKind {
  if (!statements.some((s) => s.principal || s.notPrincipal)) return 'identity';
  const actions = statements.flatMap((s) => (s.action?.kind === 'seq' ? s.action.items : s.action ? [s.action] : [])).map(scalarString);
  return actions.length > 0 && actions.every((a) => a !== undefined && /^sts:(AssumeRole|AssumeRoleWith\w+|TagSession|SetSourceIdentity|SetContext)$/i.test(a)) ? 'trust' : 'resource';
}

/** The policies a location's value holds: a document, a JSON string, or (SAM) a policy template. */
function policyAt(value: Node, kind: PolicyKind, resource: Resource, path: string, text: string | undefined): PolicyDocument[] | undefined {
  if (value.kind === 'map') {
    if (value.byKey.has('Statement') || resource.type === 'AWS::Events::EventBusPolicy') return [policyDocument(value, kind, resource, path, 'document')];
    if (resource.type.startsWith('AWS::Serverless::') && value.pairs.length === 1) return samTemplate(value, resource, path);
    return undefined;
  }
  const string = jsonString(value);
  if (!string) return undefined;
  const embedded = parseEmbedded(text, string.node);
  const root = asMap(embedded.root ?? undefined);
  if (!root) {
    // A `!Sub` string may hold `${...}` outside JSON strings: that is not a mistake Pillar can see.
    if (string.sub) return undefined;
    const empty: MapNode = { kind: 'map', span: string.node.span, flow: true, pairs: [], byKey: new PairIndex([]) };
    return [{ ...policyDocument(empty, kind, resource, path, 'json-string'), unreadable: { node: string.node, message: embedded.error ?? 'it is not a JSON object' } }];
  }
  return [policyDocument(root, kind, resource, path, 'json-string')];
}

/** A string that holds a JSON document: a plain string starting with `{`, or `!Sub` of one. */
function jsonString(node: Node): { node: ScalarNode; sub: boolean } | undefined {
  const isJson = (n: Node | undefined): n is ScalarNode => n?.kind === 'scalar' && typeof n.value === 'string' && n.value.trimStart().startsWith('{');
  if (isJson(node)) return { node, sub: false };
  if (node.kind === 'intrinsic' && node.name === 'Fn::Sub') {
    const template = node.argument.kind === 'seq' ? node.argument.items[0] : node.argument;
    if (isJson(template)) return { node: template, sub: true };
  }
  return undefined;
}

/**
 * The statements of a SAM policy template (`{ S3CrudPolicy: { BucketName: !Ref Bucket } }`), with
 * synthetic nodes placed on the template's name: each parameter appears as `${Name}` in the ARNs,
 * or as the bucket, table… it names when that is a literal or a resource of the template.
 */
function samTemplate(value: MapNode, resource: Resource, path: string): PolicyDocument[] | undefined {
  const [{ key, value: parameters }] = value.pairs;
  const definition = SAM_POLICY_TEMPLATES.get(String(key.value));
  if (!definition) return undefined;
  const at = key.span;
  const scalar = (text: string): ScalarNode => ({ kind: 'scalar', span: at, value: text });
  const list = (items: readonly string[]): SeqNode => ({ kind: 'seq', span: at, flow: true, items: items.map(scalar) });
  const substitute = (arn: string) =>
    arn.replace(/\$\{(\w+)\}/g, (whole, name: string) => {
      const parameter = getProperty(parameters, name);
      const literal = scalarString(parameter);
      if (literal !== undefined) return literal;
      if (parameter?.kind === 'intrinsic' && parameter.name === 'Ref') return `\${${scalarString(parameter.argument) ?? name}}`;
      return whole;
    });
  const statements = definition.map((statement) => {
    const entries: [string, Node][] = [
      ['Effect', scalar('Allow')],
      ['Action', list(statement.actions)],
      ['Resource', list(statement.resources.map(substitute))],
    ];
    const pairs = entries.map(([k, v]) => ({ key: scalar(k), value: v }));
    const node: MapNode = { kind: 'map', span: at, flow: true, pairs, byKey: new PairIndex(pairs) };
    return readStatement(node);
  });
  return [{ node: value, kind: 'identity', form: 'sam-template', resource, path, version: undefined, statements, editable: false }];
}

/** `AWS::Lambda::Permission` and its kind: one Allow statement made of the resource's properties. */
function permissionPolicy(resource: Resource, properties: MapNode, conditions: Readonly<Record<string, string>>): PolicyDocument {
  const propertyConditions = new Map<string, Node>();
  for (const [property, key] of Object.entries(conditions)) {
    const node = getProperty(properties, property);
    if (node) propertyConditions.set(key, node);
  }
  const allow: ScalarNode = { kind: 'scalar', span: resource.typeNode?.span ?? resource.key.span, value: 'Allow' };
  const statement: Statement = {
    node: properties,
    sid: undefined,
    effect: allow,
    action: getProperty(properties, 'Action'),
    notAction: undefined,
    resource: undefined,
    notResource: undefined,
    principal: getProperty(properties, 'Principal'),
    notPrincipal: undefined,
    condition: undefined,
    propertyConditions,
  };
  return { node: properties, kind: 'resource', form: 'permission', resource, path: '', version: undefined, statements: [statement], editable: true };
}

/** Nesting of lists and `!If`s a Statement is read through. */
const MAX_STATEMENT_DEPTH = 64;

function policyDocument(node: MapNode, kind: PolicyKind, resource: Resource | null, path: string, form: PolicyForm, kindOf?: (statements: readonly Statement[]) => PolicyKind): PolicyDocument {
  // An EventBridge bus policy's `Statement` property is one statement.
  const statementNode = resource?.type === 'AWS::Events::EventBusPolicy' ? node : getProperty(node, 'Statement');
  const statements: Statement[] = [];
  // Each `!If` branch, and a branch that is itself a list (`Statement: !If [c, [...], [...]]`), item by item.
  // Aliases share nodes: a node reached again (both branches of `!If [c, *a, *a]`) is read once, so
  // nested `!If`s over one alias cost their depth, not 2^depth.
  const seen = new Set<Node>();
  const visit = (node: Node, branches: readonly { choice: Node; branch: number }[], depth: number) => {
    if (depth > MAX_STATEMENT_DEPTH || seen.has(node)) return;
    seen.add(node);
    if (node.kind === 'intrinsic' && node.name === 'Fn::If' && node.argument.kind === 'seq' && node.argument.items.length === 3) {
      for (const branch of [1, 2]) visit(node.argument.items[branch], [...branches, { choice: node, branch }], depth + 1);
      return;
    }
    if (node.kind === 'seq') {
      for (const item of node.items) visit(item, branches, depth + 1);
      return;
    }
    const map = asMap(node);
    if (map) statements.push({ ...readStatement(map), branches });
  };
  if (statementNode) visit(statementNode, [], 0);
  return { node, kind: kindOf?.(statements) ?? kind, form, resource, path, version: getProperty(node, 'Version'), statements, editable: form === 'document' };
}

function readStatement(node: MapNode): Statement {
  return {
    node,
    sid: getProperty(node, 'Sid'),
    effect: getProperty(node, 'Effect'),
    action: getProperty(node, 'Action'),
    notAction: getProperty(node, 'NotAction'),
    resource: getProperty(node, 'Resource'),
    notResource: getProperty(node, 'NotResource'),
    principal: getProperty(node, 'Principal'),
    notPrincipal: getProperty(node, 'NotPrincipal'),
    condition: getProperty(node, 'Condition'),
    propertyConditions: new Map(),
  };
}

/** Follows a location path: `A`, `A[]` (every item of list A), `A[].B`. */
function locate(properties: MapNode | undefined, path: string): { node: Node; path: string }[] {
  const [head, ...rest] = path.split('.');
  const isList = head.endsWith('[]');
  const name = isList ? head.slice(0, -2) : head;
  const value = getProperty(properties, name);
  if (!value) return [];
  const found: { node: Node; path: string }[] = [];
  const visit = (node: Node, here: string) => {
    if (rest.length === 0) found.push({ node, path: here });
    else for (const inner of locate(asMap(node), rest.join('.'))) found.push({ node: inner.node, path: `${here}.${inner.path}` });
  };
  if (isList && value.kind === 'seq') value.items.forEach((item, index) => visit(item, `${name}[${index}]`));
  else visit(value, name);
  return found;
}
