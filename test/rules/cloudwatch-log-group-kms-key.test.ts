import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/data-protection/cloudwatch-log-group-kms-key';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const group = (properties: string) => `Resources:\n  AppLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n${properties}`;

testRule(rule, {
    valid: [
      { name: 'a key of the template', code: group('      KmsKeyId: !GetAtt LogsKey.Arn\n') },
      { name: 'a key ARN', code: group('      KmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\n') },
      { name: 'a parameter without a default', code: `Parameters:\n  KeyArn:\n    Type: String\n${group('      KmsKeyId: !Ref KeyArn\n')}` },
      { name: 'JSON, a key', file: 't.json', code: '{"Resources": {"AppLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"KmsKeyId": {"Fn::GetAtt": ["LogsKey", "Arn"]}}}}}' },
    ],
    invalid: [
      {
        name: 'no key',
        code: group(''),
        findings: [{ range: '4:5-4:15', message: 'AppLogs does not use a customer managed KMS key: KmsKeyId is not set and defaults to encryption with keys CloudWatch Logs owns.' }],
        output: null,
      },
      {
        name: 'key only on one branch',
        code: `Conditions:\n  HasKey: !Equals [!Ref AWS::Region, eu-west-1]\n${group('      KmsKeyId: !If [HasKey, !GetAtt LogsKey.Arn, !Ref AWS::NoValue]\n')}`,
        findings: [{ range: '8:17-8:69', message: 'AppLogs does not use a customer managed KMS key: KmsKeyId is not set (when condition HasKey is false).' }],
        output: null,
      },
      {
        name: 'a parameter defaulting to an empty key',
        code: `Parameters:\n  KeyArn:\n    Type: String\n    Default: ""\n${group('      KmsKeyId: !Ref KeyArn\n')}`,
        findings: [{ range: '10:17-10:28', message: 'AppLogs does not use a customer managed KMS key: KmsKeyId is "" (from the default of parameter KeyArn).' }],
        output: null,
      },
      { name: 'JSON, no key', file: 't.json', code: '{"Resources": {"AppLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {}}}}', findings: [{ range: '1:59-1:71' }], output: null },
    ],
  },
);

it('cloudwatch-log-group-kms-key is off until configured', () => {
  assert.deepEqual(analyze(group('')).findings.filter((f) => f.ruleId === rule.meta.id), []);
});
