import rule from '../../rules/data-protection/cloudfront-origin-tls12';
import { testRule } from '../helpers/rule-tester';

const distribution = (config: string) =>
  `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Origins:\n          - Id: app\n            DomainName: app.example.com\n            CustomOriginConfig:\n${config}        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: https-only\n`;
const config = (protocols?: string, policy = 'https-only') => `              OriginProtocolPolicy: ${policy}\n${protocols === undefined ? '' : `              OriginSSLProtocols:${protocols.startsWith('\n') ? '' : ' '}${protocols}\n`}`;

testRule(rule, {
  valid: [
    { name: 'TLS 1.2 only', code: distribution(config('[TLSv1.2]')) },
    { name: 'TLS 1.2 only, block list', code: distribution(config('\n                - TLSv1.2')) },
    { name: 'HTTP-only origin negotiates no TLS', code: distribution(config(undefined, 'http-only')) },
    { name: 'protocols from a parameter without a default', code: `Parameters:\n  Protocols:\n    Type: CommaDelimitedList\n${distribution(config('!Ref Protocols'))}` },
    {
      name: 'JSON, TLS 1.2',
      file: 't.json',
      code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": [\n  "TLSv1.2"\n]}}]}}}}}',
    },
  ],
  invalid: [
    {
      name: 'no OriginSSLProtocols: TLSv1 and SSLv3 by default',
      code: distribution(config()),
      findings: [{ range: '10:13-10:31', message: 'Site may use SSLv3 and TLS 1.0 with origin app: DistributionConfig.Origins[0].CustomOriginConfig.OriginSSLProtocols is not set and defaults to TLSv1, SSLv3.' }],
      output: distribution(config('\n                - TLSv1.2')),
    },
    {
      name: 'TLS 1.0 and 1.1 beside 1.2',
      code: distribution(config('[TLSv1, TLSv1.1, TLSv1.2]')),
      findings: [{ range: '12:35-12:60', message: 'Site may use outdated protocols with origin app: DistributionConfig.Origins[0].CustomOriginConfig.OriginSSLProtocols allows TLSv1, TLSv1.1.' }],
      output: distribution(config('[TLSv1.2]')),
    },
    {
      name: 'SSLv3 in a block list, match-viewer origin',
      code: distribution(config('\n                - SSLv3\n                - TLSv1.2', 'match-viewer')),
      findings: [{ range: '13:17-14:26', message: /allows SSLv3/ }],
      output: distribution(config('\n                - TLSv1.2', 'match-viewer')),
    },
    {
      name: 'outdated protocol from a parameter default inside the list',
      code: `Parameters:\n  Oldest:\n    Type: String\n    Default: TLSv1.1\n${distribution(config('[!Ref Oldest, TLSv1.2]'))}`,
      findings: [{ range: '16:35-16:57' }],
      output: `Parameters:\n  Oldest:\n    Type: String\n    Default: TLSv1.1\n${distribution(config('[TLSv1.2]'))}`,
    },
    {
      name: 'outdated list on one branch of !If',
      code: `Conditions:\n  Legacy: !Equals [!Ref AWS::StackName, legacy]\n${distribution(config('!If [Legacy, [TLSv1], [TLSv1.2]]'))}`,
      findings: [{ range: '14:35-14:67', message: /\(when condition Legacy is true\)/ }],
      output: `Conditions:\n  Legacy: !Equals [!Ref AWS::StackName, legacy]\n${distribution(config('!If [Legacy, [TLSv1.2], [TLSv1.2]]'))}`,
    },
    {
      name: 'JSON, TLS 1.0',
      file: 't.json',
      code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["TLSv1"]}}]}}}}}',
      findings: [{ range: '1:263-1:272' }],
      output: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": [\n  "TLSv1.2"\n]}}]}}}}}',
    },
  ],
});
