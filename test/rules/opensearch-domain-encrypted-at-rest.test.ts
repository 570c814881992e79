import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/data-protection/opensearch-domain-encrypted-at-rest';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const domain = (properties: string, type = 'AWS::OpenSearchService::Domain') => `Resources:\n  Search:\n    Type: ${type}\n    Properties:\n      EngineVersion: OpenSearch_2.11\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'encrypted', code: domain('      EncryptionAtRestOptions:\n        Enabled: true\n') },
    { name: 'encrypted with a customer managed key', code: domain('      EncryptionAtRestOptions:\n        Enabled: "true"\n        KmsKeyId: !Ref Key\n') },
    { name: 'Elasticsearch domain, encrypted', code: domain('      EncryptionAtRestOptions: { Enabled: true }\n', 'AWS::Elasticsearch::Domain') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Encrypt:\n    Type: String\n${domain('      EncryptionAtRestOptions:\n        Enabled: !Ref Encrypt\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Search": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"EncryptionAtRestOptions": {"Enabled": true}}}}}' },
  ],
  invalid: [
    {
      name: 'no encryption options',
      code: domain(''),
      findings: [{ range: '4:5-4:15', message: 'Search does not turn on encryption at rest: EncryptionAtRestOptions.Enabled is not set and defaults to false.' }],
      output: domain('      EncryptionAtRestOptions:\n        Enabled: true\n'),
    },
    {
      name: 'turned off',
      code: domain('      EncryptionAtRestOptions:\n        Enabled: false\n'),
      findings: [{ range: '7:18-7:23', message: 'Search turns off encryption at rest: EncryptionAtRestOptions.Enabled is false.' }],
      output: domain('      EncryptionAtRestOptions:\n        Enabled: true\n'),
    },
    {
      name: 'options without Enabled',
      code: domain('      EncryptionAtRestOptions:\n        KmsKeyId: alias/search\n'),
      findings: [{ range: '6:7-6:30' }],
      output: domain('      EncryptionAtRestOptions:\n        KmsKeyId: alias/search\n        Enabled: true\n'),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${domain('      EncryptionAtRestOptions:\n        Enabled: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '9:18-9:43', message: 'Search turns off encryption at rest: EncryptionAtRestOptions.Enabled is false (when condition IsProd is false).' }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${domain('      EncryptionAtRestOptions:\n        Enabled: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n${domain('      EncryptionAtRestOptions:\n        Enabled: !Ref Encrypt\n')}`,
      findings: [{ range: '11:18-11:30', message: /from the default of parameter Encrypt/ }],
      output: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n${domain('      EncryptionAtRestOptions:\n        Enabled: !Ref Encrypt\n')}`,
    },
    {
      name: 'options removed with AWS::NoValue on one branch',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${domain('      EncryptionAtRestOptions: !If [IsProd, { Enabled: true }, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '8:7-8:30', message: 'Search does not turn on encryption at rest: EncryptionAtRestOptions.Enabled is not set and defaults to false (when condition IsProd is false).' }],
      output: null,
    },
    {
      name: 'Elasticsearch domain: the fix may replace it',
      code: domain('      EncryptionAtRestOptions:\n        Enabled: false\n', 'AWS::Elasticsearch::Domain'),
      findings: [{ range: '7:18-7:23' }],
      output: domain('      EncryptionAtRestOptions:\n        Enabled: true\n', 'AWS::Elasticsearch::Domain'),
    },
    {
      name: 'JSON, no encryption options',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "EngineVersion": "OpenSearch_2.11"\n      }\n    }\n  }\n}\n',
      findings: [{ range: '5:7-5:19' }],
      output: '{\n  "Resources": {\n    "Search": {\n      "Type": "AWS::OpenSearchService::Domain",\n      "Properties": {\n        "EngineVersion": "OpenSearch_2.11",\n        "EncryptionAtRestOptions": {\n          "Enabled": true\n        }\n      }\n    }\n  }\n}\n',
    },
  ],
});

it('opensearch-domain-encrypted-at-rest: the fix is preferred for OpenSearch, and says it replaces an Elasticsearch domain', () => {
  const fixes = (type: string) => analyze(domain('      EncryptionAtRestOptions:\n        Enabled: false\n', type)).findings.filter((f) => f.ruleId === rule.meta.id).flatMap((f) => f.fixes.map((fix) => [fix.title, fix.preferred, fix.replaces]));
  assert.deepEqual(fixes('AWS::OpenSearchService::Domain'), [['Set EncryptionAtRestOptions.Enabled to true', true, false]]);
  assert.deepEqual(fixes('AWS::Elasticsearch::Domain'), [['Set EncryptionAtRestOptions.Enabled to true (replaces the resource)', false, true]]);
});
