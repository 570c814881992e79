import { mustBeOneOf, propertyRule } from '../lib/properties';
import { asBoolean } from '../lib/values';

export default propertyRule(
  {
    id: 'msk-cluster-encrypted-in-transit',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'MSK clusters should encrypt traffic from clients and between brokers',
    rationale:
      'Kafka topics carry events, logs and records that producers and consumers send over the network, and brokers replicate every partition to each other. With `PLAINTEXT` or `TLS_PLAINTEXT` clients may send and read them unencrypted, so anything on the path can read or alter them; with in-cluster encryption off, replication between brokers is in the clear. MSK encrypts both by default: these settings turn that off.',
    remediation:
      'Leave `EncryptionInfo.EncryptionInTransit.ClientBroker` unset or set it to `TLS`, and `InCluster` unset or `true`. Clients must then use the TLS bootstrap brokers (port 9094, or 9096/9098 with SASL): move them before changing `TLS_PLAINTEXT` to `TLS`, which MSK applies in place. In-cluster encryption can only be chosen when the cluster is created: turning it on replaces the cluster, so plan a migration (MirrorMaker or MSK Replicator).',
    docs: [
      'https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-msk-cluster-encryptionintransit.html',
    ],
    resourceTypes: ['AWS::MSK::Cluster'],
    equivalents: {
      checkov: ['CKV_AWS_81'],
      cfnNag: [],
      cfnLint: [],
      kics: ['a976d63f-af0e-46e8-b714-8c1a9c4bf768'],
      securityHub: ['MSK.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Events:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m7g.large
        ClientSubnets: !Ref Subnets
      EncryptionInfo:
        EncryptionInTransit:
          ClientBroker: TLS_PLAINTEXT
`,
      secure: `Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
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
        InstanceType: kafka.m7g.large
        ClientSubnets: !Ref Subnets
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
  [
    {
      ...mustBeOneOf('EncryptionInfo.EncryptionInTransit.ClientBroker', 'encryption between clients and brokers', ['TLS'], 'secure', { value: 'TLS' }),
      insecurePhrase: 'accepts unencrypted client connections',
    },
    {
      path: 'EncryptionInfo.EncryptionInTransit.InCluster',
      what: 'encryption between brokers',
      secure: (value) => asBoolean(value) !== false,
      whenMissing: 'secure',
      fix: { value: true, replaces: true, preferred: false },
    },
  ],
);
