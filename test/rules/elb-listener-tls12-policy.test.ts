import rule from '../../rules/data-protection/elb-listener-tls12-policy';
import { testRule } from '../helpers/rule-tester';

const listener = (protocol: string, policy = '') =>
  `Resources:\n  Web:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1\n      Port: 443\n      Protocol: ${protocol}\n${policy}      DefaultActions:\n        - Type: forward\n          TargetGroupArn: tg\n`;
const policy = (name: string) => `      SslPolicy: ${name}\n`;

testRule(rule, {
  valid: [
    { name: 'recommended TLS 1.3 and 1.2 policy', code: listener('HTTPS', policy('ELBSecurityPolicy-TLS13-1-2-2021-06')) },
    { name: 'TLS 1.2 policy', code: listener('HTTPS', policy('ELBSecurityPolicy-TLS-1-2-Ext-2018-06')) },
    { name: 'forward secrecy TLS 1.2 policy', code: listener('HTTPS', policy('ELBSecurityPolicy-FS-1-2-Res-2020-10')) },
    { name: 'TLS 1.3 only on an NLB TLS listener', code: listener('TLS', policy('ELBSecurityPolicy-TLS13-1-3-2021-06')) },
    { name: 'HTTP listener has no policy to check', code: listener('HTTP') },
    { name: 'TCP listener has no policy to check', code: listener('TCP') },
    { name: 'policy from a parameter without a default', code: `Parameters:\n  Policy:\n    Type: String\n${listener('HTTPS', policy('!Ref Policy'))}` },
  ],
  invalid: [
    {
      name: 'no SslPolicy: the 2016-08 default',
      code: listener('HTTPS'),
      findings: [{ range: '4:5-4:15', message: 'Web accepts TLS 1.0 and 1.1: SslPolicy is not set and defaults to ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1.' }],
      output: listener('HTTPS').replace('      DefaultActions:\n        - Type: forward\n          TargetGroupArn: tg\n', '      DefaultActions:\n        - Type: forward\n          TargetGroupArn: tg\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n'),
    },
    {
      name: 'the 2016-08 policy written out',
      code: listener('HTTPS', policy('ELBSecurityPolicy-2016-08')),
      findings: [{ range: '8:18-8:43', message: 'Web accepts TLS versions older than 1.2: SslPolicy is "ELBSecurityPolicy-2016-08".' }],
      output: listener('HTTPS', policy('ELBSecurityPolicy-TLS13-1-2-2021-06')),
    },
    {
      name: 'TLS13 policy with a TLS 1.0 minimum',
      code: listener('TLS', policy('ELBSecurityPolicy-TLS13-1-0-2021-06')),
      findings: [{ range: '8:18-8:53' }],
      output: listener('TLS', policy('ELBSecurityPolicy-TLS13-1-2-2021-06')),
    },
    {
      name: 'policy from a parameter default',
      code: `Parameters:\n  Policy:\n    Type: String\n    Default: ELBSecurityPolicy-TLS-1-1-2017-01\n${listener('HTTPS', policy('!Ref Policy'))}`,
      findings: [{ range: '12:18-12:29', message: /from the default of parameter Policy/ }],
      output: `Parameters:\n  Policy:\n    Type: String\n    Default: ELBSecurityPolicy-TLS13-1-2-2021-06\n${listener('HTTPS', policy('!Ref Policy'))}`,
    },
    {
      name: 'old policy on one branch of !If',
      code: `Conditions:\n  Legacy: !Equals [!Ref AWS::StackName, legacy]\n${listener('HTTPS', policy('!If [Legacy, ELBSecurityPolicy-2016-08, ELBSecurityPolicy-TLS13-1-2-2021-06]'))}`,
      findings: [{ range: '10:18-10:94', message: /\(when condition Legacy is true\)/ }],
      output: `Conditions:\n  Legacy: !Equals [!Ref AWS::StackName, legacy]\n${listener('HTTPS', policy('!If [Legacy, ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS13-1-2-2021-06]'))}`,
    },
    {
      name: 'JSON, no SslPolicy',
      file: 't.json',
      code: '{"Resources": {"Web": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"LoadBalancerArn": "lb", "Port": 443, "Protocol": "HTTPS", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "tg"}]}}}}',
      findings: [{ range: '1:73-1:85' }],
      output: '{"Resources": {"Web": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"LoadBalancerArn": "lb", "Port": 443, "Protocol": "HTTPS", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "tg"}], "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}}}}',
    },
  ],
});
