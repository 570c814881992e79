import rule from '../../rules/data-protection/elasticache-replication-group-encrypted-in-transit';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const group = (properties: string) => `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'TLS on', code: group('      TransitEncryptionEnabled: true\n') },
    { name: 'TLS required', code: group('      TransitEncryptionEnabled: "true"\n      TransitEncryptionMode: required\n') },
    { name: 'member of a global datastore', code: group('      GlobalReplicationGroupId: ldgnf-sessions\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Tls:\n    Type: String\n${group('      TransitEncryptionEnabled: !Ref Tls\n')}` },
    { name: 'JSON, TLS on', file: 't.json', code: '{"Resources": {"Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"TransitEncryptionEnabled": true}}}}' },
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
      output: group('      EngineVersion: 4.0.10\n      TransitEncryptionEnabled: true\n'),
    },
    {
      name: 'not set',
      code: group(''),
      findings: [{ range: '4:5-4:15', message: 'Cache does not turn on encryption in transit: TransitEncryptionEnabled is not set and defaults to false.' }],
      output: group('      TransitEncryptionEnabled: true\n'),
    },
    {
      name: 'turned off',
      code: group('      TransitEncryptionEnabled: false\n'),
      findings: [{ range: '6:33-6:38', message: 'Cache turns off encryption in transit: TransitEncryptionEnabled is false.' }],
      output: group('      TransitEncryptionEnabled: true\n'),
    },
    {
      name: 'preferred mode',
      code: group('      TransitEncryptionEnabled: true\n      TransitEncryptionMode: preferred\n'),
      findings: [{ range: '7:30-7:39', message: 'Cache still accepts unencrypted connections: TransitEncryptionMode is "preferred".' }],
      output: group('      TransitEncryptionEnabled: true\n      TransitEncryptionMode: required\n'),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${group('      TransitEncryptionEnabled: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '8:33-8:58', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${group('      TransitEncryptionEnabled: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Tls:\n    Type: String\n    AllowedValues: ["true", "false"]\n    Default: "false"\n${group('      TransitEncryptionEnabled: !Ref Tls\n')}`,
      findings: [{ range: '11:33-11:41', message: /from the default of parameter Tls/ }],
      output: `Parameters:\n  Tls:\n    Type: String\n    AllowedValues: ["true"]\n    Default: "true"\n${group('      TransitEncryptionEnabled: !Ref Tls\n')}`,
    },
    {
      name: 'JSON, not set',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::ElastiCache::ReplicationGroup",\n      "Properties": {\n        "Engine": "redis"\n      }\n    }\n  }\n}\n',
      findings: [{ range: '5:7-5:19' }],
      output: '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::ElastiCache::ReplicationGroup",\n      "Properties": {\n        "Engine": "redis",\n        "TransitEncryptionEnabled": true\n      }\n    }\n  }\n}\n',
    },
  ],
});

it('elasticache-replication-group-encrypted-in-transit: its fix changes the group in place', () => {
  const findings = analyze(group('      TransitEncryptionEnabled: false\n')).findings.filter((finding) => finding.ruleId === rule.meta.id);
  assert.deepEqual(findings.flatMap((finding) => finding.fixes.map((fix) => [fix.title, fix.preferred, fix.replaces])), [['Set TransitEncryptionEnabled to true', true, false]]);
});
