import type { RuleMeta } from '../../server/src/engine/api';
import type { Candidate } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import { intrinsic, type FixSpec, type Rule, type RuleContext } from '../../server/src/engine/rule';
import { conditionalBranches, type MapNode, type Node } from '../../server/src/engine/tree';
import { addParameter, unusedParameterName } from './template';
import { asText, explain } from './values';

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
  const from = portNumber(single(rule.node.byKey.get('FromPort')?.value, context));
  const toNode = rule.node.byKey.get('ToPort')?.value;
  const to = toNode ? portNumber(single(toNode, context)) : from;
  if (from === undefined || to === undefined) return undefined;
  // -1 with TCP or UDP means every port.
  return from === -1 || to === -1 ? { protocol, from: 0, to: 65535 } : { protocol, from, to };
}

/** A port written as a number or numeric text; anything else (`''`, a name) is not known. */
function portNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\s*-?\d+\s*$/.test(text) ? Number(text) : undefined;
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
  return cidrSources(rule.node, context, 'CidrIp', 'CidrIpv6');
}

/** Every CIDR a map holds under its IPv4 and IPv6 keys (`CidrBlock`/`Ipv6CidrBlock` for a network ACL entry). */
export function cidrSources(map: MapNode, context: RuleContext, ipv4: string, ipv6: string): Source[] {
  const found: Source[] = [];
  for (const name of [ipv4, ipv6]) {
    const node = map.byKey.get(name)?.value;
    if (!node) continue;
    for (const candidate of context.evaluator.candidates(node)) {
      const cidr = asText(candidate.value);
      if (cidr !== undefined) found.push({ node, candidate, cidr, family: name === ipv4 ? 'IPv4' : 'IPv6' });
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

/** A service that listens on a well-known port: named in messages and in the new CIDR parameter's name. */
export interface Service {
  readonly port: number;
  readonly name: string;
  /** Starts the name of a new CIDR parameter: `Ssh` gives `SshAllowedCidr`. */
  readonly parameter: string;
  readonly protocols: readonly string[];
}

/** Remote administration: SSH and RDP. */
export const ADMIN_SERVICES: readonly Service[] = [
  { port: 22, name: 'SSH', parameter: 'Ssh', protocols: ['tcp'] },
  { port: 3389, name: 'RDP', parameter: 'Rdp', protocols: ['tcp', 'udp'] },
];

/** Databases, caches and search engines, which hold data and are seldom meant for the internet. */
export const DATABASE_SERVICES: readonly Service[] = [
  { port: 1433, name: 'SQL Server', parameter: 'SqlServer', protocols: ['tcp'] },
  { port: 1521, name: 'Oracle', parameter: 'Oracle', protocols: ['tcp'] },
  { port: 2483, name: 'Oracle', parameter: 'Oracle', protocols: ['tcp'] },
  { port: 2484, name: 'Oracle (TLS)', parameter: 'Oracle', protocols: ['tcp'] },
  { port: 3306, name: 'MySQL', parameter: 'MySql', protocols: ['tcp'] },
  { port: 5432, name: 'PostgreSQL', parameter: 'Postgres', protocols: ['tcp'] },
  { port: 5439, name: 'Redshift', parameter: 'Redshift', protocols: ['tcp'] },
  { port: 5984, name: 'CouchDB', parameter: 'CouchDb', protocols: ['tcp'] },
  { port: 6379, name: 'Redis', parameter: 'Redis', protocols: ['tcp'] },
  { port: 7000, name: 'Cassandra', parameter: 'Cassandra', protocols: ['tcp'] },
  { port: 8182, name: 'Neptune', parameter: 'Neptune', protocols: ['tcp'] },
  { port: 9042, name: 'Cassandra', parameter: 'Cassandra', protocols: ['tcp'] },
  { port: 9200, name: 'Elasticsearch', parameter: 'Elasticsearch', protocols: ['tcp'] },
  { port: 9300, name: 'Elasticsearch', parameter: 'Elasticsearch', protocols: ['tcp'] },
  { port: 11211, name: 'Memcached', parameter: 'Memcached', protocols: ['tcp', 'udp'] },
  { port: 27017, name: 'MongoDB', parameter: 'MongoDb', protocols: ['tcp'] },
  { port: 27018, name: 'MongoDB', parameter: 'MongoDb', protocols: ['tcp'] },
];

/** Every port of every protocol, or every port of TCP or UDP. */
export function isEveryPort(range: PortRange): boolean {
  return range.protocol === 'all' || ((range.protocol === 'tcp' || range.protocol === 'udp') && range.from === 0 && range.to === 65535);
}

/** The services of `catalog` a range opens. */
export function servicesOpened(range: PortRange, catalog: readonly Service[]): Service[] {
  return catalog.filter((service) => service.protocols.some((protocol) => opensPort(range, service.port, [protocol])));
}

/** What a finding says is open, and what a new CIDR parameter is for. */
export interface Exposure {
  readonly text: string;
  readonly purpose: { readonly name: string; readonly reaches: string };
}

/** "SSH (port 22) and RDP (port 3389)", at most `shown` of them and a count of the rest; one parameter for them all. */
export function describeServices(hits: readonly Service[], group: { readonly name: string; readonly parameter: string }, shown = 3): Exposure {
  const text = hits.slice(0, shown).map((service) => `${service.name} (port ${service.port})`);
  const rest = hits.length - text.length;
  const listed = rest > 0 ? `${text.join(', ')} and ${rest} more ${group.name} port${rest > 1 ? 's' : ''}` : text.length > 1 ? `${text.slice(0, -1).join(', ')} and ${text[text.length - 1]}` : text[0];
  const names = [...new Set(hits.map((service) => service.name))];
  const parameters = new Set(hits.map((service) => service.parameter));
  const purpose = parameters.size === 1 ? { name: hits[0].parameter, reaches: names.join(' and ') } : { name: group.parameter, reaches: rest > 0 ? `${group.name} ports` : names.join(' and ') };
  return { text: listed, purpose };
}

/** An ingress rule open to the whole internet: its ports, when known, and the first CIDR that opens it. */
export interface WorldIngress {
  readonly rule: TrafficRule;
  readonly range: PortRange;
  readonly source: Source;
}

/** The ingress rules a resource writes that let in the whole internet (`0.0.0.0/0`, `::/0`) on known ports. */
export function worldIngress(resource: Resource, context: RuleContext): WorldIngress[] {
  const found: WorldIngress[] = [];
  for (const rule of trafficRules(resource, 'ingress')) {
    const range = portRange(rule, context);
    if (!range) continue;
    const source = sources(rule, context).find((candidate) => isWholeInternet(candidate.cidr));
    if (source) found.push({ rule, range, source });
  }
  return found;
}

/**
 * A rule of the "this port must not be open to the world" family: reports each security group
 * ingress rule open to the whole internet on the ports `exposure` picks (undefined: none of its
 * concern), at the open CIDR, with the fix that replaces it with a new parameter.
 */
export function publicIngressRule(meta: RuleMeta, exposure: (range: PortRange, context: RuleContext) => Exposure | undefined): Rule {
  return {
    meta,
    resource(resource, context) {
      for (const open of worldIngress(resource, context)) {
        const found = exposure(open.range, context);
        if (!found) continue;
        context.report({
          at: open.source.node,
          message: `Ingress rule opens ${found.text} to the whole internet (${open.source.cidr})${explain(open.source.candidate)}.`,
          fixes: restrictSourceFix(context, open.source, found.purpose),
        });
      }
    },
  };
}

/** Ports and ranges written as text (`"443"`, `"8000-8080"`), as rule options give them; malformed items are ignored. */
export function parsePortList(items: readonly string[]): readonly (readonly [number, number])[] {
  const ranges: [number, number][] = [];
  for (const item of items) {
    const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(item);
    if (!match) continue;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from <= to && to <= 65535) ranges.push([from, to]);
  }
  return ranges;
}

/** Whether every port of a TCP or UDP range lies in the listed ranges. */
export function withinPorts(range: PortRange, allowed: readonly (readonly [number, number])[]): boolean {
  if (range.protocol !== 'tcp' && range.protocol !== 'udp') return false;
  // Walk the range from its first port, jumping over each allowed range that covers the next port.
  let next = range.from;
  while (next <= range.to) {
    const cover = allowed.find(([from, to]) => from <= next && next <= to);
    if (!cover) return false;
    next = cover[1] + 1;
  }
  return true;
}

function single(node: Node | undefined, context: RuleContext): string | undefined {
  if (!node) return undefined;
  const value = context.evaluator.single(node);
  return value ? asText(value) : undefined;
}
