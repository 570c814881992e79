import { DATABASE_SERVICES, describeServices, isEveryPort, publicIngressRule, servicesOpened, TRAFFIC_RULE_TYPES } from '../lib/network';

export default publicIngressRule(
  {
    id: 'ec2-security-group-no-public-database-ingress',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC05-BP02', 'SEC05-BP03'],
    severity: 'error',
    title: 'Security groups must not open database ports to the internet',
    rationale:
      'Databases, caches and search engines hold the data an attacker is after, and many of them (Redis, Memcached, Elasticsearch, MongoDB) answer without a password in their default set-up. Scanners find a port open to the internet within minutes. Data stores belong in a layer of the network that only the application tier can reach.',
    remediation:
      'Remove the rule, or let in only the security group of the application tier (`SourceSecurityGroupId`) or the private ranges that need the database. Where a client outside AWS must connect, narrow the source to its addresses, or go through a VPN, AWS PrivateLink or a bastion.',
    docs: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-security-group-ingress.html',
    ],
    resourceTypes: TRAFFIC_RULE_TYPES('ingress'),
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: ['494b03d3-bf40-4464-8524-7c56ad0700ed'],
      securityHub: ['EC2.19'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  DatabaseSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: PostgreSQL
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 0.0.0.0/0
`,
      secure: `Resources:
  AppSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: App servers
  DatabaseSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: PostgreSQL
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          SourceSecurityGroupId: !GetAtt AppSecurityGroup.GroupId
          Description: PostgreSQL from the app tier
`,
    },
  },
  (range) => {
    // Every port (protocol -1, 0-65535) is reported by ec2-security-group-no-public-admin-ingress.
    if (isEveryPort(range)) return undefined;
    const hits = servicesOpened(range, DATABASE_SERVICES);
    return hits.length > 0 ? describeServices(hits, { name: 'database', parameter: 'Database' }) : undefined;
  },
);
