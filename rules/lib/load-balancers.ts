import type { Candidate } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { Change, RuleContext } from '../../server/src/engine/rule';
import { conditionalBranches, type MapNode, type Node, type Pair } from '../../server/src/engine/tree';
import { setResourceProperty } from './properties';
import { asText } from './values';

export const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
export const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const CLASSIC_LOAD_BALANCER = 'AWS::ElasticLoadBalancing::LoadBalancer';

/** The load balancer of this template a listener belongs to (`LoadBalancerArn: !Ref Balancer`), when it is one. */
export function loadBalancerOf(listener: Resource, context: RuleContext): Resource | undefined {
  const target = context.facts?.targetOf(listener.properties?.byKey.get('LoadBalancerArn')?.value);
  return target?.type === LOAD_BALANCER ? target : undefined;
}

/**
 * Whether a load balancer (V2 or classic) is internal on every branch: reachable only from inside its
 * VPC. Absent, `Scheme` is internet-facing; a value only known at deploy time may be too.
 */
export function isInternal(loadBalancer: Resource, context: RuleContext): boolean {
  const scheme = loadBalancer.properties?.byKey.get('Scheme')?.value;
  return scheme !== undefined && context.evaluator.candidates(scheme).every((candidate) => asText(candidate.value)?.toLowerCase() === 'internal');
}

/** Whether a load balancer is internet-facing on every branch: `Scheme` absent or `internet-facing`. */
export function isInternetFacing(loadBalancer: Resource, context: RuleContext): boolean {
  const scheme = loadBalancer.properties?.byKey.get('Scheme')?.value;
  return scheme === undefined || context.evaluator.candidates(scheme).every((candidate) => candidate.value.kind === 'noValue' || asText(candidate.value)?.toLowerCase() === 'internet-facing');
}

/** Whether a V2 load balancer may be an Application Load Balancer: `Type` is absent (the default) or may be `application`. */
export function mayBeApplication(loadBalancer: Resource, context: RuleContext): boolean {
  const type = loadBalancer.properties?.byKey.get('Type')?.value;
  if (!type) return true;
  return context.evaluator.candidates(type).some((candidate) => candidate.value.kind === 'noValue' || asText(candidate.value)?.toLowerCase() === 'application');
}

/** The protocols a listener's `Protocol` may take, upper-cased; values known only at deploy time are left out. */
export function listenerProtocols(listener: Resource, context: RuleContext): Set<string> {
  const node = listener.properties?.byKey.get('Protocol')?.value;
  const protocols = new Set<string>();
  for (const candidate of node ? context.evaluator.candidates(node) : []) {
    const text = asText(candidate.value);
    if (text !== undefined) protocols.add(text.toUpperCase());
  }
  return protocols;
}

/** Whether a list of listener actions (each branch of it) sends the client to HTTPS: a `redirect` whose `Protocol` is HTTPS. */
export function redirectsToHttps(actions: Candidate, context: RuleContext): boolean {
  if (actions.value.kind !== 'collection' || actions.value.node.kind !== 'seq') return actions.value.kind === 'unknown' || actions.value.kind === 'symbolic';
  return actions.value.node.items.some((item) =>
    conditionalBranches(item).some((action) => {
      if (action.kind !== 'map') return false;
      const type = textValues(action.byKey.get('Type')?.value, context);
      const redirect = action.byKey.get('RedirectConfig')?.value;
      const protocol = redirect?.kind === 'map' ? textValues(redirect.byKey.get('Protocol')?.value, context) : [];
      // A value known only at deploy time is given the benefit of the doubt.
      return type.some((t) => t === undefined || t.toLowerCase() === 'redirect') && protocol.some((p) => p === undefined || p.toUpperCase() === 'HTTPS');
    }),
  );
}

function textValues(node: Node | undefined, context: RuleContext): (string | undefined)[] {
  return node ? context.evaluator.candidates(node).map((candidate) => asText(candidate.value)) : [];
}

/** One entry of a V2 load balancer's `LoadBalancerAttributes` list, found by its key. */
export interface LoadBalancerAttribute {
  /** The `Value` pair of the entry, when it has one. */
  readonly value: Pair | undefined;
  readonly entry: MapNode;
}

/**
 * The entries of `LoadBalancerAttributes` with `key` (in every `!If` branch), and the change that adds
 * the attribute when none has it: appended to a written list, or a new list.
 */
export function loadBalancerAttribute(
  loadBalancer: Resource,
  key: string,
  context: RuleContext,
): { readonly entries: readonly LoadBalancerAttribute[]; readonly add: ((value: string) => Change) | undefined } {
  const list = loadBalancer.properties?.byKey.get('LoadBalancerAttributes')?.value;
  if (!list) return { entries: [], add: (value) => setResourceProperty(loadBalancer, 'LoadBalancerAttributes', [{ Key: key, Value: value }]) };
  const entries: LoadBalancerAttribute[] = [];
  for (const branch of conditionalBranches(list)) {
    if (branch.kind !== 'seq') continue;
    for (const item of branch.items) {
      for (const entry of conditionalBranches(item)) {
        if (entry.kind === 'map' && textValues(entry.byKey.get('Key')?.value, context).includes(key)) entries.push({ value: entry.byKey.get('Value'), entry });
      }
    }
  }
  // Only a list written out can take a new entry; one chosen by `!If` is the user's to edit.
  const add = list.kind === 'seq' ? (value: string): Change => ({ kind: 'splice', seq: list, index: list.items.length, deleteCount: 0, values: [{ Key: key, Value: value }] }) : undefined;
  return { entries, add };
}
