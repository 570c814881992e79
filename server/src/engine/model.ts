import type { DocumentKind } from './api';
import { extractPolicies, managedPolicyReferences, standalonePolicy, type ManagedPolicyReference, type PolicyDocument } from './policies';
import { asMap, getProperty, scalarString, type MapNode, type Node, type ScalarNode } from './tree';

export interface Parameter {
  readonly name: string;
  readonly key: ScalarNode;
  readonly node: MapNode | undefined;
  readonly type: string | undefined;
  readonly default: Node | undefined;
  readonly allowedValues: readonly Node[];
  readonly noEcho: boolean;
}

export interface Resource {
  readonly logicalId: string;
  readonly key: ScalarNode;
  readonly node: MapNode;
  readonly type: string;
  readonly typeNode: Node | undefined;
  readonly properties: MapNode | undefined;
  readonly metadata: MapNode | undefined;
  readonly condition: string | undefined;
  readonly deletionPolicy: string | undefined;
  readonly updateReplacePolicy: string | undefined;
}

export interface Output {
  readonly name: string;
  readonly key: ScalarNode;
  readonly value: Node | undefined;
  readonly condition: string | undefined;
}

export interface Template {
  readonly kind: 'template';
  readonly root: MapNode;
  readonly isSam: boolean;
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly conditions: ReadonlyMap<string, Node>;
  readonly mappings: MapNode | undefined;
  readonly resources: readonly Resource[];
  readonly resourcesById: ReadonlyMap<string, Resource>;
  readonly outputs: readonly Output[];
  readonly metadata: MapNode | undefined;
  readonly policies: readonly PolicyDocument[];
  /** Managed policies attached by name or ARN. */
  readonly managedPolicies: readonly ManagedPolicyReference[];
  /**
   * Whether aliases may make one node reachable from several places: walks of the whole template
   * then remember the nodes they visited; without aliases (nearly every template) they need not.
   */
  readonly sharesNodes: boolean;
}

export interface PolicyFile {
  readonly kind: 'policy';
  readonly root: MapNode;
  readonly policies: readonly PolicyDocument[];
}

export type Model = Template | PolicyFile;

/** Decides what a parsed document is: a CloudFormation/SAM template, an IAM policy, or neither. */
export function classify(root: Node | null): DocumentKind {
  const map = asMap(root ?? undefined);
  if (!map) return 'none';
  if (map.byKey.has('AWSTemplateFormatVersion')) return 'template';
  const resources = asMap(getProperty(map, 'Resources'));
  if (resources?.pairs.some((pair) => isResourceTypeName(scalarString(getProperty(pair.value, 'Type'))))) return 'template';
  if (isSamTransform(getProperty(map, 'Transform'))) return 'template';
  const statement = getProperty(map, 'Statement');
  if (statement && (statement.kind === 'seq' || statement.kind === 'map') && (map.byKey.has('Version') || looksLikeStatement(statement))) return 'policy';
  return 'none';
}

function isResourceTypeName(type: string | undefined): boolean {
  return type !== undefined && /^(AWS|Custom|Alexa)::/.test(type);
}

function looksLikeStatement(node: Node): boolean {
  const first = node.kind === 'seq' ? node.items[0] : node;
  return first?.kind === 'map' && first.byKey.has('Effect');
}

function isSamTransform(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'scalar') return String(node.value).startsWith('AWS::Serverless');
  return node.kind === 'seq' && node.items.some(isSamTransform);
}

/**
 * `text`, when given, lets policies written as JSON strings report findings inside the string;
 * `sharesNodes` is the parse's `hasAliases` (when not known, assume aliases).
 */
export function buildModel(root: MapNode, kind: 'template' | 'policy', text?: string, sharesNodes = true): Model {
  if (kind === 'policy') return { kind: 'policy', root, policies: [standalonePolicy(root)] };
  const parameters = new Map<string, Parameter>();
  for (const pair of asMap(getProperty(root, 'Parameters'))?.pairs ?? []) {
    const node = asMap(pair.value);
    const allowed = getProperty(node, 'AllowedValues');
    parameters.set(String(pair.key.value), {
      name: String(pair.key.value),
      key: pair.key,
      node,
      type: scalarString(getProperty(node, 'Type')),
      default: getProperty(node, 'Default'),
      allowedValues: allowed?.kind === 'seq' ? allowed.items : [],
      noEcho: String(scalarString(getProperty(node, 'NoEcho'))).toLowerCase() === 'true',
    });
  }
  const conditions = new Map<string, Node>();
  for (const pair of asMap(getProperty(root, 'Conditions'))?.pairs ?? []) conditions.set(String(pair.key.value), pair.value);

  const resources: Resource[] = [];
  for (const pair of asMap(getProperty(root, 'Resources'))?.pairs ?? []) {
    const node = asMap(pair.value);
    if (!node) continue;
    const typeNode = getProperty(node, 'Type');
    resources.push({
      logicalId: String(pair.key.value),
      key: pair.key,
      node,
      type: scalarString(typeNode) ?? '',
      typeNode,
      properties: asMap(getProperty(node, 'Properties')),
      metadata: asMap(getProperty(node, 'Metadata')),
      condition: scalarString(getProperty(node, 'Condition')),
      deletionPolicy: scalarString(getProperty(node, 'DeletionPolicy')),
      updateReplacePolicy: scalarString(getProperty(node, 'UpdateReplacePolicy')),
    });
  }
  const resourcesById = new Map<string, Resource>();
  // A repeated logical id is reported by the parser; the last definition wins here too.
  for (const resource of resources) resourcesById.set(resource.logicalId, resource);
  const uniqueResources = resources.filter((resource) => resourcesById.get(resource.logicalId) === resource);

  const outputs: Output[] = (asMap(getProperty(root, 'Outputs'))?.pairs ?? []).map((pair) => ({
    name: String(pair.key.value),
    key: pair.key,
    value: getProperty(pair.value, 'Value'),
    condition: scalarString(getProperty(pair.value, 'Condition')),
  }));

  return {
    kind: 'template',
    root,
    isSam: isSamTransform(getProperty(root, 'Transform')) || uniqueResources.some((r) => r.type.startsWith('AWS::Serverless::')),
    parameters,
    conditions,
    mappings: asMap(getProperty(root, 'Mappings')),
    resources: uniqueResources,
    resourcesById,
    outputs,
    metadata: asMap(getProperty(root, 'Metadata')),
    policies: extractPolicies(uniqueResources, text),
    managedPolicies: managedPolicyReferences(uniqueResources),
    sharesNodes,
  };
}
