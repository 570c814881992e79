import { conditionalBranches, type Node } from '../../server/src/engine/tree';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { asText, explain } from '../lib/values';

const OPEN_TO_WORLD = new Set(['0.0.0.0/0', '::/0']);
const ADMIN_PORTS: readonly { port: number; name: string; protocols: readonly string[] }[] = [
  { port: 22, name: 'SSH', protocols: ['tcp', '6'] },
  { port: 3389, name: 'RDP', protocols: ['tcp', '6', 'udp', '17'] },
];

const rule: Rule = {
  meta: {
    id: 'ec2-security-group-no-public-admin-ingress',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP02', 'SEC05-BP03'],
    severity: 'error',
    title: 'Security groups must not open SSH, RDP or all ports to the internet',
    rationale:
      'Every address on the internet is scanned for SSH and RDP within minutes, and a weak password, a leaked key or an unpatched service is then enough to get in. Controlling traffic at every layer means that administrative access reaches instances only from known networks, or, better, through no open port at all.',
    remediation:
      'Replace `0.0.0.0/0` and `::/0` with the CIDR ranges that need access (a parameter makes this per environment), or reference a bastion or VPN security group with `SourceSecurityGroupId`. Better still, close the port and use AWS Systems Manager Session Manager, which needs no inbound rule.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-security-group-ingress.html',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html',
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
    ],
    resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
    equivalents: {
      checkov: ['CKV_AWS_24', 'CKV_AWS_25'],
      cfnNag: ['W2', 'W42'],
      cfnLint: [],
      kics: ['4a1e6b34-1008-4e61-a5f2-1f7c276f8d14', '494b03d3-bf40-4464-8524-7c56ad0700ed'],
      securityHub: ['EC2.13', 'EC2.14', 'EC2.53', 'EC2.54'],
      cis: ['5.2', '5.3'],
    },
    fixable: false,
  },
  resource(resource, context) {
    if (resource.type === 'AWS::EC2::SecurityGroupIngress') {
      if (resource.properties) checkIngress(resource.properties, context);
      return;
    }
    const ingress = resource.properties?.byKey.get('SecurityGroupIngress')?.value;
    // Rules are often added per environment: `- !If [IsDev, { …ingress… }, !Ref AWS::NoValue]`.
    for (const list of ingress ? conditionalBranches(ingress) : []) {
      if (list.kind !== 'seq') continue;
      for (const item of list.items) for (const rule of conditionalBranches(item)) checkIngress(rule, context);
    }
  },
};

function checkIngress(rule: Node, context: RuleContext): void {
  if (rule.kind !== 'map') return;
  const exposure = describeExposure(rule, context);
  if (!exposure) return;
  for (const key of ['CidrIp', 'CidrIpv6']) {
    const cidr = rule.byKey.get(key)?.value;
    if (!cidr) continue;
    for (const candidate of context.evaluator.candidates(cidr)) {
      const value = asText(candidate.value);
      if (value === undefined || !OPEN_TO_WORLD.has(value)) continue;
      context.report({ at: cidr, message: `Ingress rule opens ${exposure} to the whole internet (${value})${explain(candidate)}.` });
      break;
    }
  }
}

/** "SSH (port 22)", "all ports" — or undefined when the rule opens no admin port, or when that is unknown. */
function describeExposure(rule: Node & { kind: 'map' }, context: RuleContext): string | undefined {
  const protocol = single(rule.byKey.get('IpProtocol')?.value, context)?.toLowerCase();
  if (protocol === undefined) return undefined;
  if (protocol === '-1' || protocol === 'all') return 'all ports and protocols';
  const from = Number(single(rule.byKey.get('FromPort')?.value, context));
  const to = Number(single(rule.byKey.get('ToPort')?.value, context) ?? from);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined;
  if ((from === -1 || to === -1) && ['tcp', '6', 'udp', '17'].includes(protocol)) return `all ${protocol} ports`;
  if (from === 0 && to === 65535) return `all ${protocol} ports`;
  const hits = ADMIN_PORTS.filter((admin) => admin.protocols.includes(protocol) && from <= admin.port && admin.port <= to);
  return hits.length > 0 ? hits.map((admin) => `${admin.name} (port ${admin.port})`).join(' and ') : undefined;
}

function single(node: Node | undefined, context: RuleContext): string | undefined {
  if (!node) return undefined;
  const value = context.evaluator.single(node);
  return value ? asText(value) : undefined;
}

export default rule;
