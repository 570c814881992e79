import rule from '../../rules/data-protection/eks-cluster-secrets-encryption';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string) => `Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: !GetAtt ClusterRole.Arn\n${properties}`;
const encrypted = (key: string) => `      EncryptionConfig:\n        - Resources: [secrets]\n          Provider:\n            KeyArn: ${key}\n`;

testRule(rule, {
  valid: [
    { name: 'secrets encrypted with a key of the template', code: cluster(encrypted('!GetAtt SecretsKey.Arn')) },
    { name: 'key ARN from a parameter', code: `Parameters:\n  KeyArn:\n    Type: String\n${cluster(encrypted('!Ref KeyArn'))}` },
    { name: 'entry from a parameter', code: cluster('      EncryptionConfig:\n        - !Ref Config\n') },
    { name: 'list from a parameter', code: cluster('      EncryptionConfig: !Ref Configs\n') },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"EncryptionConfig": [{"Resources": ["secrets"], "Provider": {"KeyArn": "arn:aws:kms:eu-west-1:123456789012:key/abc"}}]}}}}' },
  ],
  invalid: [
    {
      name: 'no EncryptionConfig',
      code: cluster(''),
      findings: [{ range: '4:5-4:15', message: 'Cluster does not encrypt Kubernetes secrets with a KMS key: EncryptionConfig is not set.' }],
      output: null,
    },
    {
      name: 'no key',
      code: cluster('      EncryptionConfig:\n        - Resources: [secrets]\n'),
      findings: [{ range: '7:9-7:31', message: 'Cluster does not encrypt Kubernetes secrets with a KMS key: no EncryptionConfig entry names secrets with a Provider.KeyArn.' }],
      output: null,
    },
    {
      name: 'empty key',
      code: cluster(encrypted('""')),
      findings: [{ range: '7:9-9:23' }],
      output: null,
    },
    {
      name: 'empty list',
      code: cluster('      EncryptionConfig: []\n'),
      findings: [{ range: '6:25-6:27' }],
      output: null,
    },
    {
      name: 'removed on one branch',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${cluster('      EncryptionConfig: !If [IsProd, [{ Resources: [secrets], Provider: { KeyArn: !Ref Key } }], !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '8:25-8:116', message: /EncryptionConfig is not set \(when condition IsProd is false\)\.$/ }],
      output: null,
    },
    {
      name: 'JSON, no EncryptionConfig',
      file: 't.json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"Version": "1.31"}}}}',
      findings: [{ range: '1:57-1:69' }],
      output: null,
    },
  ],
});
