import rule from '../../rules/data-protection/dax-cluster-encrypted';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string) => `Resources:\n  Cache:\n    Type: AWS::DAX::Cluster\n    Properties:\n      NodeType: dax.t3.small\n${properties}`;
const encrypted = '      SSESpecification:\n        SSEEnabled: true\n';

testRule(rule, {
  valid: [
    { name: 'encrypted', code: cluster(encrypted) },
    { name: 'encrypted, as a string', code: cluster('      SSESpecification:\n        SSEEnabled: "true"\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Encrypt:\n    Type: String\n${cluster('      SSESpecification:\n        SSEEnabled: !Ref Encrypt\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Cache": {"Type": "AWS::DAX::Cluster", "Properties": {"SSESpecification": {"SSEEnabled": true}}}}}' },
  ],
  invalid: [
    {
      name: 'no SSESpecification',
      code: cluster(''),
      findings: [{ range: '4:5-4:15', message: 'Cache does not turn on encryption at rest: SSESpecification.SSEEnabled is not set and defaults to false.' }],
      output: cluster(encrypted),
    },
    {
      name: 'SSESpecification without SSEEnabled',
      code: cluster('      SSESpecification: {}\n'),
      findings: [{ range: '6:7-6:23' }],
      output: cluster('      SSESpecification: {SSEEnabled: true}\n'),
    },
    {
      name: 'turned off',
      code: cluster('      SSESpecification:\n        SSEEnabled: false\n'),
      findings: [{ range: '7:21-7:26', message: 'Cache turns off encryption at rest: SSESpecification.SSEEnabled is false.' }],
      output: cluster(encrypted),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${cluster('      SSESpecification:\n        SSEEnabled: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '9:21-9:46', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${cluster('      SSESpecification:\n        SSEEnabled: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n${cluster('      SSESpecification:\n        SSEEnabled: !Ref Encrypt\n')}`,
      findings: [{ range: '11:21-11:33', message: /from the default of parameter Encrypt/ }],
      output: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n${cluster('      SSESpecification:\n        SSEEnabled: !Ref Encrypt\n')}`,
    },
    {
      name: 'JSON, not set',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::DAX::Cluster",\n      "Properties": {\n        "NodeType": "dax.t3.small"\n      }\n    }\n  }\n}\n',
      findings: [{ range: '5:7-5:19' }],
      output: '{\n  "Resources": {\n    "Cache": {\n      "Type": "AWS::DAX::Cluster",\n      "Properties": {\n        "NodeType": "dax.t3.small",\n        "SSESpecification": {\n          "SSEEnabled": true\n        }\n      }\n    }\n  }\n}\n',
    },
  ],
});
