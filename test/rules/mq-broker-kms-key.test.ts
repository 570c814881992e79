import rule from '../../rules/data-protection/mq-broker-kms-key';
import { testRule } from '../helpers/rule-tester';

const broker = (properties: string, engine = 'ACTIVEMQ') => `Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ${engine}\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'a customer managed key', code: broker('      EncryptionOptions:\n        UseAwsOwnedKey: false\n        KmsKeyId: !Ref BrokerKey\n') },
    { name: 'the AWS managed key of the account', code: broker('      EncryptionOptions:\n        UseAwsOwnedKey: "false"\n') },
    { name: 'RabbitMQ takes only keys AWS owns', code: broker('', 'RABBITMQ') },
    { name: 'JSON, a customer managed key', file: 't.json', code: '{"Resources": {"Broker": {"Type": "AWS::AmazonMQ::Broker", "Properties": {"EngineType": "ActiveMQ", "EncryptionOptions": {"UseAwsOwnedKey": false, "KmsKeyId": "alias/orders"}}}}}' },
  ],
  invalid: [
    { name: 'no encryption options', code: broker(''), findings: [{ range: '4:5-4:15', message: 'Broker encrypts its messages with a key AWS owns: EncryptionOptions.UseAwsOwnedKey is not set and defaults to true (a key AWS owns).' }], output: null },
    { name: 'a key AWS owns', code: broker('      EncryptionOptions:\n        UseAwsOwnedKey: true\n'), findings: [{ range: '7:25-7:29', message: 'Broker encrypts its messages with a key AWS owns: EncryptionOptions.UseAwsOwnedKey is true.' }], output: null },
    {
      name: 'engine from a parameter that allows ActiveMQ',
      code: `Parameters:\n  Engine:\n    Type: String\n    Default: ACTIVEMQ\n    AllowedValues: [ACTIVEMQ, RABBITMQ]\n${broker('', '!Ref Engine')}`,
      findings: [{ range: '9:5-9:15' }],
      output: null,
    },
    { name: 'JSON, no encryption options', file: 't.json', code: '{"Resources": {"Broker": {"Type": "AWS::AmazonMQ::Broker", "Properties": {"EngineType": "ACTIVEMQ"}}}}', findings: [{ range: '1:60-1:72' }], output: null },
  ],
});
