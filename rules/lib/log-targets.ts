import type { Resource, Template } from '../../server/src/engine/model';
import type { RuleContext } from '../../server/src/engine/rule';
import type { Node } from '../../server/src/engine/tree';
import { asText } from './values';

/**
 * Which resources of a template receive logs, and which are covered by flow logs: facts that several
 * detective rules share, worked out once per template.
 */
export interface LogTargets {
  /** Buckets that receive logs of any kind (trails, access logs, flow logs, Config, WAF…). */
  readonly buckets: ReadonlySet<Resource>;
  /**
   * Buckets made to receive S3 server access logs (another bucket names them, they grant the
   * `LogDeliveryWrite` ACL, or their policy lets `logging.s3.amazonaws.com` write): where a bucket
   * without access logs can send them.
   */
  readonly accessLogBuckets: readonly Resource[];
}

/** Where each log source names its bucket; `[]` walks a list, `Key=value` picks the list items whose Key is value. */
const BUCKET_PATHS: readonly (readonly [string, string, 'access'?])[] = [
  ['AWS::S3::Bucket', 'LoggingConfiguration.DestinationBucketName', 'access'],
  ['AWS::CloudTrail::Trail', 'S3BucketName'],
  ['AWS::Config::DeliveryChannel', 'S3BucketName'],
  ['AWS::ElasticLoadBalancing::LoadBalancer', 'AccessLoggingPolicy.S3BucketName'],
  ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'LoadBalancerAttributes[Key=access_logs.s3.bucket].Value'],
  ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'LoadBalancerAttributes[Key=connection_logs.s3.bucket].Value'],
  ['AWS::CloudFront::Distribution', 'DistributionConfig.Logging.Bucket'],
  ['AWS::EC2::FlowLog', 'LogDestination'],
  ['AWS::Logs::DeliveryDestination', 'DestinationResourceArn'],
  ['AWS::Redshift::Cluster', 'LoggingProperties.BucketName'],
  ['AWS::MSK::Cluster', 'LoggingInfo.BrokerLogs.S3.Bucket'],
  ['AWS::WAFv2::LoggingConfiguration', 'LogDestinationConfigs[]'],
  ['AWS::NetworkFirewall::LoggingConfiguration', 'LoggingConfiguration.LogDestinationConfigs[].LogDestination.bucketName'],
];

/**
 * Service principals that write logs into a bucket its policy opens to them. `OwnershipControls`
 * that keep ACLs on (needed by CloudFront standard logs) are no sign by themselves: most buckets
 * with `BucketOwnerPreferred` hold data, not logs.
 */
const LOG_DELIVERY_PRINCIPALS = new Set([
  'logging.s3.amazonaws.com',
  'delivery.logs.amazonaws.com',
  'cloudtrail.amazonaws.com',
  'config.amazonaws.com',
  'logdelivery.elasticloadbalancing.amazonaws.com',
]);

const cache = new WeakMap<Template, LogTargets>();

export function logTargets(context: RuleContext): LogTargets {
  const template = context.template;
  if (!template) return { buckets: new Set(), accessLogBuckets: [] };
  let targets = cache.get(template);
  if (!targets) {
    targets = computeLogTargets(template, context);
    cache.set(template, targets);
  }
  return targets;
}

function computeLogTargets(template: Template, context: RuleContext): LogTargets {
  const buckets = new Set<Resource>(context.facts?.logDestinationBuckets() ?? []);
  const access = new Set<Resource>();
  const bucketOf = (node: Node) => {
    const target = context.facts?.targetOf(node) ?? subTarget(node, template);
    return target?.type === 'AWS::S3::Bucket' ? target : undefined;
  };
  for (const resource of template.resources) {
    for (const [type, path, kind] of BUCKET_PATHS) {
      if (resource.type !== type) continue;
      for (const node of nodesAt(resource.properties, path.match(/[^.[]+(\[[^\]]*\])?/g) ?? [], context)) {
        const bucket = bucketOf(node);
        if (!bucket) continue;
        buckets.add(bucket);
        if (kind === 'access') access.add(bucket);
      }
    }
    if (resource.type === 'AWS::S3::Bucket') {
      // The log delivery group may write to it: the legacy way to receive access logs.
      const acl = resource.properties?.byKey.get('AccessControl')?.value;
      if (acl && context.evaluator.candidates(acl).some((c) => asText(c.value) === 'LogDeliveryWrite')) {
        buckets.add(resource);
        access.add(resource);
      }
    }
    if (resource.type === 'AWS::S3::BucketPolicy') {
      const bucket = resource.properties?.byKey.get('Bucket')?.value;
      const target = bucket && bucketOf(bucket);
      const principals = servicesIn(resource.properties?.byKey.get('PolicyDocument')?.value);
      if (!target || ![...principals].some((service) => LOG_DELIVERY_PRINCIPALS.has(service))) continue;
      buckets.add(target);
      if (principals.has('logging.s3.amazonaws.com')) access.add(target);
    }
  }
  return { buckets, accessLogBuckets: [...access] };
}

