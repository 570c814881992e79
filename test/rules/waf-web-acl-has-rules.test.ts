import rule from '../../rules/infrastructure-protection/waf-web-acl-has-rules';
import { testRule } from '../helpers/rule-tester';

const acl = (action: string, rules = '') =>
  `Resources:\n  Acl:\n    Type: AWS::WAFv2::WebACL\n    Properties:\n      Scope: REGIONAL\n      DefaultAction:\n        ${action}: {}\n      VisibilityConfig:\n        SampledRequestsEnabled: true\n        CloudWatchMetricsEnabled: true\n        MetricName: acl\n${rules}`;
const oneRule = '      Rules:\n        - Name: rate\n          Priority: 0\n          Action:\n            Block: {}\n          Statement:\n            RateBasedStatement:\n              Limit: 1000\n              AggregateKeyType: IP\n          VisibilityConfig:\n            SampledRequestsEnabled: true\n            CloudWatchMetricsEnabled: true\n            MetricName: rate\n';
const classic = (type: string, rules = '') => `Resources:\n  Acl:\n    Type: AWS::WAFRegional::WebACL\n    Properties:\n      Name: acl\n      MetricName: acl\n      DefaultAction:\n        Type: ${type}\n${rules}`;

testRule(rule, {
  valid: [
    { name: 'allow by default, with a rule', code: acl('Allow', oneRule) },
    { name: 'block by default without rules blocks everything', code: acl('Block') },
    { name: 'classic ACL that blocks by default', code: classic('BLOCK') },
    { name: 'classic ACL with a rule', code: classic('ALLOW', '      Rules:\n        - Action: {Type: BLOCK}\n          Priority: 1\n          RuleId: abc\n') },
    { name: 'rules from a parameter-free intrinsic', code: acl('Allow', '      Rules: !GetAtt Other.Rules\n') },
    { name: 'JSON, allow with a rule', file: 't.json', code: '{"Resources": {"Acl": {"Type": "AWS::WAFv2::WebACL", "Properties": {"Scope": "CLOUDFRONT", "DefaultAction": {"Allow": {}}, "Rules": [{"Name": "r", "Priority": 0}]}}}}' },
  ],
  invalid: [
    {
      name: 'allow by default, no rules',
      code: acl('Allow'),
      findings: [{ range: '4:5-4:15', message: 'Acl lets every request through: its default action is Allow and it has no rules.' }],
      output: null,
    },
    {
      name: 'allow by default, empty rules',
      code: acl('Allow', '      Rules: []\n'),
      findings: [{ range: '12:14-12:16', message: 'Acl lets every request through: its default action is Allow and its Rules list is empty.' }],
      output: null,
    },
    {
      name: 'rules only on one branch of !If',
      code: `Conditions:\n  Strict: !Equals [!Ref AWS::StackName, prod]\n${acl('Allow', '      Rules: !If [Strict, [{Name: r, Priority: 0}], !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '14:14-14:71', message: /\(when condition Strict is false\)/ }],
      output: null,
    },
    {
      name: 'classic regional ACL that allows by default',
      code: classic('ALLOW'),
      findings: [{ range: '4:5-4:15', message: 'Acl lets every request through: its DefaultAction is ALLOW and it has no rules.' }],
      output: null,
    },
    {
      name: 'JSON, allow without rules',
      file: 't.json',
      code: '{"Resources": {"Acl": {"Type": "AWS::WAFv2::WebACL", "Properties": {"Scope": "CLOUDFRONT", "DefaultAction": {"Allow": {}}}}}}',
      findings: [{ range: '1:54-1:66' }],
      output: null,
    },
  ],
});
