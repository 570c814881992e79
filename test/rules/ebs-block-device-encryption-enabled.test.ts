import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/data-protection/ebs-block-device-encryption-enabled';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const instance = (mappings: string) => `Resources:\n  Server:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      BlockDeviceMappings:\n${mappings}`;
const ABSENT = 'is not set and defaults to the encryption of its snapshot or the account default.';

testRule(rule, {
  valid: [
    { name: 'instance volume encrypted', code: instance('        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n            Encrypted: true\n') },
    { name: 'instance-store and NoDevice mappings have no EBS volume', code: instance('        - DeviceName: /dev/sdb\n          VirtualName: ephemeral0\n        - DeviceName: /dev/sdc\n          NoDevice: {}\n') },
    { name: 'no mappings: nothing the template says', code: 'Resources:\n  Server:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n' },
    {
      name: 'parameter without a default is unknown',
      code: `Parameters:\n  Encrypt:\n    Type: String\n${instance('        - DeviceName: /dev/xvda\n          Ebs:\n            Encrypted: !Ref Encrypt\n')}`,
    },
    {
      name: 'launch template, encrypted as a string',
      code: 'Resources:\n  Template:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs:\n              Encrypted: "true"\n',
    },
    {
      name: 'JSON, launch configuration encrypted',
      file: 't.json',
      code: '{"Resources": {"Config": {"Type": "AWS::AutoScaling::LaunchConfiguration", "Properties": {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}}]}}}}',
    },
  ],
  invalid: [
    {
      name: 'instance: Encrypted missing, instance store skipped, parameter default false',
      code: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n${instance('        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n        - DeviceName: /dev/sdb\n          VirtualName: ephemeral0\n        - DeviceName: /dev/sdc\n          Ebs:\n            Encrypted: !Ref Encrypt\n')}`,
      findings: [
        { range: '12:11-12:14', message: `Server does not turn on encryption at rest: BlockDeviceMappings[0].Ebs.Encrypted ${ABSENT}` },
        { range: '18:24-18:36', message: 'Server turns off encryption at rest: BlockDeviceMappings[2].Ebs.Encrypted is false (from the default of parameter Encrypt).' },
      ],
      output: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n${instance('        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n            Encrypted: true\n        - DeviceName: /dev/sdb\n          VirtualName: ephemeral0\n        - DeviceName: /dev/sdc\n          Ebs:\n            Encrypted: !Ref Encrypt\n')}`,
    },
    {
      name: 'launch template: false on one branch of a condition',
      code: 'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\nResources:\n  Template:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs:\n              Encrypted: !If [IsProd, true, false]\n',
      findings: [{ range: '11:26-11:51', message: 'Template turns off encryption at rest: LaunchTemplateData.BlockDeviceMappings[0].Ebs.Encrypted is false (when condition IsProd is false).' }],
      output: 'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\nResources:\n  Template:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs:\n              Encrypted: !If [IsProd, true, true]\n',
    },
    {
      name: 'launch configuration: Encrypted false',
      code: 'Resources:\n  Config:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n            Encrypted: false\n',
      findings: [{ range: '11:24-11:29', message: 'Config turns off encryption at rest: BlockDeviceMappings[0].Ebs.Encrypted is false.' }],
      output: 'Resources:\n  Config:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n            Encrypted: true\n',
    },
    {
      name: 'JSON, launch configuration without Encrypted',
      file: 't.json',
      code: '{"Resources": {"Config": {"Type": "AWS::AutoScaling::LaunchConfiguration", "Properties": {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20}}]}}}}',
      findings: [{ range: '1:143-1:148', message: `Config does not turn on encryption at rest: BlockDeviceMappings[0].Ebs.Encrypted ${ABSENT}` }],
      output: '{"Resources": {"Config": {"Type": "AWS::AutoScaling::LaunchConfiguration", "Properties": {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20, "Encrypted": true}}]}}}}',
    },
  ],
});

it('ebs-block-device-encryption-enabled: the fix replaces instances and launch configurations, not launch templates', () => {
  const fixesOf = (code: string) => analyze(code).findings.filter((f) => f.ruleId === rule.meta.id).map((f) => f.fixes.map((fix) => [fix.preferred, fix.replaces]));
  const ebs = '          - DeviceName: /dev/xvda\n            Ebs:\n              Encrypted: false\n';
  assert.deepEqual(fixesOf(`Resources:\n  Server:\n    Type: AWS::EC2::Instance\n    Properties:\n      BlockDeviceMappings:\n${ebs.replace(/^ {2}/gm, '')}`), [[[false, true]]]);
  assert.deepEqual(fixesOf(`Resources:\n  Template:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n${ebs}`), [[[true, false]]]);
});
