import { ADMIN_SERVICES, DATABASE_SERVICES, describePorts, isEveryPort, parsePortList, publicIngressRule, servicesOpened, TRAFFIC_RULE_TYPES, withinPorts } from '../lib/network';

export default publicIngressRule(
  {
    id: 'ec2-security-group-no-public-ingress',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC05-BP02'],
    severity: 'warning',
    title: 'Security groups should open only web ports to the internet',
    rationale:
      'Every port open to 0.0.0.0/0 or ::/0 is found by scanners within minutes, and whatever listens there, an admin console, a metrics endpoint, a development server, faces the whole internet. Web servers and load balancers are expected to accept HTTP and HTTPS from anyone; other services should be reachable only from the networks that use them.',
    remediation:
      'Narrow the source to the networks that need the port (a parameter makes this per environment), or let in a load balancer or client security group with `SourceSecurityGroupId`. Where a service must face the internet, put it behind a load balancer on HTTPS. Ports that are meant to be public can be listed in the rule\'s `authorizedPorts` option (SSH, RDP, database ports and all-port rules are reported by their own rules whatever this option says).',
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-security-group-ingress.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18',
    ],
    resourceTypes: TRAFFIC_RULE_TYPES('ingress'),
    equivalents: {
      checkov: [],
      cfnNag: ['W2'],
      cfnLint: [],
      kics: ['4a1e6b34-1008-4e61-a5f2-1f7c276f8d14'],
      securityHub: ['EC2.18'],
      cis: [],
    },
    fixable: true,
    options: {
      authorizedPorts: {
        type: 'string[]',
        default: ['80', '443'],
        description: 'TCP and UDP ports, or ranges such as "8000-8010", that may be open to the internet without a finding.',
      },
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
          CidrIp: 0.0.0.0/0
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
          CidrIp: 0.0.0.0/0
          Description: HTTPS from anywhere
        - IpProtocol: tcp
          FromPort: 8080
          ToPort: 8080
          CidrIp: 10.0.0.0/16
          Description: Health checks from the VPC
`,
    },
  },
  (range, context) => {
    // All ports, SSH, RDP and database ports have rules of their own (errors); other protocols (ICMP, ESP) are not ports.
    if (isEveryPort(range) || (range.protocol !== 'tcp' && range.protocol !== 'udp')) return undefined;
    if (servicesOpened(range, ADMIN_SERVICES).length > 0 || servicesOpened(range, DATABASE_SERVICES).length > 0) return undefined;
    if (withinPorts(range, parsePortList(context.options.authorizedPorts as readonly string[]))) return undefined;
    const single = range.from === range.to;
    return {
      text: describePorts(range),
      purpose: { name: single ? `Port${range.from}` : 'Ingress', reaches: describePorts(range) },
    };
  },
);
