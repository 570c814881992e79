import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/data-protection/database-backup-retention-period';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const db = (type: string, properties: string) => `Resources:\n  Db:\n    Type: ${type}\n    Properties:\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'seven days', code: db('AWS::RDS::DBInstance', '      Engine: postgres\n      BackupRetentionPeriod: 7\n') },
    { name: 'thirty-five days as a string', code: db('AWS::DocDB::DBCluster', '      BackupRetentionPeriod: "35"\n') },
    { name: 'an Aurora instance backs up with its cluster', code: db('AWS::RDS::DBInstance', '      Engine: aurora-mysql\n      DBClusterIdentifier: !Ref Cluster\n') },
    { name: 'a read replica', code: db('AWS::RDS::DBInstance', '      SourceDBInstanceIdentifier: !Ref Primary\n') },
    { name: 'from an import', code: db('AWS::Neptune::DBCluster', '      BackupRetentionPeriod: !ImportValue retention\n') },
  ],
  invalid: [
    {
      name: 'not set: one day by default',
      code: db('AWS::RDS::DBCluster', '      Engine: aurora-postgresql\n'),
      findings: [{ range: '4:5-4:15', message: 'Db keeps automated backups for less than 7 days: BackupRetentionPeriod is not set and defaults to 1 day.' }],
      output: db('AWS::RDS::DBCluster', '      Engine: aurora-postgresql\n      BackupRetentionPeriod: 7\n'),
    },
    {
      name: 'backups off: the fix is offered, not applied by fix-all',
      code: db('AWS::RDS::DBInstance', '      Engine: mysql\n      BackupRetentionPeriod: 0\n'),
      findings: [{ range: '6:30-6:31', message: 'Db keeps automated backups for less than 7 days: BackupRetentionPeriod is 0.' }],
      output: db('AWS::RDS::DBInstance', '      Engine: mysql\n      BackupRetentionPeriod: 7\n'),
    },
    {
      name: 'three days from a parameter, Neptune in JSON',
      file: 't.json',
      code: '{"Parameters": {"Days": {"Type": "Number", "Default": 3}}, "Resources": {"Db": {"Type": "AWS::Neptune::DBCluster", "Properties": {"BackupRetentionPeriod": {"Ref": "Days"}}}}}',
      findings: [{ range: '1:156-1:171', message: 'Db keeps automated backups for less than 7 days: BackupRetentionPeriod is 3 (from the default of parameter Days).' }],
      output: '{"Parameters": {"Days": {"Type": "Number", "Default": 7}}, "Resources": {"Db": {"Type": "AWS::Neptune::DBCluster", "Properties": {"BackupRetentionPeriod": {"Ref": "Days"}}}}}',
    },
  ],
});

it('database-backup-retention-period: the minimum is an option, and turning backups on from 0 is not preferred', () => {
  const config = { rules: { 'database-backup-retention-period': { minimumDays: 14 } } };
  const findings = (text: string) => analyze(text, 't.yaml', config).findings.filter((f) => f.ruleId === rule.meta.id);
  const [ten] = findings(db('AWS::DocDB::DBCluster', '      BackupRetentionPeriod: 10\n'));
  assert.equal(ten.message, 'Db keeps automated backups for less than 14 days: BackupRetentionPeriod is 10.');
  assert.deepEqual(ten.fixes.map((f) => [f.title, f.preferred]), [['Set BackupRetentionPeriod to 14', true]]);
  assert.deepEqual(findings(db('AWS::DocDB::DBCluster', '      BackupRetentionPeriod: 14\n')), []);
  const [off] = findings(db('AWS::RDS::DBInstance', '      BackupRetentionPeriod: 0\n'));
  assert.deepEqual(off.fixes.map((f) => f.preferred), [false]);
});
