import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/infrastructure-protection/lambda-function-in-vpc';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const fn = (properties: string, type = 'AWS::Lambda::Function') => `Resources:\n  Export:\n    Type: ${type}\n    Properties:\n      Runtime: python3.12\n${properties}`;
const VPC = '      VpcConfig:\n        SubnetIds: [subnet-1, subnet-2]\n        SecurityGroupIds: [sg-1]\n';

testRule(
  rule,
  {
    valid: [
      { name: 'in a VPC', code: fn(VPC) },
      { name: 'SAM function in a VPC', code: fn(VPC, 'AWS::Serverless::Function') },
      {
        name: 'SAM function placed in a VPC by Globals',
        code: `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    VpcConfig:\n      SubnetIds: [subnet-1]\n      SecurityGroupIds: [sg-1]\n${fn('', 'AWS::Serverless::Function')}`,
      },
      { name: 'subnets from a parameter without a default are unknown', code: `Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n${fn('      VpcConfig:\n        SubnetIds: !Ref Subnets\n')}` },
      { name: 'JSON, in a VPC', file: 't.json', code: '{"Resources": {"Export": {"Type": "AWS::Lambda::Function", "Properties": {"VpcConfig": {"SubnetIds": ["subnet-1"]}}}}}' },
    ],
    invalid: [
      {
        name: 'no VpcConfig',
        code: fn(''),
        findings: [{ range: '4:5-4:15', message: 'Export runs outside a VPC: VpcConfig.SubnetIds is not set.' }],
        output: null,
      },
      {
        name: 'SAM function, Globals without VpcConfig',
        code: `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Timeout: 10\n${fn('', 'AWS::Serverless::Function')}`,
        findings: [{ range: '8:5-8:15' }],
        output: null,
      },
      {
        name: 'empty subnet list detaches the function',
        code: fn('      VpcConfig:\n        SubnetIds: []\n        SecurityGroupIds: []\n'),
        findings: [{ range: '7:20-7:22', message: 'Export runs outside a VPC: VpcConfig.SubnetIds is empty.' }],
        output: null,
      },
      {
        name: 'in a VPC only when a condition holds',
        code: `Conditions:\n  InVpc: !Equals [!Ref AWS::StackName, prod]\n${fn('      VpcConfig: !If\n        - InVpc\n        - SubnetIds: [subnet-1]\n        - !Ref AWS::NoValue\n')}`,
        findings: [{ range: '8:7-8:16', message: 'Export runs outside a VPC: VpcConfig.SubnetIds is not set (when condition InVpc is false).' }],
        output: null,
      },
      {
        name: 'JSON, no VpcConfig',
        file: 't.json',
        code: '{\n  "Resources": {\n    "Export": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": {"Runtime": "nodejs20.x"}\n    }\n  }\n}\n',
        findings: [{ range: '5:7-5:19' }],
        output: null,
      },
    ],
  },
  { severity: 'info' },
);

it('lambda-function-in-vpc is off until configured: most functions need no VPC', () => {
  assert.equal(rule.meta.enabledByDefault, false);
  assert.deepEqual(analyze(fn('')).findings.filter((finding) => finding.ruleId === rule.meta.id), []);
});
