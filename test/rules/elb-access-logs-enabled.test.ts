import rule from '../../rules/detective-controls/elb-access-logs-enabled';
import { testRule } from '../helpers/rule-tester';

const alb = (attributes: string, type = '') => `Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n${type}      Subnets: [subnet-1, subnet-2]\n${attributes}`;
const attribute = (key: string, value: string) => `        - Key: ${key}\n          Value: ${value}\n`;
const on = attribute('access_logs.s3.enabled', '"true"') + attribute('access_logs.s3.bucket', 'elb-logs');
const classic = (policy: string) => `Resources:\n  Legacy:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners: [{ LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS }]\n${policy}`;
const listener = (protocol: string) => `  Listener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Web\n      Port: 443\n      Protocol: ${protocol}\n`;
const condition = 'Conditions:\n  Prod: !Equals [a, b]\n';

testRule(rule, {
  valid: [
    { name: 'an ALB logging to a bucket', code: alb(`      LoadBalancerAttributes:\n${on}`) },
    { name: 'enabled as a boolean', code: alb(`      LoadBalancerAttributes:\n${attribute('access_logs.s3.enabled', 'true')}${attribute('access_logs.s3.bucket', '!Ref Logs')}`) },
    { name: 'a network load balancer without a TLS listener writes no access logs', code: alb('', '      Type: network\n') + listener('TCP') },
    { name: 'a gateway load balancer has no access logs', code: alb('', '      Type: gateway\n') },
    {
      name: 'the switch under !If, on in one branch',
      code: condition + alb(`      LoadBalancerAttributes:\n        - !If [Prod, { Key: access_logs.s3.enabled, Value: "true" }, { Key: access_logs.s3.enabled, Value: "false" }]\n`),
    },
    { name: 'an attribute key from a parameter', code: `Parameters:\n  Key:\n    Type: String\n${alb('      LoadBalancerAttributes:\n        - Key: !Ref Key\n          Value: "true"\n')}` },
    { name: 'a classic load balancer logging', code: classic('      AccessLoggingPolicy:\n        Enabled: true\n        S3BucketName: elb-logs\n        EmitInterval: 5\n') },
    {
      name: 'JSON',
      file: 't.json',
      code: '{"Resources": {"Web": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "true"}, {"Key": "access_logs.s3.bucket", "Value": "b"}]}}}}',
    },
  ],
  invalid: [
    {
      name: 'an ALB without attributes',
      code: alb(''),
      findings: [{ range: '4:5-4:15', message: 'Web does not record access logs: LoadBalancerAttributes does not set access_logs.s3.enabled, which defaults to false.' }],
      output: null,
    },
    {
      name: 'an ALB with other attributes only',
      code: alb(`      LoadBalancerAttributes:\n${attribute('idle_timeout.timeout_seconds', '"60"')}`),
      findings: [{ range: '6:7-6:29', message: 'Web does not record access logs: LoadBalancerAttributes does not set access_logs.s3.enabled, which defaults to false.' }],
      output: null,
    },
    {
      name: 'the bucket named but the switch missing: the fix adds it',
      code: alb(`      LoadBalancerAttributes:\n${attribute('access_logs.s3.bucket', 'elb-logs')}`),
      findings: [{ range: '6:7-6:29' }],
      output: alb(`      LoadBalancerAttributes:\n${attribute('access_logs.s3.bucket', 'elb-logs')}        - Key: access_logs.s3.enabled\n          Value: "true"\n`),
    },
    {
      name: 'switched off, with the bucket named: the fix turns it on',
      code: alb(`      LoadBalancerAttributes:\n${attribute('access_logs.s3.enabled', '"false"')}${attribute('access_logs.s3.bucket', 'elb-logs')}`),
      findings: [{ range: '8:18-8:25', message: 'Web does not record access logs: access_logs.s3.enabled is false.' }],
      output: alb(`      LoadBalancerAttributes:\n${on}`),
    },
    {
      name: 'off from a parameter default',
      code: `Parameters:\n  AccessLogs:\n    Type: String\n    Default: "false"\n    AllowedValues: ["true", "false"]\n${alb(`      LoadBalancerAttributes:\n${attribute('access_logs.s3.enabled', '!Ref AccessLogs')}${attribute('access_logs.s3.bucket', 'elb-logs')}`)}`,
      findings: [{ range: '13:18-13:33', message: 'Web does not record access logs: access_logs.s3.enabled is false (from the default of parameter AccessLogs).' }],
      output: `Parameters:\n  AccessLogs:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true"]\n${alb(`      LoadBalancerAttributes:\n${attribute('access_logs.s3.enabled', '!Ref AccessLogs')}${attribute('access_logs.s3.bucket', 'elb-logs')}`)}`,
    },
    {
      name: 'the attribute list removed in one branch of !If',
      code: condition + alb(`      LoadBalancerAttributes: !If\n        - Prod\n        -\n${on.replace(/^/gm, '  ').trimEnd()}\n        - !Ref AWS::NoValue\n`),
      findings: [{ range: '8:31-15:28', message: 'Web does not record access logs: LoadBalancerAttributes does not set access_logs.s3.enabled, which defaults to false (when condition Prod is false).' }],
      output: null,
    },
    {
      name: 'off when the bucket is named only under a condition: no fix',
      code: condition + alb(`      LoadBalancerAttributes:\n${attribute('access_logs.s3.enabled', '!If [Prod, "true", "false"]')}        - !If [Prod, { Key: access_logs.s3.bucket, Value: elb-logs }, !Ref AWS::NoValue]\n`),
      findings: [{ range: '10:18-10:45', message: 'Web does not record access logs: access_logs.s3.enabled is false (when condition Prod is false).' }],
      output: null,
    },
    { name: 'a network load balancer with a TLS listener', code: alb('', '      Type: network\n') + listener('TLS'), findings: [{ range: '4:5-4:15' }], output: null },
    { name: 'a classic load balancer without a policy', code: classic(''), findings: [{ range: '4:5-4:15', message: 'Legacy does not record access logs: AccessLoggingPolicy.Enabled is not set.' }], output: null },
    {
      name: 'a classic load balancer with logging off: the fix turns it on',
      code: classic('      AccessLoggingPolicy:\n        Enabled: false\n        S3BucketName: elb-logs\n'),
      findings: [{ range: '7:18-7:23', message: 'Legacy does not record access logs: AccessLoggingPolicy.Enabled is false.' }],
      output: classic('      AccessLoggingPolicy:\n        Enabled: true\n        S3BucketName: elb-logs\n'),
    },
    {
      name: 'JSON, switched off',
      file: 't.json',
      code: '{"Resources": {"Web": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "false"}, {"Key": "access_logs.s3.bucket", "Value": "b"}]}}}}',
      findings: [{ range: '1:162-1:169' }],
      output: '{"Resources": {"Web": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "true"}, {"Key": "access_logs.s3.bucket", "Value": "b"}]}}}}',
    },
  ],
});
