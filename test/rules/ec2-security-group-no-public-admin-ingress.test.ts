import rule from '../../rules/infrastructure-protection/ec2-security-group-no-public-admin-ingress';
import { testRule } from '../helpers/rule-tester';

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
      output: null,
    },
    {
      name: 'RDP over IPv6',
      code: group('        - { IpProtocol: udp, FromPort: 3389, ToPort: 3389, CidrIpv6: "::/0" }\n'),
      findings: [{ range: '7:70-7:76', message: 'Ingress rule opens RDP (port 3389) to the whole internet (::/0).' }],
      output: null,
    },
    {
      name: 'all protocols',
      code: group('        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }\n'),
      findings: [{ range: '7:39-7:48', message: 'Ingress rule opens all ports and protocols to the whole internet (0.0.0.0/0).' }],
      output: null,
    },
    {
      name: 'a port range that includes SSH and RDP',
      code: group('        - { IpProtocol: tcp, FromPort: 0, ToPort: 4000, CidrIp: 0.0.0.0/0 }\n'),
      findings: [{ range: '7:65-7:74', message: 'Ingress rule opens SSH (port 22) and RDP (port 3389) to the whole internet (0.0.0.0/0).' }],
      output: null,
    },
    {
      name: 'a rule added under a condition',
      code: group('        - !If\n          - IsDev\n          - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n          - !Ref AWS::NoValue\n'),
      findings: [{ range: '9:66-9:75', message: 'Ingress rule opens SSH (port 22) to the whole internet (0.0.0.0/0).' }],
      output: null,
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
