import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/data-protection/rds-instance-storage-encrypted';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const db = (properties: string) => `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', code: db('      StorageEncrypted: true\n') },
    { name: 'Aurora member takes encryption from its cluster', code: db('      DBClusterIdentifier: !Ref Cluster\n') },
    { name: 'read replica inherits from its source', code: db('      SourceDBInstanceIdentifier: primary\n') },
    { name: 'restored from a snapshot', code: db('      DBSnapshotIdentifier: snap\n') },
    {
      name: 'restored from a snapshot on one branch, encrypted on the other',
      code: `Conditions:\n  Restore: !Equals [!Ref AWS::StackName, restore]\n${db('      DBSnapshotIdentifier: !If [Restore, snap, !Ref AWS::NoValue]\n      StorageEncrypted: !If [Restore, !Ref AWS::NoValue, true]\n')}`,
    },
    { name: 'JSON, encrypted as a string', file: 't.json', code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"StorageEncrypted": "true"}}}}' },
  ],
  invalid: [
    {
      name: 'StorageEncrypted missing',
      code: db(''),
      findings: [{ range: '4:5-4:15', message: 'Db does not turn on storage encryption: StorageEncrypted is not set and defaults to false.' }],
      output: db('      StorageEncrypted: true\n'),
    },
    {
      name: 'StorageEncrypted false',
      code: db('      StorageEncrypted: false # for now\n'),
      findings: [{ range: '6:25-6:30', message: 'Db turns off storage encryption: StorageEncrypted is false.' }],
      output: db('      StorageEncrypted: true # for now\n'),
    },
    {
      name: 'removed with AWS::NoValue on a branch',
      code: `Conditions:\n  Dev: !Equals [!Ref AWS::StackName, dev]\n${db('      StorageEncrypted: !If [Dev, !Ref AWS::NoValue, true]\n')}`,
      findings: [{ range: '8:25-8:59', message: 'Db turns off storage encryption: StorageEncrypted is not set (when condition Dev is true).' }],
      output: `Conditions:\n  Dev: !Equals [!Ref AWS::StackName, dev]\n${db('      StorageEncrypted: !If [Dev, true, true]\n')}`,
    },
    {
      name: 'restored from a snapshot on one branch, turned off on the other',
      code: `Conditions:\n  Restore: !Equals [!Ref AWS::StackName, restore]\n${db('      DBSnapshotIdentifier: !If [Restore, snap, !Ref AWS::NoValue]\n      StorageEncrypted: !If [Restore, !Ref AWS::NoValue, false]\n')}`,
      findings: [{ range: '9:25-9:64', message: /StorageEncrypted is false \(when condition Restore is false\)/ }],
      output: `Conditions:\n  Restore: !Equals [!Ref AWS::StackName, restore]\n${db('      DBSnapshotIdentifier: !If [Restore, snap, !Ref AWS::NoValue]\n      StorageEncrypted: !If [Restore, !Ref AWS::NoValue, true]\n')}`,
    },
    {
      name: 'mapping value',
      code: `Mappings:\n  Env:\n    dev: { Encrypt: false }\n${db('      StorageEncrypted: !FindInMap [Env, dev, Encrypt]\n')}`,
      findings: [{ range: '9:25-9:55' }],
      // The mapping may serve other resources: writing the value in place comes first.
      output: `Mappings:\n  Env:\n    dev: { Encrypt: false }\n${db('      StorageEncrypted: true\n')}`,
    },
  ],
});

it('rds-instance-storage-encrypted: its fix says it replaces the instance, so neither fix-all nor --fix applies it by default', () => {
  const findings = [...analyze(db('')).findings, ...analyze(db('      StorageEncrypted: false\n')).findings].filter((finding) => finding.ruleId === rule.meta.id);
  assert.equal(findings.length, 2);
  for (const finding of findings) {
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred, fix.replaces]), [['Set StorageEncrypted to true (replaces the resource)', false, true]]);
  }
});
