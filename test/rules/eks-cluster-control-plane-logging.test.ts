import rule from '../../rules/detective-controls/eks-cluster-control-plane-logging';
import { testRule } from '../helpers/rule-tester';

const cluster = (properties: string) => `Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: arn:aws:iam::123456789012:role/eks\n${properties}`;
const types = (list: string) => cluster(`      Logging:\n        ClusterLogging:\n          EnabledTypes:\n${list}`);

testRule(rule, {
  valid: [
    { name: 'the three types', code: types('            - Type: api\n            - Type: audit\n            - Type: authenticator\n') },
    { name: 'all five types, any case', code: types('            - { Type: API }\n            - { Type: Audit }\n            - { Type: authenticator }\n            - { Type: controllerManager }\n            - { Type: scheduler }\n') },
    { name: 'a list from an import is not known', code: cluster('      Logging:\n        ClusterLogging:\n          EnabledTypes: !Split [",", !ImportValue eks-log-types]\n') },
    { name: 'a type from a parameter default', code: `Parameters:\n  Third:\n    Type: String\n    Default: authenticator\n${types('            - Type: api\n            - Type: audit\n            - Type: !Ref Third\n')}` },
    { name: 'JSON, the three types', file: 't.json', code: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": "api"}, {"Type": "audit"}, {"Type": "authenticator"}]}}}}}}' },
  ],
  invalid: [
    {
      name: 'no logging: the fix adds the three types',
      code: cluster(''),
      findings: [{ range: '4:5-4:15', message: 'Cluster does not publish its control plane logs: Logging.ClusterLogging.EnabledTypes is not set.' }],
      output: cluster('      Logging:\n        ClusterLogging:\n          EnabledTypes:\n            - Type: api\n            - Type: audit\n            - Type: authenticator\n'),
    },
    {
      name: 'api only: the fix adds the missing types',
      code: types('            - Type: api\n'),
      findings: [{ range: '9:13-9:24', message: 'Cluster does not publish its control plane logs: Logging.ClusterLogging.EnabledTypes lacks "audit", "authenticator".' }],
      output: types('            - Type: api\n            - Type: audit\n            - Type: authenticator\n'),
    },
    {
      name: 'audit only under one branch of !If counts; authenticator missing',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${types('            - Type: api\n            - !If [IsProd, { Type: audit }, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '11:13-12:63', message: 'Cluster does not publish its control plane logs: Logging.ClusterLogging.EnabledTypes lacks "authenticator".' }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${types('            - Type: api\n            - !If [IsProd, { Type: audit }, !Ref AWS::NoValue]\n            - Type: authenticator\n')}`,
    },
    {
      name: 'logging in one branch of !If only',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${cluster('      Logging: !If\n        - IsProd\n        - ClusterLogging:\n            EnabledTypes: [{ Type: api }, { Type: audit }, { Type: authenticator }]\n        - !Ref AWS::NoValue\n')}`,
      findings: [{ range: '8:7-8:14', message: /is not set \(when condition IsProd is false\)/ }],
      output: null,
    },
    {
      name: 'JSON, an empty list',
      file: 't.json',
      code: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"Logging": {"ClusterLogging": {"EnabledTypes": []}}}}}}',
      findings: [{ range: '1:119-1:121' }],
      // Items written into a one-line JSON list are laid out as the engine renders new maps.
      output: '{"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"Logging": {"ClusterLogging": {"EnabledTypes": [{\n  "Type": "api"\n}, {\n  "Type": "audit"\n}, {\n  "Type": "authenticator"\n}]}}}}}}',
    },
  ],
});
