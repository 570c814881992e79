import rule from '../../rules/infrastructure-protection/ec2-security-group-no-public-ingress';
import { cidrParameter, securityGroup as group } from '../helpers/network';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    { name: 'HTTPS from anywhere', code: group('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'HTTP over IPv6 from anywhere', code: group('        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIpv6: "::/0" }\n') },
    { name: 'HTTP/3 over UDP 443', code: group('        - { IpProtocol: udp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'a custom port from a private range', code: group('        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 10.0.0.0/16 }\n') },
    { name: 'a custom port from a load balancer group', code: group('        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref Alb }\n') },
    { name: 'ICMP from anywhere', code: group('        - { IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'SSH is left to the admin rule', code: group('        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'MySQL is left to the database rule', code: group('        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'all protocols are left to the admin rule', code: group('        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }\n') },
    { name: 'egress to any port', code: group('        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 0.0.0.0/0 }\n', 'SecurityGroupEgress') },
    { name: 'port from a parameter without default', code: `Parameters:\n  Port: { Type: Number }\n${group('        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 }\n')}` },
    {
      name: 'port from an empty parameter default (an optional rule, off until a port is given)',
      code: `Parameters:\n  Port: { Type: String, Default: '' }\nConditions:\n  HasPort: !Not [!Equals [!Ref Port, '']]\nResources:\n  Rule:\n    Type: AWS::EC2::SecurityGroupIngress\n    Condition: HasPort\n    Properties:\n      GroupId: !Ref Sg\n      IpProtocol: tcp\n      FromPort: !Ref Port\n      ToPort: !Ref Port\n      CidrIp: 0.0.0.0/0\n`,
    },
    { name: 'port from a parameter default that is a web port', code: `Parameters:\n  Port: { Type: Number, Default: 443 }\n${group('        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 }\n')}` },
  ],
  invalid: [
    {
      name: 'a custom port from anywhere',
      code: group('        - IpProtocol: tcp\n          FromPort: 8080\n          ToPort: 8080\n          CidrIp: 0.0.0.0/0\n'),
      findings: [{ range: '10:19-10:28', message: 'Ingress rule opens tcp port 8080 to the whole internet (0.0.0.0/0).' }],
      output: cidrParameter('Port8080AllowedCidr', 'IPv4', 'tcp port 8080') + group('        - IpProtocol: tcp\n          FromPort: 8080\n          ToPort: 8080\n          CidrIp: !Ref Port8080AllowedCidr\n'),
    },
    {
      name: 'a range that spans the web ports',
      code: group('        - { IpProtocol: tcp, FromPort: 80, ToPort: 443, CidrIp: 0.0.0.0/0 }\n'),
      findings: [{ range: '7:65-7:74', message: 'Ingress rule opens tcp ports 80-443 to the whole internet (0.0.0.0/0).' }],
      output: cidrParameter('IngressAllowedCidr', 'IPv4', 'tcp ports 80-443') + group('        - { IpProtocol: tcp, FromPort: 80, ToPort: 443, CidrIp: !Ref IngressAllowedCidr }\n'),
    },
    {
      name: 'UDP over IPv6 in a standalone ingress resource',
      code: 'Resources:\n  Dns:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref Sg\n      IpProtocol: udp\n      FromPort: 53\n      ToPort: 53\n      CidrIpv6: ::/0\n',
      findings: [{ range: '9:17-9:21', message: 'Ingress rule opens udp port 53 to the whole internet (::/0).' }],
      output: `${cidrParameter('Port53AllowedCidrIpv6', 'IPv6', 'udp port 53')}Resources:\n  Dns:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref Sg\n      IpProtocol: udp\n      FromPort: 53\n      ToPort: 53\n      CidrIpv6: !Ref Port53AllowedCidrIpv6\n`,
    },
    {
      name: 'port from a parameter default',
      code: `Parameters:\n  Port: { Type: Number, Default: 8443 }\n${group('        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 }\n')}`,
      findings: [{ range: '9:78-9:87', message: 'Ingress rule opens tcp port 8443 to the whole internet (0.0.0.0/0).' }],
      output: `Parameters:\n  Port: { Type: Number, Default: 8443 }\n${cidrParameter('Port8443AllowedCidr', 'IPv4', 'tcp port 8443').replace('Parameters:\n', '')}${group('        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: !Ref Port8443AllowedCidr }\n')}`,
    },
    {
      name: 'open only when a condition holds',
      code: `Conditions:\n  Public: !Equals [!Ref AWS::Region, us-east-1]\n${group('        - !If [Public, { IpProtocol: tcp, FromPort: 3000, ToPort: 3000, CidrIp: 0.0.0.0/0 }, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '9:81-9:90', message: 'Ingress rule opens tcp port 3000 to the whole internet (0.0.0.0/0).' }],
      output: `${cidrParameter('Port3000AllowedCidr', 'IPv4', 'tcp port 3000')}Conditions:\n  Public: !Equals [!Ref AWS::Region, us-east-1]\n${group('        - !If [Public, { IpProtocol: tcp, FromPort: 3000, ToPort: 3000, CidrIp: !Ref Port3000AllowedCidr }, !Ref AWS::NoValue]\n')}`,
    },
    {
      name: 'CIDR from a parameter default',
      code: `Parameters:\n  Cidr: { Type: String, Default: 0.0.0.0/0 }\n${group('        - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: !Ref Cidr }\n')}`,
      findings: [{ range: '9:68-9:77', message: 'Ingress rule opens tcp port 8080 to the whole internet (0.0.0.0/0) (from the default of parameter Cidr).' }],
      output: null,
    },
    {
      name: 'JSON: a custom port from anywhere',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "test",\n        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 9090, "ToPort": 9090, "CidrIp": "0.0.0.0/0"}]\n      }\n    }\n  }\n}\n',
      findings: [{ range: '7:100-7:111' }],
      output:
        '{\n  "Parameters": {\n    "Port9090AllowedCidr": {\n      "Type": "String",\n      "Description": "The IPv4 range allowed to reach tcp port 9090, e.g. 203.0.113.0/24",\n      "AllowedPattern": "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$",\n      "ConstraintDescription": "must be an IPv4 CIDR block such as 203.0.113.0/24"\n    }\n  },\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "test",\n        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 9090, "ToPort": 9090, "CidrIp": {"Ref": "Port9090AllowedCidr"}}]\n      }\n    }\n  }\n}\n',
    },
  ],
});

// Ports named in the option are not reported; the web ports are then no longer authorized.
testRule(
  rule,
  {
    valid: [
      { name: 'option: an authorized port', code: group('        - { IpProtocol: tcp, FromPort: 8443, ToPort: 8443, CidrIp: 0.0.0.0/0 }\n') },
      { name: 'option: a range inside an authorized range', code: group('        - { IpProtocol: udp, FromPort: 10000, ToPort: 10100, CidrIp: 0.0.0.0/0 }\n') },
      { name: 'option: a range covered by two authorized items', code: group('        - { IpProtocol: tcp, FromPort: 8443, ToPort: 8444, CidrIp: 0.0.0.0/0 }\n') },
    ],
    invalid: [
      {
        name: 'option: HTTP is no longer authorized',
        code: group('        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }\n'),
        findings: [{ range: '7:64-7:73', message: 'Ingress rule opens tcp port 80 to the whole internet (0.0.0.0/0).' }],
        output: cidrParameter('Port80AllowedCidr', 'IPv4', 'tcp port 80') + group('        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: !Ref Port80AllowedCidr }\n'),
      },
    ],
  },
  { authorizedPorts: ['8443', '8444', '10000-20000', 'not a port'] },
);
