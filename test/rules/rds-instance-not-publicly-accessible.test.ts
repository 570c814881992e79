import rule from '../../rules/infrastructure-protection/rds-instance-not-publicly-accessible';
import { testRule } from '../helpers/rule-tester';

const db = (properties: string) => `Resources:\n  Database:\n    Type: AWS::RDS::DBInstance\n    Properties:\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'private', code: db('      Engine: postgres\n      PubliclyAccessible: false\n') },
    { name: 'not set: private unless placed in default subnets, which the template does not say', code: db('      Engine: postgres\n') },
    { name: 'no Properties at all', code: 'Resources:\n  Database:\n    Type: AWS::RDS::DBInstance\n' },
    { name: 'false as a string', code: db('      PubliclyAccessible: "False"\n') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Public:\n    Type: String\n${db('      PubliclyAccessible: !Ref Public\n').slice(0)}` },
    {
      name: 'parameter that can only be false',
      code: `Parameters:\n  Public:\n    Type: String\n    Default: "false"\n    AllowedValues: ["false"]\n${db('      PubliclyAccessible: !Ref Public\n')}`,
    },
    { name: 'removed with AWS::NoValue', code: db('      PubliclyAccessible: !Ref AWS::NoValue\n') },
    { name: 'JSON, private', file: 't.json', code: '{"Resources": {"Database": {"Type": "AWS::RDS::DBInstance", "Properties": {"PubliclyAccessible": false}}}}' },
    { name: 'other types are not checked', code: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      PubliclyAccessible: true\n' },
  ],
  invalid: [
    {
      name: 'public',
      code: db('      Engine: postgres\n      PubliclyAccessible: true\n'),
      findings: [{ range: '6:27-6:31', message: 'Database can be reached from the internet: PubliclyAccessible is true.' }],
      output: db('      Engine: postgres\n      PubliclyAccessible: false\n'),
    },
    {
      name: 'public as a string',
      code: db('      PubliclyAccessible: "true"\n'),
      findings: [{ range: '5:27-5:33' }],
      output: db('      PubliclyAccessible: "false"\n'),
    },
    {
      name: 'a member of an Aurora cluster is public on its own',
      code: db('      DBClusterIdentifier: !Ref Cluster\n      PubliclyAccessible: true\n'),
      findings: [{ range: '6:27-6:31' }],
      output: db('      DBClusterIdentifier: !Ref Cluster\n      PubliclyAccessible: false\n'),
    },
    {
      name: 'parameter defaulting to true: the default is changed',
      code: `Parameters:\n  Public:\n    Type: String\n    Default: "true"\n${db('      PubliclyAccessible: !Ref Public\n')}`,
      findings: [{ range: '9:27-9:38', message: 'Database can be reached from the internet: PubliclyAccessible is true (from the default of parameter Public).' }],
      output: `Parameters:\n  Public:\n    Type: String\n    Default: "false"\n${db('      PubliclyAccessible: !Ref Public\n')}`,
    },
    {
      name: 'parameter that allows true: only false stays allowed',
      code: `Parameters:\n  Public:\n    Type: String\n    Default: "false"\n    AllowedValues: ["true", "false"]\n${db('      PubliclyAccessible: !Ref Public\n')}`,
      findings: [{ range: '10:27-10:38' }],
      output: `Parameters:\n  Public:\n    Type: String\n    Default: "false"\n    AllowedValues: ["false"]\n${db('      PubliclyAccessible: !Ref Public\n')}`,
    },
    {
      name: 'true on one branch of a condition',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${db('      PubliclyAccessible: !If [IsDev, true, false]\n')}`,
      findings: [{ range: '7:27-7:51', message: 'Database can be reached from the internet: PubliclyAccessible is true (when condition IsDev is true).' }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${db('      PubliclyAccessible: !If [IsDev, false, false]\n')}`,
    },
    {
      name: 'from a mapping: set in place',
      code: `Mappings:\n  Env:\n    dev:\n      Public: true\n${db('      PubliclyAccessible: !FindInMap [Env, dev, Public]\n')}`,
      findings: [{ range: '9:27-9:56' }],
      // A mapping value may serve other keys: the value is written in place first.
      output: `Mappings:\n  Env:\n    dev:\n      Public: true\n${db('      PubliclyAccessible: false\n')}`,
    },
    {
      name: 'JSON, public',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Database": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "mysql",\n        "PubliclyAccessible": true\n      }\n    }\n  }\n}\n',
      findings: [{ range: '7:31-7:35' }],
      output: '{\n  "Resources": {\n    "Database": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "mysql",\n        "PubliclyAccessible": false\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'JSON, parameter defaulting to true',
      file: 't.json',
      code: '{\n  "Parameters": {"Public": {"Type": "String", "Default": "true"}},\n  "Resources": {\n    "Database": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {"PubliclyAccessible": {"Ref": "Public"}}\n    }\n  }\n}\n',
      findings: [{ range: '6:44-6:61' }],
      output: '{\n  "Parameters": {"Public": {"Type": "String", "Default": "false"}},\n  "Resources": {\n    "Database": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {"PubliclyAccessible": {"Ref": "Public"}}\n    }\n  }\n}\n',
    },
  ],
});
