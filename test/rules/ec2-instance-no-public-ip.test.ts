import rule from '../../rules/infrastructure-protection/ec2-instance-no-public-ip';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const instance = (association: string) => `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      NetworkInterfaces:\n        - DeviceIndex: "0"\n          SubnetId: !Ref Subnet\n${association}`;
const template = (association: string) => `Resources:\n  Web:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        NetworkInterfaces:\n          - DeviceIndex: 0\n${association}`;

testRule(rule, {
  valid: [
    { name: 'instance without a public IP', code: instance('          AssociatePublicIpAddress: false\n') },
    { name: 'instance, not set', code: instance('') },
    { name: 'NAT instance', code: instance('          AssociatePublicIpAddress: true\n').replace('      ImageId', '      SourceDestCheck: false\n      ImageId') },
    { name: 'instance without network interfaces', code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      SubnetId: !Ref Subnet\n' },
    { name: 'launch template without a public IP', code: template('            AssociatePublicIpAddress: false\n') },
    { name: 'launch configuration without a public IP', code: 'Resources:\n  Config:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.micro\n' },
    { name: 'parameter without a default', code: `Parameters:\n  Public:\n    Type: String\n${instance('          AssociatePublicIpAddress: !Ref Public\n')}` },
    { name: 'JSON, no public IP', file: 't.json', code: '{"Resources": {"Web": {"Type": "AWS::EC2::Instance", "Properties": {"NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": false}]}}}}' },
  ],
  invalid: [
    {
      name: 'instance with a public IP: the fix replaces it',
      code: instance('          AssociatePublicIpAddress: true\n'),
      findings: [{ range: '9:37-9:41', message: 'Web gives its instances a public IP address: NetworkInterfaces[0].AssociatePublicIpAddress is true.' }],
      output: instance('          AssociatePublicIpAddress: false\n'),
    },
    {
      name: 'launch template with a public IP',
      code: template('            AssociatePublicIpAddress: true\n'),
      findings: [{ range: '8:39-8:43', message: 'Web gives its instances a public IP address: LaunchTemplateData.NetworkInterfaces[0].AssociatePublicIpAddress is true.' }],
      output: template('            AssociatePublicIpAddress: false\n'),
    },
    {
      name: 'launch configuration with a public IP',
      code: 'Resources:\n  Config:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      AssociatePublicIpAddress: "true"\n',
      findings: [{ range: '6:33-6:39', message: 'Config gives its instances a public IP address: AssociatePublicIpAddress is true.' }],
      output: 'Resources:\n  Config:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-12345678\n      AssociatePublicIpAddress: "false"\n',
    },
    {
      name: 'public on one branch',
      code: `Conditions:\n  IsBastion: !Equals [!Ref AWS::StackName, bastion]\n${instance('          AssociatePublicIpAddress: !If [IsBastion, true, false]\n')}`,
      findings: [{ range: '11:37-11:65', message: /when condition IsBastion is true/ }],
      output: `Conditions:\n  IsBastion: !Equals [!Ref AWS::StackName, bastion]\n${instance('          AssociatePublicIpAddress: !If [IsBastion, false, false]\n')}`,
    },
    {
      name: 'parameter default',
      code: `Parameters:\n  Public:\n    Type: String\n    Default: "true"\n${template('            AssociatePublicIpAddress: !Ref Public\n')}`,
      findings: [{ range: '12:39-12:50', message: /from the default of parameter Public/ }],
      output: `Parameters:\n  Public:\n    Type: String\n    Default: "false"\n${template('            AssociatePublicIpAddress: !Ref Public\n')}`,
    },
    {
      name: 'JSON, public IP',
      file: 't.json',
      code: '{"Resources": {"Web": {"Type": "AWS::EC2::Instance", "Properties": {"NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": true}]}}}}',
      findings: [{ range: '1:140-1:144' }],
      output: '{"Resources": {"Web": {"Type": "AWS::EC2::Instance", "Properties": {"NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": false}]}}}}',
    },
  ],
});

it('ec2-instance-no-public-ip: the fix replaces an instance, not a launch template', () => {
  const fixes = (code: string) => analyze(code).findings.filter((f) => f.ruleId === rule.meta.id).flatMap((f) => f.fixes.map((fix) => [fix.title, fix.preferred, fix.replaces]));
  assert.deepEqual(fixes(instance('          AssociatePublicIpAddress: true\n')), [['Set NetworkInterfaces[0].AssociatePublicIpAddress to false (replaces the resource)', false, true]]);
  assert.deepEqual(fixes(template('            AssociatePublicIpAddress: true\n')), [['Set LaunchTemplateData.NetworkInterfaces[0].AssociatePublicIpAddress to false', true, false]]);
});
