import rule from '../../rules/incident-response/security-group-rule-description';
import { testRule } from '../helpers/rule-tester';

const group = (rules: string) => `Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n${rules}`;

testRule(rule, {
  valid: [
    { name: 'described rules', code: group('      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8, Description: HTTPS from the VPC }\n      SecurityGroupEgress:\n        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0, Description: anywhere }\n') },
    { name: 'a group without rules', code: group('') },
    { name: 'a described standalone rule', code: 'Resources:\n  In:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-1\n      IpProtocol: tcp\n      FromPort: 22\n      ToPort: 22\n      SourceSecurityGroupId: sg-2\n      Description: SSH from the bastion\n' },
    { name: 'a description from a parameter', code: `Parameters:\n  Why:\n    Type: String\n${group('      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8, Description: !Ref Why }\n')}` },
  ],
  invalid: [
    {
      name: 'inline rules without descriptions, one in a branch',
      code: group('      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 443\n          ToPort: 443\n          CidrIp: 10.0.0.0/8\n        - !If [Debug, { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }, !Ref AWS::NoValue]\n      SecurityGroupEgress:\n        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0, Description: "" }\n'),
      findings: [
        { range: '7:11-7:21', message: 'An ingress rule of Web has no description of what it allows and why.' },
        { range: '11:25-11:35', message: 'An ingress rule of Web has no description of what it allows and why.' },
        { range: '13:63-13:65', message: 'An egress rule of Web has no description of what it allows and why.' },
      ],
      output: null,
    },
    {
      name: 'a standalone egress rule, JSON',
      file: 't.json',
      code: '{"Resources": {"Out": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"GroupId": "sg-1", "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}}}}',
      findings: [{ range: '1:65-1:77', message: 'Out has no description of what it allows and why.' }],
      output: null,
    },
  ],
});
