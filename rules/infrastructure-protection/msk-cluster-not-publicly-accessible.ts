import { publicEndpointRule, publicWhenOneOf } from '../lib/public-access';

export default publicEndpointRule(
  {
    id: 'msk-cluster-not-publicly-accessible',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC05-BP02'],
    severity: 'error',
    title: 'MSK clusters must not give their brokers public IP addresses',
    rationale:
      'With public access turned on (`SERVICE_PROVIDED_EIPS`), every Kafka broker of the cluster gets an Elastic IP address and a public bootstrap endpoint. The brokers then face the internet wherever their security group allows, and the event streams of the workload are one authentication setting away from anyone.',
    remediation:
      'Set `BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type` to `DISABLED` (the default) and let clients connect from the VPC, from peered VPCs, through AWS PrivateLink (multi-VPC private connectivity) or over a VPN. Where public access is truly needed, MSK requires IAM, SASL/SCRAM or TLS client authentication, TLS in transit and ACLs; keep the security group to known client ranges.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-msk-cluster-publicaccess.html',
      'https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html',
    ],
    resourceTypes: ['AWS::MSK::Cluster'],
    equivalents: {
      checkov: ['CKV_AWS_291'],
      cfnNag: [],
      cfnLint: [],
      kics: ['0ce1ba20-8ba8-4364-836f-40c24b8cb0ab'],
      securityHub: [],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Events:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2, subnet-0aaaaaaaaaaaaaaa3]
        ConnectivityInfo:
          PublicAccess:
            Type: SERVICE_PROVIDED_EIPS
`,
      secure: `Resources:
  BrokerLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: 365
  Events:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.large
        ClientSubnets: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2, subnet-0aaaaaaaaaaaaaaa3]
        ConnectivityInfo:
          PublicAccess:
            Type: DISABLED
      ClientAuthentication:
        Sasl:
          Iam:
            Enabled: true
      EncryptionInfo:
        EncryptionInTransit:
          ClientBroker: TLS
          InCluster: true
      LoggingInfo:
        BrokerLogs:
          CloudWatchLogs:
            Enabled: true
            LogGroup: !Ref BrokerLogs
`,
    },
  },
  { 'AWS::MSK::Cluster': publicWhenOneOf('BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type', ['SERVICE_PROVIDED_EIPS'], 'DISABLED') },
);
