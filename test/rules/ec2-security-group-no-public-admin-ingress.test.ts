import rule from '../../rules/infrastructure-protection/ec2-security-group-no-public-admin-ingress';
import { testRule } from '../helpers/rule-tester';

/** The Parameters section the fix adds before Resources, for a parameter `name` of an address `family`. */
const parameter = (name: string, family: 'IPv4' | 'IPv6', reaches: string) =>
  family === 'IPv4'
    ? `Parameters:\n  ${name}:\n    Type: String\n    Description: "The IPv4 range allowed to reach ${reaches}, e.g. 203.0.113.0/24"\n    AllowedPattern: "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$"\n    ConstraintDescription: must be an IPv4 CIDR block such as 203.0.113.0/24\n`
    : `Parameters:\n  ${name}:\n    Type: String\n    Description: "The IPv6 range allowed to reach ${reaches}, e.g. 2001:db8::/32"\n    AllowedPattern: "^[0-9a-fA-F:]+/(\\\\d|[1-9]\\\\d|1[01]\\\\d|12[0-8])$"\n    ConstraintDescription: must be an IPv6 CIDR block such as 2001:db8::/32\n`;
const group = (ingress: string) => `Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: test\n      SecurityGroupIngress:\n${ingress}`;

testRule(rule, {
  valid: [
    { name: 'HTTPS from anywhere', code: group('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'SSH from a private range', code: group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }\n') },
    { name: 'SSH from a bastion group', code: group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupId: !Ref Bastion }\n') },
    { name: 'port from a parameter without default', code: `Parameters:\n  Port: { Type: Number }\n${group('        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 }\n')}` },
    { name: 'ICMP from anywhere', code: group('        - { IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 0.0.0.0/0 }\n') },
  ],
  invalid: [
    {
      name: 'SSH from anywhere',
      code: group('        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n'),
      findings: [{ range: '10:19-10:28', message: 'Ingress rule opens SSH (port 22) to the whole internet (0.0.0.0/0).' }],
      output: parameter('SshAllowedCidr', 'IPv4', 'SSH') + group('        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: !Ref SshAllowedCidr\n'),
    },
    {
      name: 'RDP over IPv6',
      code: group('        - { IpProtocol: udp, FromPort: 3389, ToPort: 3389, CidrIpv6: "::/0" }\n'),
      findings: [{ range: '7:70-7:76', message: 'Ingress rule opens RDP (port 3389) to the whole internet (::/0).' }],
      output: parameter('RdpAllowedCidrIpv6', 'IPv6', 'RDP') + group('        - { IpProtocol: udp, FromPort: 3389, ToPort: 3389, CidrIpv6: !Ref RdpAllowedCidrIpv6 }\n'),
    },
    {
      name: 'all protocols',
      code: group('        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }\n'),
      findings: [{ range: '7:39-7:48', message: 'Ingress rule opens all ports and protocols to the whole internet (0.0.0.0/0).' }],
      output: parameter('IngressAllowedCidr', 'IPv4', 'every port of this security group') + group('        - { IpProtocol: "-1", CidrIp: !Ref IngressAllowedCidr }\n'),
    },
    {
      name: 'a port range that includes SSH and RDP',
      code: group('        - { IpProtocol: tcp, FromPort: 0, ToPort: 4000, CidrIp: 0.0.0.0/0 }\n'),
      findings: [{ range: '7:65-7:74', message: 'Ingress rule opens SSH (port 22) and RDP (port 3389) to the whole internet (0.0.0.0/0).' }],
      output: parameter('AdminAllowedCidr', 'IPv4', 'SSH and RDP') + group('        - { IpProtocol: tcp, FromPort: 0, ToPort: 4000, CidrIp: !Ref AdminAllowedCidr }\n'),
    },
    {
      name: 'a rule added under a condition',
      code: group('        - !If\n          - IsDev\n          - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n          - !Ref AWS::NoValue\n'),
      findings: [{ range: '9:66-9:75', message: 'Ingress rule opens SSH (port 22) to the whole internet (0.0.0.0/0).' }],
      output: parameter('SshAllowedCidr', 'IPv4', 'SSH') + group('        - !If\n          - IsDev\n          - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref SshAllowedCidr }\n          - !Ref AWS::NoValue\n'),
    },
    {
      name: 'the new parameter joins an existing Parameters section, with a name of its own',
      code: `Parameters:\n  SshAllowedCidr: { Type: String }\n${group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n')}`,
      findings: [{ range: '9:64-9:73' }],
      output: `Parameters:\n  SshAllowedCidr: { Type: String }\n${parameter('SshAllowedCidr2', 'IPv4', 'SSH').replace('Parameters:\n', '')}${group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref SshAllowedCidr2 }\n')}`,
    },
    {
      name: 'JSON: SSH from anywhere',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "test",\n        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}]\n      }\n    }\n  }\n}\n',
      findings: [{ range: '7:96-7:107' }],
      output:
        '{\n  "Parameters": {\n    "SshAllowedCidr": {\n      "Type": "String",\n      "Description": "The IPv4 range allowed to reach SSH, e.g. 203.0.113.0/24",\n      "AllowedPattern": "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$",\n      "ConstraintDescription": "must be an IPv4 CIDR block such as 203.0.113.0/24"\n    }\n  },\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "test",\n        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": {"Ref": "SshAllowedCidr"}}]\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'CIDR through a Sub of a parameter that allows several values',
      code: `Parameters:\n  Cidr: { Type: String, Default: 0.0.0.0/0, AllowedValues: [0.0.0.0/0, 10.0.0.0/8] }\n${group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Sub "${Cidr}" }\n')}`,
      findings: [{ range: '9:64-9:78', message: 'Ingress rule opens SSH (port 22) to the whole internet (0.0.0.0/0) (from the default of parameter Cidr).' }],
      output: null,
    },
    {
      name: 'standalone ingress with CIDR from a parameter default',
      code: 'Parameters:\n  AdminCidr: { Type: String, Default: 0.0.0.0/0 }\nResources:\n  Ssh:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref Sg\n      IpProtocol: tcp\n      FromPort: 22\n      ToPort: 22\n      CidrIp: !Ref AdminCidr\n',
      findings: [{ range: '11:15-11:29', message: 'Ingress rule opens SSH (port 22) to the whole internet (0.0.0.0/0) (from the default of parameter AdminCidr).' }],
      output: null,
    },
  ],
});
