import rule from '../../rules/infrastructure-protection/ec2-network-acl-no-public-admin-ingress';
import { cidrParameter } from '../helpers/network';
import { testRule } from '../helpers/rule-tester';

/** A network ACL `Acl` and entry `Entry` with the given properties (indented by 6 spaces), and more resources after. */
const acl = (entry: string, more = '') =>
  `Resources:\n  Acl:\n    Type: AWS::EC2::NetworkAcl\n    Properties:\n      VpcId: vpc-0123456789abcdef0\n  Entry:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: !Ref Acl\n      RuleNumber: 100\n${entry}${more}`;
const deny = (name: string, number: number, body: string) =>
  `  ${name}:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: !Ref Acl\n      RuleNumber: ${number}\n      RuleAction: deny\n${body}`;
const ssh = '      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n      PortRange: { From: 22, To: 22 }\n';
const all = '      Protocol: -1\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n';

testRule(rule, {
  valid: [
    { name: 'HTTPS from anywhere', code: acl('      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n      PortRange: { From: 443, To: 443 }\n') },
    { name: 'ephemeral ports for replies', code: acl('      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n      PortRange: { From: 1024, To: 65535 }\n') },
    { name: 'SSH from a private range', code: acl('      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 10.0.0.0/8\n      PortRange: { From: 22, To: 22 }\n') },
    { name: 'all traffic out', code: acl('      Protocol: -1\n      RuleAction: allow\n      Egress: true\n      CidrBlock: 0.0.0.0/0\n') },
    { name: 'a deny entry', code: acl('      Protocol: -1\n      RuleAction: deny\n      CidrBlock: 0.0.0.0/0\n') },
    { name: 'ICMP from anywhere', code: acl('      Protocol: 1\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n      Icmp: { Code: -1, Type: -1 }\n') },
    { name: 'direction from a parameter without default', code: `Parameters:\n  Out: { Type: String }\n${acl(`      Egress: !Ref Out\n${all}`)}` },
    { name: 'ports from a parameter without default', code: `Parameters:\n  Port: { Type: Number }\n${acl('      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n      PortRange: { From: !Ref Port, To: !Ref Port }\n')}` },
    {
      name: 'all traffic, with SSH and RDP denied by earlier entries',
      code: acl(all, deny('DenySsh', 90, '      Protocol: 6\n      CidrBlock: 0.0.0.0/0\n      PortRange: { From: 22, To: 22 }\n') + deny('DenyRdp', 91, '      Protocol: -1\n      CidrBlock: 0.0.0.0/0\n')),
    },
  ],
  invalid: [
    {
      name: 'SSH from anywhere',
      code: acl(ssh),
      findings: [{ range: '13:18-13:27', message: 'Entry allows SSH (port 22) in from the whole internet (0.0.0.0/0).' }],
      output: cidrParameter('SshAllowedCidr', 'IPv4', 'SSH') + acl(ssh.replace('0.0.0.0/0', '!Ref SshAllowedCidr')),
    },
    {
      name: 'all traffic from anywhere, written as in the VPC quick starts',
      code: acl('      Protocol: "-1"\n      RuleAction: "allow"\n      Egress: "false"\n      CidrBlock: "0.0.0.0/0"\n'),
      findings: [{ range: '14:18-14:29', message: 'Entry allows all traffic, SSH (port 22) and RDP (port 3389) included, in from the whole internet (0.0.0.0/0).' }],
      output: null,
    },
    {
      name: 'RDP over UDP from anywhere over IPv6',
      code: acl('      Protocol: 17\n      RuleAction: allow\n      Ipv6CidrBlock: ::/0\n      PortRange: { From: 3000, To: 4000 }\n'),
      findings: [{ range: '13:22-13:26', message: 'Entry allows RDP (port 3389) in from the whole internet (::/0).' }],
      output: cidrParameter('RdpAllowedCidrIpv6', 'IPv6', 'RDP') + acl('      Protocol: 17\n      RuleAction: allow\n      Ipv6CidrBlock: !Ref RdpAllowedCidrIpv6\n      PortRange: { From: 3000, To: 4000 }\n'),
    },
    {
      name: 'a deny of SSH that comes later does not help',
      code: acl(all, deny('DenySsh', 200, '      Protocol: 6\n      CidrBlock: 0.0.0.0/0\n      PortRange: { From: 22, To: 22 }\n')),
      findings: [{ range: '13:18-13:27', message: 'Entry allows all traffic, SSH (port 22) and RDP (port 3389) included, in from the whole internet (0.0.0.0/0).' }],
      output: null,
    },
    {
      name: 'an earlier deny of SSH leaves RDP open',
      code: acl(all, deny('DenySsh', 50, '      Protocol: 6\n      CidrBlock: 0.0.0.0/0\n      PortRange: { From: 22, To: 22 }\n')),
      findings: [{ range: '13:18-13:27', message: 'Entry allows all traffic, RDP (port 3389) included, in from the whole internet (0.0.0.0/0).' }],
      output: null,
    },
    {
      name: 'an earlier IPv4 deny does not cover IPv6',
      code: acl('      Protocol: 6\n      RuleAction: allow\n      Ipv6CidrBlock: ::/0\n      PortRange: { From: 22, To: 22 }\n', deny('DenySsh', 50, '      Protocol: 6\n      CidrBlock: 0.0.0.0/0\n      PortRange: { From: 22, To: 22 }\n')),
      findings: [{ range: '13:22-13:26', message: 'Entry allows SSH (port 22) in from the whole internet (::/0).' }],
      output: cidrParameter('SshAllowedCidrIpv6', 'IPv6', 'SSH') + acl('      Protocol: 6\n      RuleAction: allow\n      Ipv6CidrBlock: !Ref SshAllowedCidrIpv6\n      PortRange: { From: 22, To: 22 }\n', deny('DenySsh', 50, '      Protocol: 6\n      CidrBlock: 0.0.0.0/0\n      PortRange: { From: 22, To: 22 }\n')),
    },
    {
      name: 'CIDR from a parameter default',
      code: `Parameters:\n  AdminCidr: { Type: String, Default: 0.0.0.0/0 }\n${acl('      Protocol: 6\n      RuleAction: allow\n      CidrBlock: !Ref AdminCidr\n      PortRange: { From: 22, To: 22 }\n')}`,
      findings: [{ range: '15:18-15:32', message: 'Entry allows SSH (port 22) in from the whole internet (0.0.0.0/0) (from the default of parameter AdminCidr).' }],
      output: null,
    },
    {
      name: 'all tcp ports in one branch of a condition',
      code: `Conditions:\n  Open: !Equals [!Ref AWS::Region, us-east-1]\n${acl('      Protocol: 6\n      RuleAction: allow\n      CidrBlock: !If [Open, 0.0.0.0/0, 10.0.0.0/8]\n      PortRange: { From: 0, To: 65535 }\n')}`,
      findings: [{ range: '15:18-15:51', message: 'Entry allows all tcp ports, SSH (port 22) and RDP (port 3389) included, in from the whole internet (0.0.0.0/0) (when condition Open is true).' }],
      output: null,
    },
    {
      name: 'JSON: SSH from anywhere',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Entry": {\n      "Type": "AWS::EC2::NetworkAclEntry",\n      "Properties": {\n        "NetworkAclId": "acl-0123456789abcdef0", "RuleNumber": 100, "Protocol": 6, "RuleAction": "allow",\n        "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 22, "To": 22}\n      }\n    }\n  }\n}\n',
      findings: [{ range: '7:22-7:33' }],
      output:
        '{\n  "Parameters": {\n    "SshAllowedCidr": {\n      "Type": "String",\n      "Description": "The IPv4 range allowed to reach SSH, e.g. 203.0.113.0/24",\n      "AllowedPattern": "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$",\n      "ConstraintDescription": "must be an IPv4 CIDR block such as 203.0.113.0/24"\n    }\n  },\n  "Resources": {\n    "Entry": {\n      "Type": "AWS::EC2::NetworkAclEntry",\n      "Properties": {\n        "NetworkAclId": "acl-0123456789abcdef0", "RuleNumber": 100, "Protocol": 6, "RuleAction": "allow",\n        "CidrBlock": {"Ref": "SshAllowedCidr"}, "PortRange": {"From": 22, "To": 22}\n      }\n    }\n  }\n}\n',
    },
  ],
});
