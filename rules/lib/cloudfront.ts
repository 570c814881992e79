import type { Candidate } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { RuleContext } from '../../server/src/engine/rule';
import type { MapNode, Node, ScalarNode } from '../../server/src/engine/tree';
import { asBoolean, asText } from './values';

export const DISTRIBUTION = 'AWS::CloudFront::Distribution';

type Conditions = Candidate['conditions'];

/** Where each cache behavior of a distribution sets a property, for `checkProperty`: the default one and every path pattern's. */
export function behaviorPaths(property: string): string[] {
  return [`DistributionConfig.DefaultCacheBehavior.${property}`, `DistributionConfig.CacheBehaviors[*].${property}`];
}

/** A map a distribution writes, on one `!If` branch: a cache behavior, an origin's `CustomOriginConfig`. */
export interface DistributionPart {
  readonly node: MapNode;
  /** The path as the user reads it: `DistributionConfig.CacheBehaviors[1]`. */
  readonly label: string;
  readonly conditions: Conditions;
}

/** The maps a node may be, with the conditions of each (`!If` branches); lists and scalars are left out. */
export function mapsOf(node: Node | undefined, context: RuleContext, conditions: Conditions = []): { node: MapNode; conditions: Conditions }[] {
  if (!node) return [];
  return context.evaluator
    .candidates(node)
    .flatMap((candidate) => (candidate.value.kind === 'collection' && candidate.value.node.kind === 'map' ? [{ node: candidate.value.node, conditions: [...conditions, ...candidate.conditions] }] : []));
}

/** The items of a list a node may be, each a map, with their index and conditions. */
function itemsOf(node: Node | undefined, context: RuleContext, conditions: Conditions): { node: MapNode; index: number; conditions: Conditions }[] {
  if (!node) return [];
  const items: { node: MapNode; index: number; conditions: Conditions }[] = [];
  for (const list of context.evaluator.candidates(node)) {
    if (list.value.kind !== 'collection' || list.value.node.kind !== 'seq') continue;
    list.value.node.items.forEach((item, index) => {
      for (const map of mapsOf(item, context, [...conditions, ...list.conditions])) items.push({ ...map, index });
    });
  }
  return items;
}

/** The `DistributionConfig` maps of a distribution. */
export function distributionConfigs(distribution: Resource, context: RuleContext): { node: MapNode; conditions: Conditions }[] {
  return mapsOf(distribution.properties?.byKey.get('DistributionConfig')?.value, context);
}

/** Whether a distribution is turned off on every branch (`Enabled: false`): it serves no viewer. */
export function isDisabled(distribution: Resource, context: RuleContext): boolean {
  const configs = distributionConfigs(distribution, context);
  return (
    configs.length > 0 &&
    configs.every(({ node }) => {
      const enabled = node.byKey.get('Enabled')?.value;
      return enabled !== undefined && context.evaluator.candidates(enabled).every((candidate) => asBoolean(candidate.value) === false);
    })
  );
}

/** The default cache behavior and each path pattern's, on every branch. */
export function cacheBehaviors(distribution: Resource, context: RuleContext): DistributionPart[] {
  const parts: DistributionPart[] = [];
  for (const config of distributionConfigs(distribution, context)) {
    for (const behavior of mapsOf(config.node.byKey.get('DefaultCacheBehavior')?.value, context, config.conditions)) parts.push({ ...behavior, label: 'DistributionConfig.DefaultCacheBehavior' });
    for (const behavior of itemsOf(config.node.byKey.get('CacheBehaviors')?.value, context, config.conditions)) {
      parts.push({ node: behavior.node, conditions: behavior.conditions, label: `DistributionConfig.CacheBehaviors[${behavior.index}]` });
    }
  }
  return parts;
}

/** An origin other than an S3 bucket (a load balancer, an API, a website endpoint): its `CustomOriginConfig`. */
export interface CustomOrigin extends DistributionPart {
  /** The origin's `Id`, which cache behaviors name in `TargetOriginId`; undefined when not known. */
  readonly id: string | undefined;
  /** The origin's `DomainName`, when known. */
  readonly domainName: string | undefined;
  /** The `CustomOriginConfig` key, where a missing setting is reported. */
  readonly key: ScalarNode;
}

export function customOrigins(distribution: Resource, context: RuleContext): CustomOrigin[] {
  const found: CustomOrigin[] = [];
  for (const config of distributionConfigs(distribution, context)) {
    for (const origin of itemsOf(config.node.byKey.get('Origins')?.value, context, config.conditions)) {
      const id = single(origin.node.byKey.get('Id')?.value, context);
      const domainName = single(origin.node.byKey.get('DomainName')?.value, context);
      const pair = origin.node.byKey.get('CustomOriginConfig');
      for (const custom of mapsOf(pair?.value, context, origin.conditions)) {
        found.push({ ...custom, id, domainName, key: pair!.key, label: `DistributionConfig.Origins[${origin.index}].CustomOriginConfig` });
      }
    }
  }
  return found;
}

/**
 * The origins that viewers may reach over plain HTTP: those a cache behavior that allows HTTP
 * (`ViewerProtocolPolicy: allow-all`) sends requests to. `'any'` when such a behavior names its origin
 * with a value known only at deploy time.
 */
export function originsReachedOverHttp(distribution: Resource, context: RuleContext): Set<string> | 'any' {
  const origins = new Set<string>();
  for (const behavior of cacheBehaviors(distribution, context)) {
    const policy = behavior.node.byKey.get('ViewerProtocolPolicy')?.value;
    if (!policy || !context.evaluator.candidates(policy).some((candidate) => asText(candidate.value)?.toLowerCase() === 'allow-all')) continue;
    const target = single(behavior.node.byKey.get('TargetOriginId')?.value, context);
    if (target === undefined) return 'any';
    origins.add(target);
  }
  return origins;
}

/** A node's one value as text; a deploy-time value as its symbolic text (`${OriginAlb}`), so that an origin's Id and a behavior's TargetOriginId written alike compare equal. */
function single(node: Node | undefined, context: RuleContext): string | undefined {
  const value = node && context.evaluator.single(node);
  return value?.kind === 'symbolic' ? value.text : value ? asText(value) : undefined;
}

/**
 * A distribution that every CloudFront rule accepts (HTTPS to viewers and origins, TLS 1.2 both ways,
 * a web ACL, logging): the secure example of the rules about its viewer and origin protocols.
 */
export const SECURE_DISTRIBUTION = `Parameters:
  Certificate:
    Type: String
  WebAcl:
    Type: String
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: [www.example.com]
        WebACLId: !Ref WebAcl
        Logging:
          Bucket: logs.s3.amazonaws.com
        ViewerCertificate:
          AcmCertificateArn: !Ref Certificate
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
        Origins:
          - Id: app
            DomainName: app.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
`;
