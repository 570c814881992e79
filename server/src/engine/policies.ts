import type { Resource } from './model';
import { asMap, conditionalBranches, getProperty, type MapNode, type Node } from './tree';

/** identity: attached to a principal; resource: attached to a resource; trust: who may assume a role. */
export type PolicyKind = 'identity' | 'resource' | 'trust';

export interface Statement {
  readonly node: MapNode;
  readonly effect: Node | undefined;
  readonly action: Node | undefined;
  readonly notAction: Node | undefined;
  readonly resource: Node | undefined;
  readonly notResource: Node | undefined;
  readonly principal: Node | undefined;
  readonly notPrincipal: Node | undefined;
  readonly condition: Node | undefined;
}

export interface PolicyDocument {
  readonly node: MapNode;
  readonly kind: PolicyKind;
  /** The resource that holds the policy, or null for a standalone policy file. */
  readonly resource: Resource | null;
  /** Where the policy sits in the resource, e.g. `Policies[0].PolicyDocument`. */
  readonly path: string;
  readonly statements: readonly Statement[];
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
  ['AWS::Serverless::Function', [identity('Policies[]')]],
  ['AWS::Serverless::StateMachine', [identity('Policies[]')]],
]);

export function extractPolicies(resources: readonly Resource[]): PolicyDocument[] {
  const policies: PolicyDocument[] = [];
  for (const resource of resources) {
    for (const location of POLICY_LOCATIONS.get(resource.type) ?? []) {
      for (const { node, path } of locate(resource.properties, location.path)) {
        for (const document of conditionalBranches(node)) {
          const map = asMap(document);
          if (map && map.byKey.has('Statement')) policies.push(policyDocument(map, location.kind, resource, path));
        }
      }
    }
  }
  return policies;
}

export function standalonePolicy(root: MapNode): PolicyDocument {
  return policyDocument(root, 'identity', null, '');
}

function policyDocument(node: MapNode, kind: PolicyKind, resource: Resource | null, path: string): PolicyDocument {
  const statementNode = getProperty(node, 'Statement');
  const candidates = statementNode?.kind === 'seq' ? statementNode.items : statementNode ? [statementNode] : [];
  const statements: Statement[] = [];
  for (const candidate of candidates) {
    for (const branch of conditionalBranches(candidate)) {
      const map = asMap(branch);
      if (map) statements.push(statement(map));
    }
  }
  return { node, kind, resource, path, statements };
}

function statement(node: MapNode): Statement {
  return {
    node,
    effect: getProperty(node, 'Effect'),
    action: getProperty(node, 'Action'),
    notAction: getProperty(node, 'NotAction'),
    resource: getProperty(node, 'Resource'),
    notResource: getProperty(node, 'NotResource'),
    principal: getProperty(node, 'Principal'),
    notPrincipal: getProperty(node, 'NotPrincipal'),
    condition: getProperty(node, 'Condition'),
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
