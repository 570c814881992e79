import rule from '../../rules/detective-controls/vpc-flow-logs-enabled';
import { testRule } from '../helpers/rule-tester';

const vpc = (name = 'Vpc', extra = '') => `  ${name}:\n    Type: AWS::EC2::VPC\n${extra}    Properties:\n      CidrBlock: 10.0.0.0/16\n`;
const flowLog = (name: string, target: string, type = 'VPC', extra = '') =>
  `  ${name}:\n    Type: AWS::EC2::FlowLog\n${extra}    Properties:\n      ResourceId: ${target}\n      ResourceType: ${type}\n      TrafficType: ALL\n      LogDestinationType: s3\n      LogDestination: !GetAtt Logs.Arn\n`;
const subnet = (name: string) => `  ${name}:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.1.0/24\n`;
const template = (...resources: string[]) => `Resources:\n${resources.join('')}`;
const condition = 'Conditions:\n  Audit: !Equals [a, b]\n';

testRule(rule, {
  valid: [
    { name: 'a flow log on the VPC', code: template(vpc(), flowLog('VpcFlowLog', '!Ref Vpc')) },
    { name: 'a flow log naming the VPC by !GetAtt', code: template(vpc(), flowLog('VpcFlowLog', '!GetAtt Vpc.VpcId')) },
    { name: 'flow logs on every subnet of the VPC', code: template(vpc(), subnet('A'), subnet('B'), flowLog('LogA', '!Ref A', 'Subnet'), flowLog('LogB', '!Ref B', 'Subnet')) },
    { name: 'a flow log under the same condition as the VPC', code: condition + template(vpc('Vpc', '    Condition: Audit\n'), flowLog('VpcFlowLog', '!Ref Vpc', 'VPC', '    Condition: Audit\n')) },
    { name: 'JSON', file: 't.json', code: '{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}, "Log": {"Type": "AWS::EC2::FlowLog", "Properties": {"ResourceId": {"Ref": "Vpc"}, "ResourceType": "VPC"}}}}' },
  ],
  invalid: [
    { name: 'no flow log', code: template(vpc()), findings: [{ range: '2:3-2:6', message: 'Vpc has no flow log.' }], output: null },
    {
      name: 'a flow log on another VPC: the fix adds one like it, after the VPC',
      code: template(vpc('Other'), flowLog('OtherFlowLog', '!Ref Other'), vpc(), '  Logs:\n    Type: AWS::S3::Bucket\n'),
      findings: [{ range: '14:3-14:6' }],
      output: template(
        vpc('Other'),
        flowLog('OtherFlowLog', '!Ref Other'),
        vpc(),
        '  VpcFlowLog:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: !Ref Vpc\n      ResourceType: VPC\n      TrafficType: ALL\n      LogDestinationType: s3\n      LogDestination: !GetAtt Logs.Arn\n',
        '  Logs:\n    Type: AWS::S3::Bucket\n',
      ),
    },
    {
      name: 'a flow log on only some of its subnets',
      code: template(vpc(), subnet('A'), subnet('B'), flowLog('LogA', '!Ref A', 'Subnet')),
      findings: [{ range: '2:3-2:6' }],
      output: template(vpc(), '  VpcFlowLog:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: !Ref Vpc\n      ResourceType: VPC\n      TrafficType: ALL\n      LogDestinationType: s3\n      LogDestination: !GetAtt Logs.Arn\n', subnet('A'), subnet('B'), flowLog('LogA', '!Ref A', 'Subnet')),
    },
    {
      name: 'a flow log on a network interface only',
      code: template(vpc(), flowLog('EniLog', 'eni-0123', 'NetworkInterface', '    Condition: Audit\n')).replace('Resources:', `${condition}Resources:`),
      findings: [{ range: '4:3-4:6', message: 'Vpc has no flow log.' }],
      output: null,
    },
    {
      name: 'the flow log exists only under a condition',
      code: condition + template(vpc(), flowLog('VpcFlowLog', '!Ref Vpc', 'VPC', '    Condition: Audit\n')),
      findings: [{ range: '4:3-4:6', message: 'Vpc has no flow log when condition Audit is false (its flow log VpcFlowLog exists only when it is true).' }],
      output: null,
    },
    {
      name: 'JSON, no flow log',
      file: 't.json',
      code: '{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}}',
      findings: [{ range: '1:16-1:21' }],
      output: null,
    },
  ],
});
