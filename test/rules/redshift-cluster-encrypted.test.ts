import rule from '../../rules/data-protection/redshift-cluster-encrypted';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string) => `Resources:\n  Warehouse:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: ra3.xlplus\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', code: cluster('      Encrypted: true\n') },
    { name: 'not set: encrypted by default', code: cluster('') },
    { name: 'a customer managed key, as a string', code: cluster('      Encrypted: "true"\n      KmsKeyId: !Ref WarehouseKey\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Encrypt:\n    Type: String\n${cluster('      Encrypted: !Ref Encrypt\n')}` },
    { name: 'removed on one branch: the default applies', code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${cluster('      Encrypted: !If [IsProd, true, !Ref AWS::NoValue]\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Warehouse": {"Type": "AWS::Redshift::Cluster", "Properties": {"Encrypted": true}}}}' },
  ],
  invalid: [
    {
      name: 'turned off',
      code: cluster('      Encrypted: false\n'),
      findings: [{ range: '6:18-6:23', message: 'Warehouse turns off encryption at rest: Encrypted is false.' }],
      output: cluster('      Encrypted: true\n'),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${cluster('      Encrypted: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '8:18-8:43', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${cluster('      Encrypted: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n${cluster('      Encrypted: !Ref Encrypt\n')}`,
      findings: [{ range: '10:18-10:30', message: /from the default of parameter Encrypt/ }],
      output: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n${cluster('      Encrypted: !Ref Encrypt\n')}`,
    },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"Warehouse": {"Type": "AWS::Redshift::Cluster", "Properties": {"Encrypted": false}}}}',
      findings: [{ range: '1:92-1:97' }],
      output: '{"Resources": {"Warehouse": {"Type": "AWS::Redshift::Cluster", "Properties": {"Encrypted": true}}}}',
    },
  ],
});
