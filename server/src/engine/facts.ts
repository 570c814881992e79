import type { Evaluator } from './evaluate';
import type { Resource, Template } from './model';
import type { PolicyDocument } from './policies';
import { asMap, getProperty, scalarString, type Node } from './tree';

/** A place that names a parameter or resource: `!Ref X`, `!GetAtt X.Arn`, `${X}` in `!Sub`. */
export interface Reference {
  /** The resource that holds the reference; undefined in Outputs and Conditions. */
  readonly from: Resource | undefined;
  readonly node: Node;
  readonly attribute: string | undefined;
}

/** A KMS key a property names: a key or alias of this template, an AWS managed alias, or another key. */
export interface KeyReference {
  /** The AWS::KMS::Key resource of this template, when the value leads to one (directly or through an alias). */
  readonly key: Resource | undefined;
  /** `alias/aws/...`: a key AWS manages, whose policy the account cannot change. */
  readonly awsManaged: boolean;
}

/** The property that carries a resource's physical name, for templates that name a resource by it. */
const NAME_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['AWS::S3::Bucket', 'BucketName'],
  ['AWS::SecretsManager::Secret', 'Name'],
]);

/**
 * What one resource says about another, computed once per template on first use and shared by
 * every rule: which bucket a bucket policy protects, which VPC a flow log covers, which key a
 * resource is encrypted with, which buckets receive logs.
 */
export class TemplateFacts {
  private references: Map<string, Reference[]> | undefined;
  private readonly pointing = new Map<string, Map<Resource, Resource[]>>();
  private logBuckets: Set<Resource> | undefined;
  private physicalNames: Map<string, Resource> | undefined;
  private policiesByResource: Map<Resource, PolicyDocument[]> | undefined;

  constructor(
    private readonly template: Template,
    private readonly evaluator: Evaluator,
  ) {}

  /** Every reference to a parameter or resource, in resources, Outputs and Conditions. */
  referencesTo(name: string): readonly Reference[] {
    if (!this.references) this.references = indexReferences(this.template);
    return this.references.get(name) ?? [];
  }

  /**
   * The policy documents a resource holds (a role's inline policies, a bucket policy's document),
   * in template order. Indexed once: filtering `template.policies` for each resource made the
   * rules that ask cost resources × policies.
   */
  policiesOf(resource: Resource): readonly PolicyDocument[] {
    if (!this.policiesByResource) {
      this.policiesByResource = new Map();
      for (const policy of this.template.policies) {
        if (!policy.resource) continue;
        const list = this.policiesByResource.get(policy.resource);
        if (list) list.push(policy);
        else this.policiesByResource.set(policy.resource, [policy]);
      }
    }
    return this.policiesByResource.get(resource) ?? [];
  }

  /** The resource of this template a value points at (`!Ref`, `!GetAtt`, `!Sub "${X.Arn}"`, or its literal name). */
  targetOf(node: Node | undefined): Resource | undefined {
    if (!node) return undefined;
    for (const candidate of this.evaluator.candidates(node)) {
      const value = candidate.value;
      if (value.kind === 'symbolic' && value.resource) return this.template.resourcesById.get(value.resource);
      if (value.kind === 'known' && typeof value.value === 'string') {
        const named = this.byPhysicalName(value.value);
        if (named) return named;
      }
    }
    return undefined;
  }

  /** Resources of `type` whose property at `path` (dot-separated) points at `target`: the bucket policies of a bucket. */
  pointingAt(target: Resource, type: string, path: string): readonly Resource[] {
    const key = `${type} ${path}`;
    let byTarget = this.pointing.get(key);
    if (!byTarget) {
      byTarget = new Map();
      for (const resource of this.template.resources) {
        if (resource.type !== type) continue;
        const pointed = this.targetOf(valueAt(resource, path));
        if (pointed) byTarget.set(pointed, [...(byTarget.get(pointed) ?? []), resource]);
      }
      this.pointing.set(key, byTarget);
    }
    return byTarget.get(target) ?? [];
  }

  bucketPoliciesOf(bucket: Resource): readonly Resource[] {
    return this.pointingAt(bucket, 'AWS::S3::BucketPolicy', 'Bucket');
  }

  /** Flow logs on a VPC, subnet or network interface. */
  flowLogsOf(resource: Resource): readonly Resource[] {
    return this.pointingAt(resource, 'AWS::EC2::FlowLog', 'ResourceId');
  }

  listenersOf(loadBalancer: Resource): readonly Resource[] {
    return this.pointingAt(loadBalancer, 'AWS::ElasticLoadBalancingV2::Listener', 'LoadBalancerArn');
  }

  /** Ingress or egress resources that add rules to a security group. */
  rulesOf(securityGroup: Resource, type: 'AWS::EC2::SecurityGroupIngress' | 'AWS::EC2::SecurityGroupEgress'): readonly Resource[] {
    return this.pointingAt(securityGroup, type, 'GroupId');
  }

