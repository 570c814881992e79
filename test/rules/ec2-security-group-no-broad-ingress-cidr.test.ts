import rule from '../../rules/infrastructure-protection/ec2-security-group-no-broad-ingress-cidr';
import { cidrParameter, securityGroup as group } from '../helpers/network';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    { name: 'a /8 private range', code: group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }\n') },
    { name: 'a /16 range', code: group('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 172.16.0.0/16 }\n') },
    { name: 'the whole internet is left to the public-ingress rules', code: group('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'a /32 IPv6 range', code: group('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: "2001:db8::/32" }\n') },
    { name: 'egress to a broad range', code: group('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/1 }\n', 'SecurityGroupEgress') },
    { name: 'CIDR from a parameter without default', code: `Parameters:\n  Cidr: { Type: String }\n${group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr }\n')}` },
    { name: 'not a CIDR', code: group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !ImportValue Shared-Cidr }\n') },
  ],
  invalid: [
    {
      name: 'half of the IPv4 internet',
      code: group('        - IpProtocol: tcp\n          FromPort: 8080\n          ToPort: 8080\n          CidrIp: 0.0.0.0/1\n'),
      findings: [{ range: '10:19-10:28', message: 'Ingress rule opens tcp port 8080 to 0.0.0.0/1, a /1 range that spans 1/2 of all IPv4 addresses.' }],
      output: cidrParameter('IngressAllowedCidr', 'IPv4', 'tcp port 8080') + group('        - IpProtocol: tcp\n          FromPort: 8080\n          ToPort: 8080\n          CidrIp: !Ref IngressAllowedCidr\n'),
    },
    {
      name: 'a /7 next to a /8 in a standalone resource',
      code: 'Resources:\n  Wide:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref Sg\n      IpProtocol: "-1"\n      CidrIp: 10.0.0.0/7\n',
      findings: [{ range: '7:15-7:25', message: 'Ingress rule opens all ports and protocols to 10.0.0.0/7, a /7 range that spans 1/128 of all IPv4 addresses.' }],
      output: `${cidrParameter('IngressAllowedCidr', 'IPv4', 'all ports and protocols')}Resources:\n  Wide:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref Sg\n      IpProtocol: "-1"\n      CidrIp: !Ref IngressAllowedCidr\n`,
    },
    {
      name: 'a broad IPv6 range',
      code: group('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: "2000::/3" }\n'),
      findings: [{ range: '7:68-7:78', message: 'Ingress rule opens tcp port 443 to 2000::/3, a /3 range that spans 1/8 of all IPv6 addresses.' }],
      output: cidrParameter('IngressAllowedCidrIpv6', 'IPv6', 'tcp port 443') + group('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: !Ref IngressAllowedCidrIpv6 }\n'),
    },
    {
      name: 'from a parameter default',
      code: `Parameters:\n  Cidr: { Type: String, Default: 128.0.0.0/2 }\n${group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr }\n')}`,
      findings: [{ range: '9:64-9:73', message: 'Ingress rule opens tcp port 22 to 128.0.0.0/2 (from the default of parameter Cidr), a /2 range that spans 1/4 of all IPv4 addresses.' }],
      output: null,
    },
    {
      name: 'JSON: a broad range',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "test",\n        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "64.0.0.0/4"}]\n      }\n    }\n  }\n}\n',
      findings: [{ range: '7:96-7:108' }],
      output:
        '{\n  "Parameters": {\n    "IngressAllowedCidr": {\n      "Type": "String",\n      "Description": "The IPv4 range allowed to reach tcp port 22, e.g. 203.0.113.0/24",\n      "AllowedPattern": "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$",\n      "ConstraintDescription": "must be an IPv4 CIDR block such as 203.0.113.0/24"\n    }\n  },\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "test",\n        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": {"Ref": "IngressAllowedCidr"}}]\n      }\n    }\n  }\n}\n',
    },
  ],
});

testRule(
  rule,
  {
    valid: [{ name: 'option: a /12 is allowed at 12', code: group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 172.16.0.0/12 }\n') }],
    invalid: [
      {
        name: 'option: a /8 is too broad at 12',
        code: group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }\n'),
        findings: [{ range: '7:64-7:74', message: 'Ingress rule opens tcp port 22 to 10.0.0.0/8, a /8 range that spans 1/256 of all IPv4 addresses.' }],
        output: cidrParameter('IngressAllowedCidr', 'IPv4', 'tcp port 22') + group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref IngressAllowedCidr }\n'),
      },
    ],
  },
  { minimumIpv4Prefix: 12 },
);
