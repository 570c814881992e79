import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/data-protection/ebs-customer-managed-key';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const volume = (properties: string) => `Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: true\n${properties}`;
const KEY = `  Key:\n    Type: AWS::KMS::Key\n`;

testRule(
  rule,
  {
    valid: [
      { name: 'key of the stack', code: volume('      KmsKeyId: !GetAtt Key.Arn\n') + KEY },
      { name: 'key ARN', code: volume('      KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n') },
      { name: 'parameter without a default is unknown', code: `Parameters:\n  KeyArn:\n    Type: String\n${volume('      KmsKeyId: !Ref KeyArn\n')}` },
      { name: 'a volume restored from a snapshot keeps its key', code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      SnapshotId: snap-0123456789abcdef0\n' },
      { name: 'instance-store mappings have no key', code: 'Resources:\n  Server:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n        - DeviceName: /dev/sdb\n          VirtualName: ephemeral0\n' },
      {
        name: 'JSON, launch template with a key',
        file: 't.json',
        code: '{"Resources": {"T": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true, "KmsKeyId": {"Ref": "Key"}}}]}}}, "Key": {"Type": "AWS::KMS::Key"}}}',
      },
    ],
    invalid: [
      {
        name: 'volume without a key',
        code: volume('      Size: 100\n'),
        findings: [{ range: '4:5-4:15', message: "Data does not encrypt with a customer managed KMS key: KmsKeyId is not set and defaults to the account's default EBS key (aws/ebs unless changed)." }],
        output: null,
      },
      {
        name: 'instance mapping with the AWS managed key from a parameter default',
        code: 'Parameters:\n  Key:\n    Type: String\n    Default: alias/aws/ebs\nResources:\n  Server:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            Encrypted: true\n            KmsKeyId: !Ref Key\n',
        findings: [{ range: '13:23-13:31', message: 'Server encrypts with an AWS managed key, not a customer managed one: BlockDeviceMappings[0].Ebs.KmsKeyId is "alias/aws/ebs" (from the default of parameter Key).' }],
        output: null,
      },
      {
        name: 'launch template: AWS managed key on one branch',
        code: `Conditions:\n  Own: !Equals [!Ref AWS::StackName, prod]\nResources:\n  T:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs:\n              KmsKeyId: !If [Own, !Ref Key, alias/aws/ebs]\n${KEY}`,
        findings: [{ range: '11:25-11:59', message: 'T encrypts with an AWS managed key, not a customer managed one: LaunchTemplateData.BlockDeviceMappings[0].Ebs.KmsKeyId is "alias/aws/ebs" (when condition Own is false).' }],
        output: null,
      },
      {
        name: 'JSON, launch template mapping without a key',
        file: 't.json',
        code: '{"Resources": {"T": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}}]}}}}}',
        findings: [{ range: '1:148-1:153' }],
        output: null,
      },
    ],
  },
  { severity: 'warning' },
);

it('ebs-customer-managed-key: is off until configured', () => {
  assert.equal(rule.meta.enabledByDefault, false);
  assert.deepEqual(analyze(volume('      Size: 100\n')).findings.filter((f) => f.ruleId === rule.meta.id), []);
});
