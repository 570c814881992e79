import rule from '../../rules/data-protection/elasticache-replication-group-encrypted-at-rest';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../helpers/analyze';
import { buildModel, type Template } from '../../server/src/engine/model';
import { parseText } from '../../server/src/engine/parse';
import { engineSupportsEncryption } from '../../rules/lib/elasticache';
import { testRule } from '../helpers/rule-tester';

const group = (properties: string) => `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', code: group('      AtRestEncryptionEnabled: true\n') },
    { name: 'encrypted, as text', code: group('      AtRestEncryptionEnabled: "true"\n      KmsKeyId: !Ref CacheKey\n') },
    { name: 'member of a global datastore', code: group('      GlobalReplicationGroupId: ldgnf-sessions\n') },
    { name: 'built around an existing cluster', code: group('      PrimaryClusterId: sessions-001\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Encrypt:\n    Type: String\n${group('      AtRestEncryptionEnabled: !Ref Encrypt\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"AtRestEncryptionEnabled": true}}}}' },
  ],
  invalid: [
    {
      name: 'engine too old for encryption: no fix',
      code: group('      Engine: redis\n      EngineVersion: 2.8.24\n'),
      findings: [{ range: '4:5-4:15' }],
      output: null,
    },
    {
      name: 'Redis OSS 4.0.10 takes the fix',
      code: group('      EngineVersion: 4.0.10\n'),
      findings: [{ range: '4:5-4:15' }],
      output: group('      EngineVersion: 4.0.10\n      AtRestEncryptionEnabled: true\n'),
    },
    {
      name: 'not set',
      code: group(''),
      findings: [{ range: '4:5-4:15', message: 'Cache does not turn on encryption at rest: AtRestEncryptionEnabled is not set and defaults to false.' }],
      output: group('      AtRestEncryptionEnabled: true\n'),
    },
    {
      name: 'turned off',
      code: group('      AtRestEncryptionEnabled: false\n'),
      findings: [{ range: '6:32-6:37', message: 'Cache turns off encryption at rest: AtRestEncryptionEnabled is false.' }],
      output: group('      AtRestEncryptionEnabled: true\n'),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${group('      AtRestEncryptionEnabled: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '8:32-8:57', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${group('      AtRestEncryptionEnabled: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n${group('      AtRestEncryptionEnabled: !Ref Encrypt\n')}`,
      findings: [{ range: '10:32-10:44', message: /from the default of parameter Encrypt/ }],
      output: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n${group('      AtRestEncryptionEnabled: !Ref Encrypt\n')}`,
    },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"AtRestEncryptionEnabled": false}}}}',
      findings: [{ range: '1:114-1:119' }],
      output: '{"Resources": {"Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"AtRestEncryptionEnabled": true}}}}',
    },
  ],
});

it('elasticache-replication-group-encrypted-at-rest: its fix says it replaces the group, so fix-all leaves it to the user', () => {
  const findings = analyze(group('      AtRestEncryptionEnabled: false\n')).findings.filter((finding) => finding.ruleId === rule.meta.id);
  assert.deepEqual(findings.flatMap((finding) => finding.fixes.map((fix) => [fix.title, fix.preferred, fix.replaces])), [['Set AtRestEncryptionEnabled to true (replaces the resource)', false, true]]);
});

it('engineSupportsEncryption: Valkey, Redis OSS 3.2.6 and 4.0.10 or later; unknown versions count as supported', () => {
  const supports = (properties: string) => engineSupportsEncryption(analyzeResource(group(properties)));
  assert.deepEqual(
    ['2.8.24', '3.2.4', '3.2.6', '3.2.10', '4.0.9', '4.0.10', '5.0.6', '7.1'].map((version) => supports(`      EngineVersion: ${version}\n`)),
    [false, false, true, false, false, true, true, true],
  );
  assert.equal(supports('      Engine: valkey\n      EngineVersion: "7.2"\n'), true);
  assert.equal(supports('      EngineVersion: !Ref Version\n'), true);
});

function analyzeResource(code: string) {
  const template = buildModel(parseText(code).root as never, 'template') as Template;
  return template.resources[0];
}
