import rule from '../../rules/data-protection/apigateway-domain-tls12';
import { testRule } from '../helpers/rule-tester';

const v1 = (policy = '') => `Resources:\n  ApiDomain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n${policy}`;
const v2 = (configuration: string) =>
  `Resources:\n  ApiDomain:\n    Type: AWS::ApiGatewayV2::DomainName\n    Properties:\n      DomainName: api.example.com\n      DomainNameConfigurations:\n        - CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/abc\n${configuration}`;

testRule(rule, {
  valid: [
    { name: 'REST domain with TLS_1_2', code: v1('      SecurityPolicy: TLS_1_2\n') },
    { name: 'REST domain with an enhanced policy', code: v1('      SecurityPolicy: SecurityPolicy_TLS13_1_2_2021_06\n') },
    { name: 'HTTP API domain without a policy: TLS_1_2 by default', code: v2('') },
    { name: 'HTTP API domain with TLS_1_2', code: v2('          SecurityPolicy: TLS_1_2\n') },
    { name: 'policy from a parameter without a default', code: `Parameters:\n  Policy:\n    Type: String\n${v1('      SecurityPolicy: !Ref Policy\n')}` },
    { name: 'JSON, TLS_1_2', file: 't.json', code: '{"Resources": {"ApiDomain": {"Type": "AWS::ApiGateway::DomainName", "Properties": {"DomainName": "api.example.com", "SecurityPolicy": "TLS_1_2"}}}}' },
  ],
  invalid: [
    {
      name: 'REST domain without a policy',
      code: v1(),
      findings: [{ range: '4:5-4:15', message: 'ApiDomain may accept TLS 1.0 and 1.1: SecurityPolicy is not set and defaults to TLS_1_0.' }],
      output: v1('      SecurityPolicy: TLS_1_2\n'),
    },
    {
      name: 'REST domain with TLS_1_0',
      code: v1('      SecurityPolicy: TLS_1_0\n'),
      findings: [{ range: '6:23-6:30', message: 'ApiDomain accepts TLS 1.0 and 1.1: SecurityPolicy is "TLS_1_0".' }],
      output: v1('      SecurityPolicy: TLS_1_2\n'),
    },
    {
      name: 'HTTP API domain with TLS_1_0',
      code: v2('          SecurityPolicy: TLS_1_0\n'),
      findings: [{ range: '8:27-8:34', message: 'ApiDomain accepts TLS 1.0 and 1.1: DomainNameConfigurations[0].SecurityPolicy is "TLS_1_0".' }],
      output: v2('          SecurityPolicy: TLS_1_2\n'),
    },
    {
      name: 'policy from a parameter default',
      code: `Parameters:\n  Policy:\n    Type: String\n    Default: TLS_1_0\n${v1('      SecurityPolicy: !Ref Policy\n')}`,
      findings: [{ range: '10:23-10:34', message: /from the default of parameter Policy/ }],
      output: `Parameters:\n  Policy:\n    Type: String\n    Default: TLS_1_2\n${v1('      SecurityPolicy: !Ref Policy\n')}`,
    },
    {
      name: 'TLS_1_0 on one branch of !If',
      code: `Conditions:\n  Legacy: !Equals [!Ref AWS::StackName, legacy]\n${v1('      SecurityPolicy: !If [Legacy, TLS_1_0, TLS_1_2]\n')}`,
      findings: [{ range: '8:23-8:53', message: /\(when condition Legacy is true\)/ }],
      output: `Conditions:\n  Legacy: !Equals [!Ref AWS::StackName, legacy]\n${v1('      SecurityPolicy: !If [Legacy, TLS_1_2, TLS_1_2]\n')}`,
    },
    {
      name: 'JSON, no policy',
      file: 't.json',
      code: '{"Resources": {"ApiDomain": {"Type": "AWS::ApiGateway::DomainName", "Properties": {"DomainName": "api.example.com"}}}}',
      findings: [{ range: '1:69-1:81' }],
      output: '{"Resources": {"ApiDomain": {"Type": "AWS::ApiGateway::DomainName", "Properties": {"DomainName": "api.example.com", "SecurityPolicy": "TLS_1_2"}}}}',
    },
  ],
});
