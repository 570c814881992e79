import type { Rule } from '../../server/src/engine/rule';
import { describePorts, isEveryPort, isWholeInternet, portRange, sources, trafficRules, TRAFFIC_RULE_TYPES } from '../lib/network';
import { missingPropertyAnchor } from '../lib/properties';
import { explain } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'ec2-security-group-no-unrestricted-egress',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP02'],
    severity: 'info',
    title: 'Security groups should not allow all outbound traffic to the internet',
    rationale:
      'Outbound rules that allow every protocol and port to anywhere let a compromised workload download tools, reach its command-and-control servers and send data out on any port. Egress limited to the destinations and ports a workload uses (HTTPS to the internet, the database port to the data tier) contains what an attacker can do from inside.',
    remediation:
      'Replace the rule with the egress the workload needs, such as `tcp` 443 to `0.0.0.0/0` and the database port to the data tier\'s security group, and reach AWS services through VPC endpoints. A security group that declares no egress rule gets AWS\'s allow-all rule: turn on the `reportDefaultEgress` option to report those too.',
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-security-group-egress.html',
    ],
    resourceTypes: TRAFFIC_RULE_TYPES('egress'),
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: ['66f2d8f9-a911-4ced-ae27-34f09690bb2c'], securityHub: [], cis: [] },
    fixable: false,
    options: {
      reportDefaultEgress: {
        type: 'boolean',
        default: false,
        description: 'Also report security groups that declare no egress rule, which AWS gives a rule allowing all outbound traffic.',
      },
    },
    examples: {
      insecure: `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
      SecurityGroupEgress:
        - IpProtocol: "-1"
          CidrIp: 0.0.0.0/0
`,
      secure: `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
      SecurityGroupEgress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
          Description: HTTPS to the internet
`,
    },
  },
  resource(resource, context) {
    for (const traffic of trafficRules(resource, 'egress')) {
      const range = portRange(traffic, context);
      if (!range || !isEveryPort(range)) continue;
      const source = sources(traffic, context).find((candidate) => isWholeInternet(candidate.cidr));
      if (!source) continue;
      context.report({ at: source.node, message: `Egress rule allows ${describePorts(range)} to the whole internet (${source.cidr})${explain(source.candidate)}.` });
    }
    if (context.options.reportDefaultEgress !== true || resource.type !== 'AWS::EC2::SecurityGroup') return;
    if (resource.properties?.byKey.has('SecurityGroupEgress') || (context.facts?.rulesOf(resource, 'AWS::EC2::SecurityGroupEgress').length ?? 0) > 0) return;
    context.report({
      at: missingPropertyAnchor(resource),
      message: `${resource.logicalId} declares no egress rule, so AWS gives it one that allows all outbound traffic to anywhere.`,
    });
  },
};

export default rule;
