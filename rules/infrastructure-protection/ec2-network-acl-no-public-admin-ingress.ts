import type { Resource } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { ADMIN_SERVICES, cidrSources, describeServices, isEveryPort, isWholeInternet, opensPort, restrictSourceFix, servicesOpened, type PortRange, type Service, type Source } from '../lib/network';
import { asBoolean, explain, textOf } from '../lib/values';

const ENTRY = 'AWS::EC2::NetworkAclEntry';

const rule: Rule = {
  meta: {
    id: 'ec2-network-acl-no-public-admin-ingress',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP02', 'SEC05-BP03'],
    severity: 'warning',
    title: 'Network ACLs should not let SSH, RDP or all traffic in from the internet',
    rationale:
      'A network ACL is the subnet\'s layer of traffic control, beneath the security groups. An inbound entry that allows SSH, RDP or all traffic from 0.0.0.0/0 or ::/0 leaves the administration ports of every instance in the subnet guarded by a single layer: one mistaken security group rule and they face the internet.',
    remediation:
      'Narrow the entry\'s `CidrBlock` to the networks that administer the instances, or add a `deny` entry for ports 22 and 3389 from `0.0.0.0/0` with a lower `RuleNumber` than the allow entry. Network ACLs are stateless: a public subnet still needs inbound entries for the ephemeral ports (1024-65535) that carry replies, which this rule accepts even though the RDP port lies among them; the security groups, which are stateful, must then keep RDP closed. Better still, reach instances through Systems Manager Session Manager, which needs no inbound port.',
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-networkaclentry.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21',
    ],
    resourceTypes: [ENTRY],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['EC2.21'], cis: ['5.1'] },
    fixable: true,
    examples: {
      insecure: `Resources:
  PublicAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0123456789abcdef0
  InboundSsh:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref PublicAcl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
      PortRange:
        From: 22
        To: 22
`,
      secure: `Resources:
  PublicAcl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-0123456789abcdef0
  InboundHttps:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref PublicAcl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
      PortRange:
        From: 443
        To: 443
  InboundReplies:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref PublicAcl
      RuleNumber: 110
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
      PortRange:
        From: 1024
        To: 65535
`,
    },
  },
  resource(resource, context) {
    const entry = readEntry(resource, context);
    if (!entry || entry.action !== 'allow' || !entry.range) return;
    const source = cidrSources(resource.properties!, context, 'CidrBlock', 'Ipv6CidrBlock').find((candidate) => isWholeInternet(candidate.cidr));
    if (!source) return;
    // 1024-65535 (or a part reaching 65535) carries replies to the subnet's own connections, which a stateless ACL must let in.
    if (entry.range.from >= 1024 && entry.range.to === 65535) return;
    const everything = isEveryPort(entry.range);
    // Admin ports that a deny entry with a lower rule number already blocks from the internet are not open.
    const denied = earlierDenies(resource, entry, source.family, context);
    const range = entry.range;
    const open = servicesOpened(range, ADMIN_SERVICES).filter((service) => !blocked(service, range, denied));
    if (open.length === 0) return;
    const exposure = describeServices(open, { name: 'administration', parameter: 'Admin' });
    const what = everything ? `${entry.range.protocol === 'all' ? 'all traffic' : `all ${entry.range.protocol} ports`}, ${exposure.text} included,` : exposure.text;
    context.report({
      at: source.node,
      message: `${resource.logicalId} allows ${what} in from the whole internet (${source.cidr})${explain(source.candidate)}.`,
      // Narrowing an entry that lets everything in would also cut off the replies a public subnet needs: no fix.
      fixes: everything ? [] : restrictSourceFix(context, source, exposure.purpose),
    });
  },
};

interface Entry {
  readonly egress: boolean | undefined;
  readonly action: string | undefined;
  readonly number: number | undefined;
  readonly range: PortRange | undefined;
  /** The address families for which the entry covers the whole internet. */
  readonly world: readonly Source['family'][];
}

const PROTOCOLS: Readonly<Record<string, string>> = { '-1': 'all', '6': 'tcp', '17': 'udp' };

/** What an entry says, where its values are known; an unknown direction counts as inbound only when written so. */
function readEntry(resource: Resource, context: RuleContext): Entry | undefined {
  const properties = resource.properties;
  if (!properties) return undefined;
  const egressNode = properties.byKey.get('Egress')?.value;
  const egressValue = egressNode ? context.evaluator.single(egressNode) : undefined;
  const egress = egressNode ? (egressValue ? asBoolean(egressValue) : undefined) : false;
  if (egress !== false) return undefined;
  const action = textOf(properties.byKey.get('RuleAction')?.value, context.evaluator)?.toLowerCase();
  const numberText = textOf(properties.byKey.get('RuleNumber')?.value, context.evaluator);
  const number = numberText !== undefined && /^\s*\d+\s*$/.test(numberText) ? Number(numberText) : undefined;
  const world = cidrSources(properties, context, 'CidrBlock', 'Ipv6CidrBlock')
    .filter((candidate) => isWholeInternet(candidate.cidr))
    .map((candidate) => candidate.family);
  return { egress, action, number, range: entryRange(properties, context), world };
}

function entryRange(properties: NonNullable<Resource['properties']>, context: RuleContext): PortRange | undefined {
  const protocol = PROTOCOLS[textOf(properties.byKey.get('Protocol')?.value, context.evaluator)?.trim() ?? ''];
  if (!protocol) return undefined;
  if (protocol === 'all') return { protocol, from: 0, to: 65535 };
  const portRange = properties.byKey.get('PortRange')?.value;
  if (portRange?.kind !== 'map') return undefined;
  const from = textOf(portRange.byKey.get('From')?.value, context.evaluator);
  const to = textOf(portRange.byKey.get('To')?.value, context.evaluator);
  if (from === undefined || to === undefined || !/^\s*-?\d+\s*$/.test(from) || !/^\s*-?\d+\s*$/.test(to)) return undefined;
  return { protocol, from: Number(from), to: Number(to) };
}

/** Inbound deny entries of the same network ACL, from the whole internet, evaluated before this entry. */
function earlierDenies(resource: Resource, entry: Entry, family: Source['family'], context: RuleContext): PortRange[] {
  const acl = context.facts?.targetOf(resource.properties?.byKey.get('NetworkAclId')?.value);
  if (!acl || entry.number === undefined) return [];
  const denies: PortRange[] = [];
  for (const sibling of context.facts!.pointingAt(acl, ENTRY, 'NetworkAclId')) {
    if (sibling === resource) continue;
    const other = readEntry(sibling, context);
    if (other?.action === 'deny' && other.world.includes(family) && other.range && other.number !== undefined && other.number < entry.number) denies.push(other.range);
  }
  return denies;
}

/** Whether the denies cover the service's port on every protocol by which the allowed range reaches it. */
function blocked(service: Service, allowed: PortRange, denies: readonly PortRange[]): boolean {
  const reaching = service.protocols.filter((protocol) => opensPort(allowed, service.port, [protocol]));
  return reaching.every((protocol) => denies.some((deny) => opensPort(deny, service.port, [protocol])));
}

export default rule;
