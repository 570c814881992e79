import rule from '../../rules/data-protection/cloudfront-origin-https-only';
import { testRule } from '../helpers/rule-tester';

const distribution = (policy: string, viewer = 'redirect-to-https', domain = 'app.example.com') =>
  `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Origins:\n          - Id: app\n            DomainName: ${domain}\n            CustomOriginConfig:\n              OriginProtocolPolicy: ${policy}\n          - Id: assets\n            DomainName: assets.s3.amazonaws.com\n            S3OriginConfig: {}\n        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: ${viewer}\n`;

testRule(rule, {
  valid: [
    { name: 'HTTPS only', code: distribution('https-only') },
    { name: 'match-viewer while every behavior requires HTTPS', code: distribution('match-viewer', 'https-only') },
    { name: 'policy from a parameter without a default', code: `Parameters:\n  Policy:\n    Type: String\n${distribution('!Ref Policy')}` },
    {
      name: 'match-viewer, the behavior allowing HTTP goes to another origin',
      code: `${distribution('match-viewer')}        CacheBehaviors:\n          - PathPattern: /static/*\n            TargetOriginId: assets\n            ViewerProtocolPolicy: allow-all\n`,
    },
    {
      name: 'match-viewer, origin and behaviors named by the same reference',
      code: distribution('match-viewer').replace('Id: app\n            DomainName', 'Id: !Ref AWS::StackName\n            DomainName').replace('TargetOriginId: app', 'TargetOriginId: !Ref AWS::StackName') + '        CacheBehaviors:\n          - PathPattern: /static/*\n            TargetOriginId: assets\n            ViewerProtocolPolicy: allow-all\n',
    },
    {
      name: 'JSON, HTTPS only',
      file: 't.json',
      code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": [\n  "TLSv1.2"\n]}}]}}}}}',
    },
  ],
  invalid: [
    {
      name: 'HTTP only: the fix is offered, not preferred',
      code: distribution('http-only'),
      findings: [{ range: '11:37-11:46', message: 'Site sends requests to origin app over plain HTTP: DistributionConfig.Origins[0].CustomOriginConfig.OriginProtocolPolicy is "http-only".' }],
      output: distribution('https-only\n              OriginSSLProtocols:\n                - TLSv1.2'),
    },
    {
      name: 'match-viewer while the behavior accepts HTTP',
      code: distribution('match-viewer', 'allow-all'),
      findings: [{ range: '11:37-11:49', message: 'Site sends requests to origin app over plain HTTP: DistributionConfig.Origins[0].CustomOriginConfig.OriginProtocolPolicy is "match-viewer" and a cache behavior lets viewers use HTTP.' }],
      output: distribution('https-only\n              OriginSSLProtocols:\n                - TLSv1.2', 'allow-all'),
    },
    {
      name: 'S3 website endpoint: no fix',
      code: distribution('http-only', 'redirect-to-https', 'site.s3-website-eu-west-1.amazonaws.com'),
      findings: [{ range: '11:37-11:46', message: /an S3 website endpoint serves only HTTP/ }],
      output: null,
    },
    {
      name: 'policy from a parameter default',
      code: `Parameters:\n  Policy:\n    Type: String\n    Default: http-only\n${distribution('!Ref Policy')}`,
      findings: [{ range: '15:37-15:48', message: /from the default of parameter Policy/ }],
      output: `Parameters:\n  Policy:\n    Type: String\n    Default: https-only\n${distribution('!Ref Policy\n              OriginSSLProtocols:\n                - TLSv1.2')}`,
    },
    {
      name: 'HTTP only on one branch of !If',
      code: `Conditions:\n  Dev: !Equals [!Ref AWS::StackName, dev]\n${distribution('!If [Dev, http-only, https-only]')}`,
      findings: [{ range: '13:37-13:69', message: /\(when condition Dev is true\)/ }],
      output: `Conditions:\n  Dev: !Equals [!Ref AWS::StackName, dev]\n${distribution('!If [Dev, https-only, https-only]\n              OriginSSLProtocols:\n                - TLSv1.2')}`,
    },
    {
      name: 'JSON, HTTP only',
      file: 't.json',
      code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "http-only"}}]}}}}}',
      findings: [{ range: '1:227-1:238' }],
      output: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "Origins": [{"Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only", "OriginSSLProtocols": [\n  "TLSv1.2"\n]}}]}}}}}',
    },
  ],
});
