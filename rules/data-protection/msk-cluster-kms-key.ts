import { customerManagedKey } from '../lib/at-rest';
import { propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'msk-cluster-kms-key',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'info',
    title: 'MSK clusters can encrypt their broker storage with a customer managed KMS key',
    rationale:
      'Amazon MSK always encrypts the data on its brokers\' volumes, by default with the AWS managed key aws/kafka. A customer managed key puts access to that storage under a key policy you control, lets you revoke it by disabling the key, and records each use in CloudTrail.',
    remediation:
      'Set `EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId` to a customer managed key. The key cannot be changed on an existing cluster: CloudFormation replaces it, so plan a migration (MirrorMaker or MSK Replicator) for a cluster in use.',
    docs: [
      'https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-msk-cluster-encryptionatrest.html',
    ],
    resourceTypes: ['AWS::MSK::Cluster'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: false,
    enabledByDefault: false,
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
`,
      secure: `Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
  KafkaKeyArn:
    Type: String
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
        EncryptionAtRest:
          DataVolumeKMSKeyId: !Ref KafkaKeyArn
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
  [customerManagedKey('EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId', 'the AWS managed key aws/kafka')],
);
