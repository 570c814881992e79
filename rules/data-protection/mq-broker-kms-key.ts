import type { Rule } from '../../server/src/engine/rule';
import { knownText } from '../lib/at-rest';
import { checkProperty } from '../lib/properties';
import { asBoolean } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'mq-broker-kms-key',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'info',
    title: 'ActiveMQ brokers can encrypt their messages with a KMS key in the account',
    rationale:
      'Amazon MQ always encrypts messages at rest, by default with a key AWS owns, whose use the account can neither control nor see. A KMS key in the account (the AWS managed key aws/mq, or better a customer managed key) puts each use in CloudTrail and, for a customer managed key, under a key policy you control.',
    remediation:
      'Set `EncryptionOptions.UseAwsOwnedKey: false`, with `KmsKeyId` for a customer managed key. The setting cannot change on an existing broker: CloudFormation replaces it, with its queued messages. RabbitMQ brokers only support keys AWS owns and are not reported.',
    docs: [
      'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/data-protection.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-amazonmq-broker-encryptionoptions.html',
    ],
    resourceTypes: ['AWS::AmazonMQ::Broker'],
    equivalents: { checkov: [], cfnNag: ['W53'], cfnLint: [], kics: ['316278b3-87ac-444c-8f8f-a733a28da60f'], securityHub: [], cis: [] },
    fixable: false,
    enabledByDefault: false,
    examples: {
      insecure: `Parameters:
  Subnet:
    Type: AWS::EC2::Subnet::Id
Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: "5.18"
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      PubliclyAccessible: false
      AutoMinorVersionUpgrade: true
      SubnetIds: [!Ref Subnet]
      Logs: { Audit: true, General: true }
      Users:
        - Username: app
          Password: "{{resolve:secretsmanager:mq-app:SecretString:password}}"
`,
      secure: `Parameters:
  Subnet:
    Type: AWS::EC2::Subnet::Id
  BrokerKeyArn:
    Type: String
Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: "5.18"
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      PubliclyAccessible: false
      AutoMinorVersionUpgrade: true
      SubnetIds: [!Ref Subnet]
      Logs: { Audit: true, General: true }
      EncryptionOptions:
        UseAwsOwnedKey: false
        KmsKeyId: !Ref BrokerKeyArn
      Users:
        - Username: app
          Password: "{{resolve:secretsmanager:mq-app:SecretString:password}}"
`,
    },
  },
  resource(resource, context) {
    if (knownText(resource, 'EngineType', context)?.toUpperCase() === 'RABBITMQ') return;
    checkProperty(resource, context, {
      path: 'EncryptionOptions.UseAwsOwnedKey',
      what: 'a KMS key in the account',
      secure: (value) => asBoolean(value) !== true,
      whenMissing: 'insecure',
      defaultText: 'true (a key AWS owns)',
      missingPhrase: 'encrypts its messages with a key AWS owns',
      insecurePhrase: 'encrypts its messages with a key AWS owns',
    });
  },
};

export default rule;
