import type { Rule } from '../../server/src/engine/rule';
import { trafficRules, TRAFFIC_RULE_TYPES } from '../lib/network';
import { missingPropertyAnchor } from '../lib/properties';
import { asText } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'security-group-rule-description',
    area: 'incident-response',
    bestPractice: ['SEC10-BP02', 'SEC05-BP02'],
    severity: 'info',
    title: 'Security group rules should say what they are for',
    rationale:
      'During an incident, responders read security groups to decide which traffic is expected and which rule they can close to contain an attacker. A rule without a description leaves them guessing who needs it, and closing the wrong one takes the workload down; an unexplained rule is also the one nobody dares to remove later.',
    remediation:
      'Give every ingress and egress rule a `Description` that says who or what needs the access and why: "HTTPS from the load balancer", "PostgreSQL from the app tier".',
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-security-group-rule.html',
    ],
    resourceTypes: [...new Set([...TRAFFIC_RULE_TYPES('ingress'), ...TRAFFIC_RULE_TYPES('egress')])],
    equivalents: { checkov: ['CKV_AWS_23'], cfnNag: ['W36'], cfnLint: [], kics: ['5e6c9c68-8a82-408e-8749-ddad78cbb9c5'], securityHub: [], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 10.0.0.0/16
`,
      secure: `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 10.0.0.0/16
          Description: HTTPS from the internal load balancer
`,
    },
  },
  resource(resource, context) {
    for (const direction of ['ingress', 'egress'] as const) {
      for (const traffic of trafficRules(resource, direction)) {
        const description = traffic.node.byKey.get('Description');
        if (description && context.evaluator.candidates(description.value).every((candidate) => asText(candidate.value)?.trim() !== '')) continue;
        const standalone = traffic.node === resource.properties;
        context.report({
          at: description?.value ?? (standalone ? missingPropertyAnchor(resource) : (traffic.node.pairs[0]?.key ?? traffic.node)),
          message: `${standalone ? resource.logicalId : `An ${direction} rule of ${resource.logicalId}`} has no description of what it allows and why.`,
        });
      }
    }
  },
};

export default rule;
