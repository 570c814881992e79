import type { Rule } from '../../server/src/engine/rule';
import { describePorts, portRange, prefixLength, restrictSourceFix, sources, trafficRules, TRAFFIC_RULE_TYPES } from '../lib/network';
import { explain } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'ec2-security-group-no-broad-ingress-cidr',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP02'],
    severity: 'warning',
    title: 'Security group ingress should not let in very broad address ranges',
    rationale:
      'A range such as `0.0.0.0/1` or `128.0.0.0/2` is a large share of the internet: it passes a check for `0.0.0.0/0` while exposing the port almost as widely, and is often a typo for a narrower range. Traffic should come only from the networks that need it.',
    remediation:
      'Replace the range with the networks that need access, such as your VPC, office or VPN ranges, or reference the security group of the clients with `SourceSecurityGroupId`. Ranges up to the prefix lengths set in the rule\'s options (`/8` for IPv4 and `/32` for IPv6 by default) are not reported; `0.0.0.0/0` and `::/0` are reported by the public-ingress rules.',
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-security-group-ingress.html',
    ],
    resourceTypes: TRAFFIC_RULE_TYPES('ingress'),
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: true,
    options: {
      minimumIpv4Prefix: { type: 'number', default: 8, description: 'IPv4 ranges with a shorter prefix than this (a /7 when it is 8) are reported.' },
      minimumIpv6Prefix: { type: 'number', default: 32, description: 'IPv6 ranges with a shorter prefix than this are reported.' },
    },
    examples: {
      insecure: `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 8080
          ToPort: 8080
          CidrIp: 0.0.0.0/1
`,
      secure: `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 8080
          ToPort: 8080
          CidrIp: 10.0.0.0/8
          Description: App traffic from the corporate network
`,
    },
  },
  resource(resource, context) {
    const minimum = { IPv4: Number(context.options.minimumIpv4Prefix), IPv6: Number(context.options.minimumIpv6Prefix) };
    for (const traffic of trafficRules(resource, 'ingress')) {
      const source = sources(traffic, context).find((candidate) => {
        const prefix = prefixLength(candidate.cidr);
        // /0 is the whole internet, which the public-ingress rules report.
        return prefix !== undefined && prefix > 0 && prefix < minimum[candidate.family];
      });
      if (!source) continue;
      const prefix = prefixLength(source.cidr)!;
      const range = portRange(traffic, context);
      const ports = range ? describePorts(range) : 'its ports';
      context.report({
        at: source.node,
        message: `Ingress rule opens ${ports} to ${source.cidr}${explain(source.candidate)}, a /${prefix} range that spans 1/${2 ** prefix} of all ${source.family} addresses.`,
        fixes: restrictSourceFix(context, source, { name: 'Ingress', reaches: range ? describePorts(range) : 'this security group' }),
      });
    }
  },
};

export default rule;
