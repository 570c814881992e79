import rule from '../../rules/infrastructure-protection/ec2-security-group-no-public-database-ingress';
import { cidrParameter, securityGroup as group } from '../helpers/network';
import { testRule } from '../helpers/rule-tester';

testRule(rule, {
  valid: [
    { name: 'PostgreSQL from a private range', code: group('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.0.0/16 }\n') },
    { name: 'MySQL from the app tier security group', code: group('        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, SourceSecurityGroupId: !Ref App }\n') },
    { name: 'HTTPS from anywhere', code: group('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'all ports are left to the admin rule', code: group('        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }\n') },
    { name: 'all tcp ports are left to the admin rule', code: group('        - { IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIpv6: "::/0" }\n') },
    { name: 'MySQL port over UDP', code: group('        - { IpProtocol: udp, FromPort: 3306, ToPort: 3306, CidrIp: 0.0.0.0/0 }\n') },
    { name: 'egress to PostgreSQL anywhere', code: group('        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0 }\n', 'SecurityGroupEgress') },
    { name: 'port from a parameter without default', code: `Parameters:\n  Port: { Type: Number }\n${group('        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 }\n')}` },
    { name: 'CIDR from a parameter without default', code: `Parameters:\n  Cidr: { Type: String }\n${group('        - { IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIp: !Ref Cidr }\n')}` },
  ],
  invalid: [
    {
      name: 'MySQL from anywhere',
      code: group('        - IpProtocol: tcp\n          FromPort: 3306\n          ToPort: 3306\n          CidrIp: 0.0.0.0/0\n'),
      findings: [{ range: '10:19-10:28', message: 'Ingress rule opens MySQL (port 3306) to the whole internet (0.0.0.0/0).' }],
      output: cidrParameter('MySqlAllowedCidr', 'IPv4', 'MySQL') + group('        - IpProtocol: tcp\n          FromPort: 3306\n          ToPort: 3306\n          CidrIp: !Ref MySqlAllowedCidr\n'),
    },
    {
      name: 'Redis over IPv6 in a standalone ingress resource',
      code: 'Resources:\n  Cache:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-0123456789abcdef0\n      IpProtocol: "6"\n      FromPort: 6379\n      ToPort: 6379\n      CidrIpv6: ::/0\n',
      findings: [{ range: '9:17-9:21', message: 'Ingress rule opens Redis (port 6379) to the whole internet (::/0).' }],
      output: `${cidrParameter('RedisAllowedCidrIpv6', 'IPv6', 'Redis')}Resources:\n  Cache:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-0123456789abcdef0\n      IpProtocol: "6"\n      FromPort: 6379\n      ToPort: 6379\n      CidrIpv6: !Ref RedisAllowedCidrIpv6\n`,
    },
    {
      name: 'a port range that opens several databases',
      code: group('        - { IpProtocol: tcp, FromPort: 5000, ToPort: 6500, CidrIp: 0.0.0.0/0 }\n'),
      findings: [{ range: '7:68-7:77', message: 'Ingress rule opens PostgreSQL (port 5432), Redshift (port 5439), CouchDB (port 5984) and 1 more database port to the whole internet (0.0.0.0/0).' }],
      output: cidrParameter('DatabaseAllowedCidr', 'IPv4', 'database ports') + group('        - { IpProtocol: tcp, FromPort: 5000, ToPort: 6500, CidrIp: !Ref DatabaseAllowedCidr }\n'),
    },
    {
      name: 'both Elasticsearch ports',
      code: group('        - { IpProtocol: tcp, FromPort: 9200, ToPort: 9300, CidrIp: 0.0.0.0/0 }\n'),
      findings: [{ range: '7:68-7:77', message: 'Ingress rule opens Elasticsearch (port 9200) and Elasticsearch (port 9300) to the whole internet (0.0.0.0/0).' }],
      output: cidrParameter('ElasticsearchAllowedCidr', 'IPv4', 'Elasticsearch') + group('        - { IpProtocol: tcp, FromPort: 9200, ToPort: 9300, CidrIp: !Ref ElasticsearchAllowedCidr }\n'),
    },
    {
      name: 'Memcached over UDP',
      code: group('        - { IpProtocol: "17", FromPort: 11211, ToPort: 11211, CidrIp: 0.0.0.0/0 }\n'),
      findings: [{ range: '7:71-7:80', message: 'Ingress rule opens Memcached (port 11211) to the whole internet (0.0.0.0/0).' }],
      output: cidrParameter('MemcachedAllowedCidr', 'IPv4', 'Memcached') + group('        - { IpProtocol: "17", FromPort: 11211, ToPort: 11211, CidrIp: !Ref MemcachedAllowedCidr }\n'),
    },
    {
      name: 'a range that opens administration ports too is reported by both rules',
      code: group('        - { IpProtocol: tcp, FromPort: 1000, ToPort: 4000, CidrIp: 0.0.0.0/0 }\n'),
      findings: [{ range: '7:68-7:77', message: 'Ingress rule opens SQL Server (port 1433), Oracle (port 1521), Oracle (port 2483) and 2 more database ports to the whole internet (0.0.0.0/0).' }],
      output: cidrParameter('DatabaseAllowedCidr', 'IPv4', 'database ports') + group('        - { IpProtocol: tcp, FromPort: 1000, ToPort: 4000, CidrIp: !Ref DatabaseAllowedCidr }\n'),
    },
    {
      name: 'open in one branch of a condition',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::Region, eu-west-1]\n${group('        - { IpProtocol: tcp, FromPort: 27017, ToPort: 27017, CidrIp: !If [IsDev, 0.0.0.0/0, 10.0.0.0/8] }\n')}`,
      findings: [{ range: '9:70-9:104', message: 'Ingress rule opens MongoDB (port 27017) to the whole internet (0.0.0.0/0) (when condition IsDev is true).' }],
      output: null,
    },
    {
      name: 'CIDR from a parameter default',
      code: `Parameters:\n  ClientCidr: { Type: String, Default: 0.0.0.0/0 }\n${group('        - { IpProtocol: tcp, FromPort: 1433, ToPort: 1433, CidrIp: !Ref ClientCidr }\n')}`,
      findings: [{ range: '9:68-9:83', message: 'Ingress rule opens SQL Server (port 1433) to the whole internet (0.0.0.0/0) (from the default of parameter ClientCidr).' }],
      output: null,
    },
    {
      name: 'JSON: PostgreSQL from anywhere',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "test",\n        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "CidrIp": "0.0.0.0/0"}]\n      }\n    }\n  }\n}\n',
      findings: [{ range: '7:100-7:111' }],
      output:
        '{\n  "Parameters": {\n    "PostgresAllowedCidr": {\n      "Type": "String",\n      "Description": "The IPv4 range allowed to reach PostgreSQL, e.g. 203.0.113.0/24",\n      "AllowedPattern": "^(\\\\d{1,3}\\\\.){3}\\\\d{1,3}/(\\\\d|[12]\\\\d|3[0-2])$",\n      "ConstraintDescription": "must be an IPv4 CIDR block such as 203.0.113.0/24"\n    }\n  },\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n        "GroupDescription": "test",\n        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "CidrIp": {"Ref": "PostgresAllowedCidr"}}]\n      }\n    }\n  }\n}\n',
    },
  ],
});
