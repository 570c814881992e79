import { publicEndpointRule, publiclyAccessibleFlag } from '../lib/public-access';

export default publicEndpointRule(
  {
    id: 'mq-broker-not-publicly-accessible',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC05-BP02'],
    severity: 'error',
    title: 'Amazon MQ brokers must not be publicly accessible',
    rationale:
      'A message broker carries the traffic between the parts of a workload and, for ActiveMQ and RabbitMQ, a web console that can read, send and purge messages. A publicly accessible broker puts its wire-level endpoints and its console on the internet, guarded by user names and passwords alone.',
    remediation:
      'Set `PubliclyAccessible: false` and give the broker private subnets and a security group that admits only its producers and consumers. Operators reach the console through a bastion, AWS Systems Manager port forwarding or a VPN. The property cannot be changed in place: CloudFormation creates a new broker, with new endpoints and without the messages of the old one.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-amazonmq-broker.html#cfn-amazonmq-broker-publiclyaccessible',
      'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html',
    ],
    resourceTypes: ['AWS::AmazonMQ::Broker'],
    equivalents: {
      checkov: ['CKV_AWS_69'],
      cfnNag: [],
      cfnLint: [],
      kics: ['68b6a789-82f8-4cfd-85de-e95332fe6a61'],
      securityHub: [],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: RABBITMQ
      EngineVersion: "3.13"
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      AutoMinorVersionUpgrade: true
      PubliclyAccessible: true
      Users:
        - Username: app
          Password: "{{resolve:secretsmanager:orders-broker:SecretString:password}}"
`,
      secure: `Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: RABBITMQ
      EngineVersion: "3.13"
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      AutoMinorVersionUpgrade: true
      PubliclyAccessible: false
      SubnetIds: [subnet-0123456789abcdef0]
      SecurityGroups: [sg-0123456789abcdef0]
      Logs:
        General: true
      Users:
        - Username: app
          Password: "{{resolve:secretsmanager:orders-broker:SecretString:password}}"
`,
    },
  },
  { 'AWS::AmazonMQ::Broker': publiclyAccessibleFlag({ replaces: true }) },
);
