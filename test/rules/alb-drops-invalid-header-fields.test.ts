import rule from '../../rules/infrastructure-protection/alb-drops-invalid-header-fields';
import { testRule } from '../helpers/rule-tester';

const balancer = (extra = '') => `Resources:\n  Balancer:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n${extra}`;
const attributes = (...entries: string[]) => `      LoadBalancerAttributes:\n${entries.join('')}`;
const entry = (key: string, value: string) => `        - Key: ${key}\n          Value: ${value}\n`;
const DROP = 'routing.http.drop_invalid_header_fields.enabled';

testRule(rule, {
  valid: [
    { name: 'attribute true, as text', code: balancer(attributes(entry(DROP, '"true"'))) },
    { name: 'attribute true, as a boolean', code: balancer(attributes(entry('idle_timeout.timeout_seconds', '"60"'), entry(DROP, 'true'))) },
    { name: 'network load balancer', code: balancer('      Type: network\n') },
    { name: 'gateway load balancer', code: balancer('      Type: gateway\n') },
    { name: 'value from a parameter without a default', code: `Parameters:\n  Drop:\n    Type: String\n${balancer(attributes(entry(DROP, '!Ref Drop')))}` },
    { name: 'JSON, attribute true', file: 't.json', code: `{"Resources": {"Balancer": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"LoadBalancerAttributes": [{"Key": "${DROP}", "Value": "true"}]}}}}` },
  ],
  invalid: [
    {
      name: 'no attributes at all',
      code: balancer(),
      findings: [{ range: '4:5-4:15', message: `Balancer passes invalid HTTP header fields to its targets: ${DROP} is not set and defaults to false.` }],
      output: balancer(attributes(entry(DROP, '"true"'))),
    },
    {
      name: 'other attributes only: the entry is appended',
      code: balancer(attributes(entry('idle_timeout.timeout_seconds', '"60"'))),
      findings: [{ range: '6:7-6:29' }],
      output: balancer(attributes(entry('idle_timeout.timeout_seconds', '"60"'), entry(DROP, '"true"'))),
    },
    {
      name: 'attribute false, application load balancer written out',
      code: balancer(`      Type: application\n${attributes(entry(DROP, '"false"'))}`),
      findings: [{ range: '9:18-9:25', message: `Balancer passes invalid HTTP header fields to its targets: ${DROP} is not true.` }],
      output: balancer(`      Type: application\n${attributes(entry(DROP, '"true"'))}`),
    },
    {
      name: 'attribute from a parameter default',
      code: `Parameters:\n  Drop:\n    Type: String\n    Default: "false"\n${balancer(attributes(entry(DROP, '!Ref Drop')))}`,
      findings: [{ range: '12:18-12:27', message: /from the default of parameter Drop/ }],
      output: `Parameters:\n  Drop:\n    Type: String\n    Default: "true"\n${balancer(attributes(entry(DROP, '!Ref Drop')))}`,
    },
    {
      name: 'attribute false on one branch of !If',
      code: `Conditions:\n  Strict: !Equals [!Ref AWS::StackName, prod]\n${balancer(attributes(entry(DROP, '!If [Strict, "true", "false"]')))}`,
      findings: [{ range: '10:18-10:47', message: /\(when condition Strict is false\)/ }],
      output: `Conditions:\n  Strict: !Equals [!Ref AWS::StackName, prod]\n${balancer(attributes(entry(DROP, '!If [Strict, "true", "true"]')))}`,
    },
    {
      name: 'JSON, no attributes',
      file: 't.json',
      code: '{"Resources": {"Balancer": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"Subnets": ["subnet-1"]}}}}',
      findings: [{ range: '1:82-1:94' }],
      output: `{"Resources": {"Balancer": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"Subnets": ["subnet-1"], "LoadBalancerAttributes": [\n  {\n    "Key": "${DROP}",\n    "Value": "true"\n  }\n]}}}}`,
    },
  ],
});