/** Every node a path leads to, through `!If` branches and list items. */
function nodesAt(node: Node | undefined, path: readonly string[], context: RuleContext): Node[] {
  if (!node) return [];
  if (path.length === 0) return [node];
  const [head, ...rest] = path;
  const list = head.match(/^(\w+)\[(?:(\w+)=([^\]]+))?\]$/);
  const key = list ? list[1] : head;
  const found: Node[] = [];
  for (const branch of context.evaluator.candidates(node)) {
    if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'map') continue;
    const value = branch.value.node.byKey.get(key)?.value;
    if (!value) continue;
    if (!list) {
      found.push(...nodesAt(value, rest, context));
      continue;
    }
    for (const items of context.evaluator.candidates(value)) {
      if (items.value.kind !== 'collection' || items.value.node.kind !== 'seq') continue;
      for (const item of items.value.node.items) {
        if (list[2] && !keyed(item, list[2], list[3], context)) continue;
        found.push(...(rest.length > 0 ? nodesAt(item, rest, context) : [item]));
      }
    }
  }
  return found;
}

function keyed(item: Node, key: string, expected: string, context: RuleContext): boolean {
  return context.evaluator.candidates(item).some((c) => {
    if (c.value.kind !== 'collection' || c.value.node.kind !== 'map') return false;
    const name = c.value.node.byKey.get(key)?.value;
    return name !== undefined && context.evaluator.candidates(name).some((n) => asText(n.value) === expected);
  });
}

/** The resource a `!Sub` names first (`!Sub "${Logs.Arn}/flow/"`), where the text around it hides it from the evaluator. */
function subTarget(node: Node, template: Template): Resource | undefined {
  if (node.kind !== 'intrinsic' || node.name !== 'Fn::Sub') return undefined;
  const text = node.argument.kind === 'seq' ? node.argument.items[0] : node.argument;
  if (text?.kind !== 'scalar' || typeof text.value !== 'string') return undefined;
  for (const match of text.value.matchAll(/\$\{([\w]+)(?:\.[\w.]+)?\}/g)) {
    const resource = template.resourcesById.get(match[1]);
    if (resource) return resource;
  }
  return undefined;
}

/** The `Service` principals a policy document names. */
function servicesIn(document: Node | undefined): Set<string> {
  const services = new Set<string>();
  const walk = (node: Node | undefined, underService: boolean) => {
    if (!node) return;
    if (node.kind === 'scalar' && underService && typeof node.value === 'string') services.add(node.value.toLowerCase());
    else if (node.kind === 'seq') for (const item of node.items) walk(item, underService);
    else if (node.kind === 'map') for (const pair of node.pairs) walk(pair.value, underService || pair.key.value === 'Service');
    // `!Sub logging.s3.${AWS::URLSuffix}` and the like: the text before the pseudo parameter says enough.
    else if (node.kind === 'intrinsic' && underService && node.name === 'Fn::Sub' && node.argument.kind === 'scalar') services.add(String(node.argument.value).replace(/\$\{AWS::URLSuffix\}/g, 'amazonaws.com').toLowerCase());
  };
  walk(document, false);
  return services;
}

/**
 * Whether a VPC's traffic is captured by flow logs of the template: a flow log on the VPC itself, or
 * one on every subnet the template creates in it (subnets added by other stacks are not seen). Flow logs on network interfaces do not count:
 * interfaces created later (by Lambda, load balancers, new instances) would go unrecorded.
 */
export function vpcFlowLogged(vpc: Resource, context: RuleContext): boolean {
  const facts = context.facts;
  if (!facts) return true;
  // A flow log under a condition the VPC does not share may not exist beside it.
  const logged = (resource: Resource) => facts.flowLogsOf(resource).some((log) => log.condition === undefined || log.condition === vpc.condition);
  if (logged(vpc)) return true;
  const subnets = facts.pointingAt(vpc, 'AWS::EC2::Subnet', 'VpcId');
  return subnets.length > 0 && subnets.every(logged);
}

const deliverySources = new WeakMap<Template, ReadonlyMap<Resource, readonly Resource[]>>();

/**
 * The `AWS::Logs::DeliverySource` resources of the template that take logs from a resource (v2 log
 * delivery of CloudFront, and other services that vend logs through CloudWatch Logs deliveries).
 */
export function deliverySourcesOf(resource: Resource, context: RuleContext): readonly Resource[] {
  const template = context.template;
  if (!template) return [];
  let byResource = deliverySources.get(template);
  if (!byResource) {
    const map = new Map<Resource, Resource[]>();
    for (const source of template.resources) {
      if (source.type !== 'AWS::Logs::DeliverySource') continue;
      const arn = source.properties?.byKey.get('ResourceArn')?.value;
      const target = arn && (context.facts?.targetOf(arn) ?? subTarget(arn, template));
      if (target) map.set(target, [...(map.get(target) ?? []), source]);
    }
    byResource = map;
    deliverySources.set(template, byResource);
  }
  return byResource.get(resource) ?? [];
}
