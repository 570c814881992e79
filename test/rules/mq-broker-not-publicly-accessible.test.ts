import rule from '../../rules/infrastructure-protection/mq-broker-not-publicly-accessible';
import { testRule } from '../helpers/rule-tester';

const broker = (properties: string) => `Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ACTIVEMQ\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'private', code: broker('      PubliclyAccessible: false\n') },
    { name: 'not set (CloudFormation requires it): nothing to say', code: broker('') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Public:\n    Type: String\n${broker('      PubliclyAccessible: !Ref Public\n')}` },
    { name: 'JSON, private', file: 't.json', code: '{"Resources": {"Broker": {"Type": "AWS::AmazonMQ::Broker", "Properties": {"PubliclyAccessible": false}}}}' },
  ],
  invalid: [
    {
      name: 'public',
      code: broker('      PubliclyAccessible: true\n'),
      findings: [{ range: '6:27-6:31', message: 'Broker can be reached from the internet: PubliclyAccessible is true.' }],
      output: broker('      PubliclyAccessible: false\n'),
    },
    {
      name: 'parameter defaulting to true',
      code: `Parameters:\n  Public:\n    Type: String\n    Default: "true"\n${broker('      PubliclyAccessible: !Ref Public\n')}`,
      findings: [{ range: '10:27-10:38', message: 'Broker can be reached from the internet: PubliclyAccessible is true (from the default of parameter Public).' }],
      output: `Parameters:\n  Public:\n    Type: String\n    Default: "false"\n${broker('      PubliclyAccessible: !Ref Public\n')}`,
    },
    {
      name: 'true on one branch of a condition',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${broker('      PubliclyAccessible: !If [IsDev, true, false]\n')}`,
      findings: [{ range: '8:27-8:51' }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${broker('      PubliclyAccessible: !If [IsDev, false, false]\n')}`,
    },
    {
      name: 'JSON, public',
      file: 't.json',
      code: '{"Resources": {"Broker": {"Type": "AWS::AmazonMQ::Broker", "Properties": {"EngineType": "RABBITMQ", "PubliclyAccessible": true}}}}',
      findings: [{ range: '1:123-1:127' }],
      output: '{"Resources": {"Broker": {"Type": "AWS::AmazonMQ::Broker", "Properties": {"EngineType": "RABBITMQ", "PubliclyAccessible": false}}}}',
    },
  ],
});
