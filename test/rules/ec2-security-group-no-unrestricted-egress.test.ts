import rule from '../../rules/infrastructure-protection/ec2-security-group-no-unrestricted-egress';
import { securityGroup } from '../helpers/network';
import { testRule } from '../helpers/rule-tester';

const egress = (rules: string) => securityGroup(rules, 'SecurityGroupEgress');

testRule(rule, {
  valid: [
    { name: 'HTTPS to anywhere', code: egress('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'all traffic inside the VPC', code: egress('        - { IpProtocol: "-1", CidrIp: 10.0.0.0/16 }\n') },
    { name: 'all traffic to a security group', code: egress('        - { IpProtocol: "-1", DestinationSecurityGroupId: !Ref Db }\n') },
    { name: 'the loopback rule that blocks all egress', code: egress('        - { IpProtocol: icmp, FromPort: 252, ToPort: 86, CidrIp: 127.0.0.1/32 }\n') },
    { name: 'no egress rule, while reportDefaultEgress is off', code: securityGroup('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8 }\n') },
    { name: 'all ingress is not egress', code: securityGroup('        - { IpProtocol: "-1", CidrIp: 10.0.0.0/8 }\n') },
    { name: 'protocol from a parameter without default', code: `Parameters:\n  Protocol: { Type: String }\n${egress('        - { IpProtocol: !Ref Protocol, CidrIp: 0.0.0.0/0 }\n')}` },
  ],
  invalid: [
    {
      name: 'all traffic to anywhere',
      code: egress('        - IpProtocol: "-1"\n          CidrIp: 0.0.0.0/0\n'),
      findings: [{ range: '8:19-8:28', message: 'Egress rule allows all ports and protocols to the whole internet (0.0.0.0/0).' }],
      output: null,
    },
    {
      name: 'all tcp ports over IPv6 in a standalone egress resource',
      code: 'Resources:\n  Out:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties:\n      GroupId: !Ref Sg\n      IpProtocol: tcp\n      FromPort: 0\n      ToPort: 65535\n      CidrIpv6: ::/0\n',
      findings: [{ range: '9:17-9:21', message: 'Egress rule allows all tcp ports to the whole internet (::/0).' }],
      output: null,
    },
    {
      name: 'under a condition, from a parameter default',
      code: `Parameters:\n  Cidr: { Type: String, Default: 0.0.0.0/0 }\nConditions:\n  Open: !Equals [!Ref AWS::Region, us-east-1]\n${egress('        - !If [Open, { IpProtocol: "-1", CidrIp: !Ref Cidr }, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '11:50-11:59', message: 'Egress rule allows all ports and protocols to the whole internet (0.0.0.0/0) (from the default of parameter Cidr).' }],
      output: null,
    },
    {
      name: 'JSON: all traffic to anywhere',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "test",\n        "SecurityGroupEgress": [{"IpProtocol": -1, "CidrIp": "0.0.0.0/0"}]\n      }\n    }\n  }\n}\n',
      findings: [{ range: '7:62-7:73' }],
      output: null,
    },
  ],
});

testRule(
  rule,
  {
    valid: [
      { name: 'option: explicit egress rules', code: egress('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n') },
      {
        name: 'option: egress from a standalone resource',
        code: 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: test\n  Out:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties:\n      GroupId: !GetAtt Sg.GroupId\n      IpProtocol: tcp\n      FromPort: 443\n      ToPort: 443\n      CidrIp: 0.0.0.0/0\n',
      },
    ],
    invalid: [
      {
        name: 'option: no egress rule',
        code: 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: test\n',
        findings: [{ range: '4:5-4:15', message: 'Sg declares no egress rule, so AWS gives it one that allows all outbound traffic to anywhere.' }],
        output: null,
      },
    ],
  },
  { reportDefaultEgress: true },
);
