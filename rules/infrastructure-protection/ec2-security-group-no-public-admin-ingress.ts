import type { Rule } from '../../server/src/engine/rule';
import { describePorts, isWholeInternet, opensPort, portRange, restrictSourceFix, sources, trafficRules, TRAFFIC_RULE_TYPES, type PortRange } from '../lib/network';
import { explain } from '../lib/values';

const ADMIN_PORTS: readonly { port: number; name: string; parameter: string; protocols: readonly string[] }[] = [
  { port: 22, name: 'SSH', parameter: 'Ssh', protocols: ['tcp'] },
  { port: 3389, name: 'RDP', parameter: 'Rdp', protocols: ['tcp', 'udp'] },
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
    resourceTypes: TRAFFIC_RULE_TYPES('ingress'),
    equivalents: {
      checkov: ['CKV_AWS_24', 'CKV_AWS_25'],
      cfnNag: ['W2', 'W42'],
      cfnLint: [],
      kics: ['4a1e6b34-1008-4e61-a5f2-1f7c276f8d14', '494b03d3-bf40-4464-8524-7c56ad0700ed'],
      securityHub: ['EC2.13', 'EC2.14', 'EC2.53', 'EC2.54'],
      cis: ['5.2', '5.3'],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`,
      secure: `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 10.20.0.0/16
          Description: SSH from the office VPN
`,
    },
  },
  resource(resource, context) {
    for (const rule of trafficRules(resource, 'ingress')) {
      const range = portRange(rule, context);
      const exposure = range && describeExposure(range);
      if (!exposure) continue;
      for (const source of sources(rule, context)) {
        if (!isWholeInternet(source.cidr)) continue;
        context.report({
          at: source.node,
          message: `Ingress rule opens ${exposure.text} to the whole internet (${source.cidr})${explain(source.candidate)}.`,
          fixes: restrictSourceFix(context, source, exposure.purpose),
        });
        break;
      }
    }
  },
};

/** "SSH (port 22)", "all ports and protocols"… and what a new CIDR parameter is for; undefined when no admin port is open. */
function describeExposure(range: PortRange): { text: string; purpose: { name: string; reaches: string } } | undefined {
  if (range.from === 0 && range.to === 65535 && (range.protocol === 'all' || range.protocol === 'tcp' || range.protocol === 'udp')) {
    return { text: describePorts(range), purpose: { name: 'Ingress', reaches: 'every port of this security group' } };
  }
  const hits = ADMIN_PORTS.filter((admin) => admin.protocols.some((protocol) => opensPort(range, admin.port, [protocol])));
  if (hits.length === 0) return undefined;
  const purpose = hits.length === 1 ? { name: hits[0].parameter, reaches: hits[0].name } : { name: 'Admin', reaches: hits.map((admin) => admin.name).join(' and ') };
  return { text: hits.map((admin) => `${admin.name} (port ${admin.port})`).join(' and '), purpose };
}

export default rule;
