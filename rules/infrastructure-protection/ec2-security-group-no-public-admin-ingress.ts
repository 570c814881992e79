import { ADMIN_SERVICES, describePorts, describeServices, isEveryPort, publicIngressRule, servicesOpened, TRAFFIC_RULE_TYPES } from '../lib/network';

export default publicIngressRule(
  {
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
      kics: ['6e856af2-62d7-4ba2-adc1-73b62cef9cc1', 'adcd0082-e90b-4b63-862b-21899f6e6a48', '494b03d3-bf40-4464-8524-7c56ad0700ed'],
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
  (range) => {
    if (isEveryPort(range)) return { text: describePorts(range), purpose: { name: 'Ingress', reaches: 'every port of this security group' } };
    const hits = servicesOpened(range, ADMIN_SERVICES);
    return hits.length > 0 ? describeServices(hits, { name: 'administration', parameter: 'Admin' }) : undefined;
  },
);