  /** The KMS key a `KmsKeyId`-like value names, when it can be told. */
  keyOf(node: Node | undefined): KeyReference | undefined {
    if (!node) return undefined;
    const target = this.targetOf(node);
    if (target?.type === 'AWS::KMS::Key') return { key: target, awsManaged: false };
    if (target?.type === 'AWS::KMS::Alias') return { key: this.targetOf(getProperty(target.properties, 'TargetKeyId')), awsManaged: false };
    const text = this.evaluator.single(node);
    if (text?.kind === 'known' && typeof text.value === 'string') return { key: undefined, awsManaged: /(^|:)alias\/aws\//.test(text.value) };
    return undefined;
  }

  /** Buckets that receive logs (trails, access logs, flow logs, AWS Config): logging them too would loop. */
  logDestinationBuckets(): ReadonlySet<Resource> {
    if (this.logBuckets) return this.logBuckets;
    const buckets = new Set<Resource>();
    const add = (node: Node | undefined) => {
      const target = this.targetOf(node);
      if (target?.type === 'AWS::S3::Bucket') buckets.add(target);
    };
    for (const resource of this.template.resources) {
      const properties = resource.properties;
      switch (resource.type) {
        case 'AWS::CloudTrail::Trail':
        case 'AWS::Config::DeliveryChannel':
          add(getProperty(properties, 'S3BucketName'));
          break;
        case 'AWS::S3::Bucket':
          add(getProperty(getProperty(properties, 'LoggingConfiguration'), 'DestinationBucketName'));
          break;
        case 'AWS::ElasticLoadBalancing::LoadBalancer':
          add(getProperty(getProperty(properties, 'AccessLoggingPolicy'), 'S3BucketName'));
          break;
        case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
          for (const attribute of listItems(getProperty(properties, 'LoadBalancerAttributes'))) {
            if (scalarString(getProperty(attribute, 'Key')) === 'access_logs.s3.bucket') add(getProperty(attribute, 'Value'));
          }
          break;
        case 'AWS::CloudFront::Distribution':
          add(getProperty(getProperty(getProperty(properties, 'DistributionConfig'), 'Logging'), 'Bucket'));
          break;
        case 'AWS::EC2::FlowLog':
          add(getProperty(properties, 'LogDestination'));
          break;
      }
    }
    this.logBuckets = buckets;
    return buckets;
  }

  private byPhysicalName(name: string): Resource | undefined {
    if (!this.physicalNames) {
      this.physicalNames = new Map();
      for (const resource of this.template.resources) {
        const property = NAME_PROPERTIES.get(resource.type);
        const node = property ? getProperty(resource.properties, property) : undefined;
        const own = node && this.evaluator.single(node);
        if (own?.kind === 'known' && typeof own.value === 'string') this.physicalNames.set(own.value, resource);
      }
    }
    // A bucket is also named by its ARN or its domain name.
    const bare = name.replace(/^arn:aws[a-z-]*:s3:::/, '').replace(/\.s3(\.[a-z0-9-]+)?\.amazonaws\.com$/, '');
    return this.physicalNames.get(bare);
  }
}

/** The node at a dot-separated path under a resource's Properties. */
function valueAt(resource: Resource, path: string): Node | undefined {
  let node: Node | undefined = resource.properties;
  for (const part of path.split('.')) node = getProperty(node, part);
  return node;
}

function listItems(node: Node | undefined): readonly Node[] {
  return node?.kind === 'seq' ? node.items : [];
}

function indexReferences(template: Template): Map<string, Reference[]> {
  const index = new Map<string, Reference[]>();
  // Appended in place: copying the list on each reference was quadratic in a name's references
  // (a parameter every resource uses), ~1.5% of the analysis of a 20k-line template.
  const add = (name: string, reference: Reference) => {
    const references = index.get(name);
    if (references) references.push(reference);
    else index.set(name, [reference]);
  };
  // With aliases, a node reached again is walked once (an alias bomb would be exponential).
  const walk = (node: Node, from: Resource | undefined, seen: Set<Node> | undefined) => {
    if (seen) {
      if (seen.has(node)) return;
      seen.add(node);
    }
    if (node.kind === 'map') for (const pair of node.pairs) walk(pair.value, from, seen);
    else if (node.kind === 'seq') for (const item of node.items) walk(item, from, seen);
    else if (node.kind === 'intrinsic') {
      for (const { name, attribute } of namesIn(node)) add(name, { from, node, attribute });
      walk(node.argument, from, seen);
    }
  };
  const visited = () => (template.sharesNodes ? new Set<Node>() : undefined);
  for (const resource of template.resources) walk(resource.node, resource, visited());
  const root = template.root;
  for (const section of ['Outputs', 'Conditions']) {
    const map = asMap(getProperty(root, section));
    if (map) walk(map, undefined, visited());
  }
  return index;
}

/** The names an intrinsic refers to directly (not those of intrinsics nested in it). */
function namesIn(node: Node & { kind: 'intrinsic' }): { name: string; attribute: string | undefined }[] {
  const argument = node.argument;
  if (node.name === 'Ref') {
    const name = scalarString(argument);
    return name ? [{ name, attribute: undefined }] : [];
  }
  if (node.name === 'Fn::GetAtt') {
    const text = argument.kind === 'seq' ? scalarString(argument.items[0]) : scalarString(argument)?.split('.')[0];
    const attribute = argument.kind === 'seq' ? scalarString(argument.items[1]) : scalarString(argument)?.split('.').slice(1).join('.');
    return text ? [{ name: text, attribute }] : [];
  }
  if (node.name === 'Fn::Sub') {
    const text = scalarString(argument.kind === 'seq' ? argument.items[0] : argument);
    const local = argument.kind === 'seq' ? asMap(argument.items[1]) : undefined;
    const names: { name: string; attribute: string | undefined }[] = [];
    for (const match of (text ?? '').matchAll(/\$\{([^}!][^}]*)\}/g)) {
      const [name, ...attribute] = match[1].trim().split('.');
      if (!local?.byKey.has(match[1].trim())) names.push({ name, attribute: attribute.length > 0 ? attribute.join('.') : undefined });
    }
    return names;
  }
  return [];
}
