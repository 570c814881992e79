import rule from '../../rules/data-protection/neptune-cluster-storage-encrypted';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string) => `Resources:\n  Cluster:\n    Type: AWS::Neptune::DBCluster\n    Properties:\n      DeletionProtection: true\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', code: cluster('      StorageEncrypted: true\n') },
    { name: 'encrypted with a customer managed key', code: cluster('      StorageEncrypted: "true"\n      KmsKeyId: !Ref DatabaseKey\n') },
    { name: 'restored from a snapshot', code: cluster('      SnapshotIdentifier: arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:nightly\n') },
    { name: 'restored from another cluster', code: cluster('      SourceDBClusterIdentifier: main\n      RestoreType: copy-on-write\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Encrypt:\n    Type: String\n${cluster('      StorageEncrypted: !Ref Encrypt\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Cluster": {"Type": "AWS::Neptune::DBCluster", "Properties": {"StorageEncrypted": true}}}}' },
  ],
  invalid: [
    {
      name: 'not set',
      code: cluster(''),
      findings: [{ range: '4:5-4:15', message: 'Cluster does not turn on storage encryption: StorageEncrypted is not set and defaults to false.' }],
      output: cluster('      StorageEncrypted: true\n'),
    },
    {
      name: 'turned off',
      code: cluster('      StorageEncrypted: false\n'),
      findings: [{ range: '6:25-6:30', message: 'Cluster turns off storage encryption: StorageEncrypted is false.' }],
      output: cluster('      StorageEncrypted: true\n'),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${cluster('      StorageEncrypted: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '8:25-8:50', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${cluster('      StorageEncrypted: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n${cluster('      StorageEncrypted: !Ref Encrypt\n')}`,
      findings: [{ range: '10:25-10:37', message: /from the default of parameter Encrypt/ }],
      output: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n${cluster('      StorageEncrypted: !Ref Encrypt\n')}`,
    },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::Neptune::DBCluster", "Properties": {"StorageEncrypted": false}}}}',
      findings: [{ range: '1:98-1:103' }],
      output: '{"Resources": {"Cluster": {"Type": "AWS::Neptune::DBCluster", "Properties": {"StorageEncrypted": true}}}}',
    },
  ],
});
