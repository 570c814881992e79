import rule from '../../rules/data-protection/msk-cluster-encrypted-in-transit';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const cluster = (transit: string) => `Resources:\n  Events:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: events\n      EncryptionInfo:\n        EncryptionInTransit:\n${transit}`;

testRule(rule, {
  valid: [
    { name: 'TLS, in-cluster encryption on', code: cluster('          ClientBroker: TLS\n          InCluster: true\n') },
    { name: 'defaults', code: 'Resources:\n  Events:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: events\n' },
    { name: 'only at-rest settings', code: 'Resources:\n  Events:\n    Type: AWS::MSK::Cluster\n    Properties:\n      EncryptionInfo:\n        EncryptionAtRest:\n          DataVolumeKMSKeyId: !Ref Key\n' },
    { name: 'parameter without a default', code: `Parameters:\n  Mode:\n    Type: String\n${cluster('          ClientBroker: !Ref Mode\n')}` },
    { name: 'JSON, TLS', file: 't.json', code: '{"Resources": {"Events": {"Type": "AWS::MSK::Cluster", "Properties": {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": "TLS"}}}}}}' },
  ],
  invalid: [
    {
      name: 'TLS and plain text',
      code: cluster('          ClientBroker: TLS_PLAINTEXT\n'),
      findings: [{ range: '8:25-8:38', message: 'Events accepts unencrypted client connections: EncryptionInfo.EncryptionInTransit.ClientBroker is "TLS_PLAINTEXT".' }],
      output: cluster('          ClientBroker: TLS\n'),
    },
    {
      name: 'plain text only',
      code: cluster('          ClientBroker: PLAINTEXT\n'),
      findings: [{ range: '8:25-8:34' }],
      output: cluster('          ClientBroker: TLS\n'),
    },
    {
      name: 'in-cluster encryption off: the fix replaces the cluster',
      code: cluster('          InCluster: false\n'),
      findings: [{ range: '8:22-8:27', message: 'Events turns off encryption between brokers: EncryptionInfo.EncryptionInTransit.InCluster is false.' }],
      output: cluster('          InCluster: true\n'),
    },
    {
      name: 'plain text on one branch',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${cluster('          ClientBroker: !If [IsDev, TLS_PLAINTEXT, TLS]\n')}`,
      findings: [{ range: '10:25-10:56', message: /when condition IsDev is true/ }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${cluster('          ClientBroker: !If [IsDev, TLS, TLS]\n')}`,
    },
    {
      name: 'parameter default',
      code: `Parameters:\n  Mode:\n    Type: String\n    Default: TLS_PLAINTEXT\n${cluster('          ClientBroker: !Ref Mode\n')}`,
      findings: [{ range: '12:25-12:34', message: /from the default of parameter Mode/ }],
      output: `Parameters:\n  Mode:\n    Type: String\n    Default: TLS\n${cluster('          ClientBroker: !Ref Mode\n')}`,
    },
    {
      name: 'JSON, plain text',
      file: 't.json',
      code: '{"Resources": {"Events": {"Type": "AWS::MSK::Cluster", "Properties": {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": "PLAINTEXT"}}}}}}',
      findings: [{ range: '1:130-1:141' }],
      output: '{"Resources": {"Events": {"Type": "AWS::MSK::Cluster", "Properties": {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": "TLS"}}}}}}',
    },
  ],
});

it('msk-cluster-encrypted-in-transit: turning in-cluster encryption on replaces the cluster; TLS for clients does not', () => {
  const fixes = (transit: string) => analyze(cluster(transit)).findings.filter((f) => f.ruleId === rule.meta.id).flatMap((f) => f.fixes.map((fix) => [fix.title, fix.preferred, fix.replaces]));
  assert.deepEqual(fixes('          InCluster: false\n'), [['Set EncryptionInfo.EncryptionInTransit.InCluster to true (replaces the resource)', false, true]]);
  assert.deepEqual(fixes('          ClientBroker: TLS_PLAINTEXT\n'), [['Set EncryptionInfo.EncryptionInTransit.ClientBroker to TLS', true, false]]);
});
