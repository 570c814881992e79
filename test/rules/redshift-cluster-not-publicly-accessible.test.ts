import rule from '../../rules/infrastructure-protection/redshift-cluster-not-publicly-accessible';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string) => `Resources:\n  Warehouse:\n    Type: AWS::Redshift::Cluster\n    Properties:\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'private', code: cluster('      NodeType: ra3.xlplus\n      PubliclyAccessible: false\n') },
    { name: 'not set: new clusters are private by default', code: cluster('      NodeType: ra3.xlplus\n') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Public:\n    Type: String\n${cluster('      PubliclyAccessible: !Ref Public\n')}` },
    { name: 'JSON, private', file: 't.json', code: '{"Resources": {"Warehouse": {"Type": "AWS::Redshift::Cluster", "Properties": {"PubliclyAccessible": "false"}}}}' },
  ],
  invalid: [
    {
      name: 'public',
      code: cluster('      NodeType: ra3.xlplus\n      PubliclyAccessible: true\n'),
      findings: [{ range: '6:27-6:31', message: 'Warehouse can be reached from the internet: PubliclyAccessible is true.' }],
      output: cluster('      NodeType: ra3.xlplus\n      PubliclyAccessible: false\n'),
    },
    {
      name: 'parameter defaulting to true',
      code: `Parameters:\n  Public:\n    Type: String\n    AllowedValues: ["true", "false"]\n    Default: "true"\n${cluster('      PubliclyAccessible: !Ref Public\n')}`,
      findings: [{ range: '10:27-10:38', message: 'Warehouse can be reached from the internet: PubliclyAccessible is true (from the default of parameter Public).' }],
      output: `Parameters:\n  Public:\n    Type: String\n    AllowedValues: ["false"]\n    Default: "false"\n${cluster('      PubliclyAccessible: !Ref Public\n')}`,
    },
    {
      name: 'true on one branch of a condition',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${cluster('      PubliclyAccessible: !If [IsDev, !Ref AWS::NoValue, true]\n')}`,
      findings: [{ range: '7:27-7:63', message: 'Warehouse can be reached from the internet: PubliclyAccessible is true (when condition IsDev is false).' }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${cluster('      PubliclyAccessible: !If [IsDev, !Ref AWS::NoValue, false]\n')}`,
    },
    {
      name: 'JSON, public',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Warehouse": {\n      "Type": "AWS::Redshift::Cluster",\n      "Properties": {\n        "PubliclyAccessible": "true"\n      }\n    }\n  }\n}\n',
      findings: [{ range: '6:31-6:37' }],
      output: '{\n  "Resources": {\n    "Warehouse": {\n      "Type": "AWS::Redshift::Cluster",\n      "Properties": {\n        "PubliclyAccessible": "false"\n      }\n    }\n  }\n}\n',
    },
  ],
});
