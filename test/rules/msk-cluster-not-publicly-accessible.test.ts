import rule from '../../rules/infrastructure-protection/msk-cluster-not-publicly-accessible';
import { testRule } from '../helpers/rule-tester';

const cluster = (type: string) =>
  `Resources:\n  Events:\n    Type: AWS::MSK::Cluster\n    Properties:\n      BrokerNodeGroupInfo:\n        InstanceType: kafka.m5.large\n        ConnectivityInfo:\n          PublicAccess:\n            Type: ${type}\n`;

testRule(rule, {
  valid: [
    { name: 'public access turned off', code: cluster('DISABLED') },
    { name: 'no PublicAccess: off by default', code: 'Resources:\n  Events:\n    Type: AWS::MSK::Cluster\n    Properties:\n      BrokerNodeGroupInfo:\n        InstanceType: kafka.m5.large\n' },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Access:\n    Type: String\n${cluster('!Ref Access')}` },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"Events": {"Type": "AWS::MSK::Cluster", "Properties": {"BrokerNodeGroupInfo": {"ConnectivityInfo": {"PublicAccess": {"Type": "DISABLED"}}}}}}}',
    },
  ],
  invalid: [
    {
      name: 'brokers with public IP addresses',
      code: cluster('SERVICE_PROVIDED_EIPS'),
      findings: [{ range: '9:19-9:40', message: 'Events can be reached from the internet: BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type is "SERVICE_PROVIDED_EIPS".' }],
      output: cluster('DISABLED'),
    },
    {
      name: 'parameter defaulting to public access',
      code: `Parameters:\n  Access:\n    Type: String\n    Default: SERVICE_PROVIDED_EIPS\n    AllowedValues: [DISABLED, SERVICE_PROVIDED_EIPS]\n${cluster('!Ref Access')}`,
      findings: [{ range: '14:19-14:30', message: /from the default of parameter Access/ }],
      output: `Parameters:\n  Access:\n    Type: String\n    Default: DISABLED\n    AllowedValues: [DISABLED]\n${cluster('!Ref Access')}`,
    },
    {
      name: 'public on one branch of a condition',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${cluster('!If [IsDev, SERVICE_PROVIDED_EIPS, DISABLED]')}`,
      findings: [{ range: '11:19-11:63', message: /when condition IsDev is true/ }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${cluster('!If [IsDev, DISABLED, DISABLED]')}`,
    },
    {
      name: 'JSON, public access',
      file: 't.json',
      code: '{"Resources": {"Events": {"Type": "AWS::MSK::Cluster", "Properties": {"BrokerNodeGroupInfo": {"ConnectivityInfo": {"PublicAccess": {"Type": "SERVICE_PROVIDED_EIPS"}}}}}}}',
      findings: [{ range: '1:141-1:164' }],
      output: '{"Resources": {"Events": {"Type": "AWS::MSK::Cluster", "Properties": {"BrokerNodeGroupInfo": {"ConnectivityInfo": {"PublicAccess": {"Type": "DISABLED"}}}}}}}',
    },
  ],
});
