import type { Candidate } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import { intrinsic, type FixSpec, type RuleContext } from '../../server/src/engine/rule';
import { conditionalBranches, type MapNode, type Node } from '../../server/src/engine/tree';
import { addParameter, unusedParameterName } from './template';
import { asText } from './values';

export type Direction = 'ingress' | 'egress';

/** One security group rule: an item of a group's inline list, or an ingress/egress resource. */
export interface TrafficRule {
  readonly node: MapNode;
  readonly direction: Direction;
  /** The resource where the rule is written. */
  readonly resource: Resource;
}

const INLINE: Readonly<Record<Direction, string>> = { ingress: 'SecurityGroupIngress', egress: 'SecurityGroupEgress' };
const STANDALONE: Readonly<Record<Direction, string>> = { ingress: 'AWS::EC2::SecurityGroupIngress', egress: 'AWS::EC2::SecurityGroupEgress' };

/** The resource types a family of traffic rules reads, for `meta.resourceTypes`. */
export const TRAFFIC_RULE_TYPES = (direction: Direction): string[] => ['AWS::EC2::SecurityGroup', STANDALONE[direction]];

/** The rules a resource writes, in every `!If` branch (`- !If [IsDev, {…}, !Ref AWS::NoValue]`). */
export function trafficRules(resource: Resource, direction: Direction): TrafficRule[] {
  if (resource.type === STANDALONE[direction]) return resource.properties ? [{ node: resource.properties, direction, resource }] : [];
  if (resource.type !== 'AWS::EC2::SecurityGroup') return [];
  const list = resource.properties?.byKey.get(INLINE[direction])?.value;
  const rules: TrafficRule[] = [];
  for (const branch of list ? conditionalBranches(list) : []) {
    if (branch.kind !== 'seq') continue;
    for (const item of branch.items) {
      for (const node of conditionalBranches(item)) if (node.kind === 'map') rules.push({ node, direction, resource });
    }
  }
  return rules;
}

/** The protocol and ports a rule opens, when known: `all` for every protocol, ports 0–65535 for a whole protocol. */
export interface PortRange {
  readonly protocol: string;
  readonly from: number;
  readonly to: number;
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '-1': 'all', all: 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

export function portRange(rule: TrafficRule, context: RuleContext): PortRange | undefined {
  const raw = single(rule.node.byKey.get('IpProtocol')?.value, context)?.toLowerCase();
  if (raw === undefined) return undefined;
  const protocol = PROTOCOL_NAMES[raw] ?? raw;
  if (protocol === 'all') return { protocol, from: 0, to: 65535 };
  if (protocol !== 'tcp' && protocol !== 'udp') return { protocol, from: -1, to: -1 };
  const from = Number(single(rule.node.byKey.get('FromPort')?.value, context));
  const to = Number(single(rule.node.byKey.get('ToPort')?.value, context) ?? from);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  // -1 with TCP or UDP means every port.
  return from === -1 || to === -1 ? { protocol, from: 0, to: 65535 } : { protocol, from, to };
}

export function opensPort(range: PortRange, port: number, protocols: readonly string[] = ['tcp']): boolean {
  return (range.protocol === 'all' || protocols.includes(range.protocol)) && range.from <= port && port <= range.to;
}

/** "all ports and protocols", "all tcp ports", "tcp port 443", "udp ports 1000-2000", "icmp". */
export function describePorts(range: PortRange): string {
  if (range.protocol === 'all') return 'all ports and protocols';
  if (range.from === -1) return range.protocol;
  if (range.from === 0 && range.to === 65535) return `all ${range.protocol} ports`;
  return range.from === range.to ? `${range.protocol} port ${range.from}` : `${range.protocol} ports ${range.from}-${range.to}`;
}

/** A CIDR a rule allows, as written and as it evaluates. */
export interface Source {
  readonly node: Node;
  readonly candidate: Candidate;
  readonly cidr: string;
  readonly family: 'IPv4' | 'IPv6';
}

/** Every CIDR the rule can allow (each branch and parameter value); deploy-time values are left out. */
export function sources(rule: TrafficRule, context: RuleContext): Source[] {
  const found: Source[] = [];
  for (const name of ['CidrIp', 'CidrIpv6']) {
    const node = rule.node.byKey.get(name)?.value;
    if (!node) continue;
    for (const candidate of context.evaluator.candidates(node)) {
      const cidr = asText(candidate.value);
      if (cidr !== undefined) found.push({ node, candidate, cidr, family: name === 'CidrIp' ? 'IPv4' : 'IPv6' });
    }
  }
  return found;
}

/** The prefix length of a CIDR (`/0` is the whole internet), or undefined when it is not one. */
export function prefixLength(cidr: string): number | undefined {
  const match = /\/(\d{1,3})$/.exec(cidr.trim());
  return match ? Number(match[1]) : undefined;
}

export function isWholeInternet(cidr: string): boolean {
  return prefixLength(cidr) === 0;
}

const CIDR_PATTERNS: Readonly<Record<Source['family'], { pattern: string; example: string }>> = {
  IPv4: { pattern: '^(\\d{1,3}\\.){3}\\d{1,3}/(\\d|[12]\\d|3[0-2])$', example: '203.0.113.0/24' },
  IPv6: { pattern: '^[0-9a-fA-F:]+/(\\d|[1-9]\\d|1[01]\\d|12[0-8])$', example: '2001:db8::/32' },
};

/**
 * Replaces an open CIDR with a new parameter that has no default, so that each deployment names
 * the network it trusts: `CidrIp: !Ref SshAllowedCidr`. Not preferred: every deployment must then
 * give a value, which is the user's decision. `name` starts the parameter's name (`Ssh`), `reaches`
 * says in its description what the range reaches ("SSH").
 */
export function restrictSourceFix(context: RuleContext, source: Source, purpose: { readonly name: string; readonly reaches: string }): FixSpec[] {
  const template = context.template;
  // Only a CIDR written in place can be swapped; one from a parameter is changed at the parameter.
  if (!template || source.candidate.source !== source.node || source.node.kind !== 'scalar') return [];
  const name = unusedParameterName(template, `${purpose.name}AllowedCidr${source.family === 'IPv6' ? 'Ipv6' : ''}`);
  const { pattern, example } = CIDR_PATTERNS[source.family];
  return [
    {
      title: `Replace ${source.cidr} with a new parameter ${name}`,
      preferred: false,
      changes: [
        { kind: 'replace', node: source.node, value: intrinsic.ref(name) },
        addParameter(template, name, {
          Type: 'String',
          Description: `The ${source.family} range allowed to reach ${purpose.reaches}, e.g. ${example}`,
          AllowedPattern: pattern,
          ConstraintDescription: `must be an ${source.family} CIDR block such as ${example}`,
        }),
      ],
    },
  ];
}

function single(node: Node | undefined, context: RuleContext): string | undefined {
  if (!node) return undefined;
  const value = context.evaluator.single(node);
  return value ? asText(value) : undefined;
}
