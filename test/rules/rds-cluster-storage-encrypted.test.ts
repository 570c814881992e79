import rule from '../../rules/data-protection/rds-cluster-storage-encrypted';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string) => `Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', code: cluster('      StorageEncrypted: true\n') },
    { name: 'encrypted with a customer managed key, as a string', code: cluster('      StorageEncrypted: "true"\n      KmsKeyId: !Ref DatabaseKey\n') },
    { name: 'restored from a snapshot', code: cluster('      SnapshotIdentifier: arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:nightly\n') },
    { name: 'cloned from another cluster', code: cluster('      SourceDBClusterIdentifier: main\n      RestoreType: copy-on-write\n') },
    { name: 'a read replica of another cluster', code: cluster('      ReplicationSourceIdentifier: arn:aws:rds:eu-west-1:123456789012:cluster:main\n') },
    { name: 'a secondary member of a global database', code: cluster('      GlobalClusterIdentifier: !Ref Global\n') },
    {
      name: 'restored on one branch, encrypted on the other',
      code: `Conditions:\n  Restore: !Equals [!Ref AWS::StackName, restore]\n${cluster('      SnapshotIdentifier: !If [Restore, nightly, !Ref AWS::NoValue]\n      StorageEncrypted: !If [Restore, !Ref AWS::NoValue, true]\n')}`,
    },
    { name: 'Aurora Serverless v1, always encrypted', code: cluster('      EngineMode: serverless\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Encrypt:\n    Type: String\n${cluster('      StorageEncrypted: !Ref Encrypt\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Cluster": {"Type": "AWS::RDS::DBCluster", "Properties": {"Engine": "aurora-postgresql", "StorageEncrypted": true}}}}' },
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
      name: 'provisioned Aurora Serverless v2 is not exempt',
      code: cluster('      EngineMode: provisioned\n      StorageEncrypted: false\n'),
      findings: [{ range: '7:25-7:30' }],
      output: cluster('      EngineMode: provisioned\n      StorageEncrypted: true\n'),
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
      name: 'restored on one branch, turned off on the other',
      code: `Conditions:\n  Restore: !Equals [!Ref AWS::StackName, restore]\n${cluster('      SnapshotIdentifier: !If [Restore, nightly, !Ref AWS::NoValue]\n      StorageEncrypted: !If [Restore, !Ref AWS::NoValue, false]\n')}`,
      findings: [{ range: '9:25-9:64', message: /StorageEncrypted is false \(when condition Restore is false\)/ }],
      output: `Conditions:\n  Restore: !Equals [!Ref AWS::StackName, restore]\n${cluster('      SnapshotIdentifier: !If [Restore, nightly, !Ref AWS::NoValue]\n      StorageEncrypted: !If [Restore, !Ref AWS::NoValue, true]\n')}`,
    },
    {
      name: 'restored on one branch, not set',
      code: `Conditions:\n  Restore: !Equals [!Ref AWS::StackName, restore]\n${cluster('      SnapshotIdentifier: !If [Restore, nightly, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '6:5-6:15', message: /StorageEncrypted is not set/ }],
      output: `Conditions:\n  Restore: !Equals [!Ref AWS::StackName, restore]\n${cluster('      SnapshotIdentifier: !If [Restore, nightly, !Ref AWS::NoValue]\n      StorageEncrypted: true\n')}`,
    },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::RDS::DBCluster", "Properties": {"StorageEncrypted": false}}}}',
      findings: [{ range: '1:94-1:99' }],
      output: '{"Resources": {"Cluster": {"Type": "AWS::RDS::DBCluster", "Properties": {"StorageEncrypted": true}}}}',
    },
  ],
});
