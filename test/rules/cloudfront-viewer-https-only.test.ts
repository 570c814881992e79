import rule from '../../rules/data-protection/cloudfront-viewer-https-only';
import { testRule } from '../helpers/rule-tester';

const distribution = (policy: string, behaviors = '', enabled = 'true') =>
  `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: ${enabled}\n        Origins:\n          - Id: app\n            DomainName: app.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: ${policy}\n${behaviors}`;
const behavior = (policy: string) => `        CacheBehaviors:\n          - PathPattern: /api/*\n            TargetOriginId: app\n            ViewerProtocolPolicy: ${policy}\n`;

testRule(rule, {
  valid: [
    { name: 'redirect to HTTPS', code: distribution('redirect-to-https') },
    { name: 'HTTPS only, path pattern too', code: distribution('https-only', behavior('redirect-to-https')) },
    { name: 'disabled distribution', code: distribution('allow-all', '', 'false') },
    { name: 'policy from a parameter without a default', code: `Parameters:\n  Policy:\n    Type: String\n${distribution('!Ref Policy')}` },
    {
      name: 'JSON, redirect',
      file: 't.json',
      code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "DefaultCacheBehavior": {"TargetOriginId": "app", "ViewerProtocolPolicy": "redirect-to-https"}}}}}}',
    },
  ],
  invalid: [
    {
      name: 'default behavior allows HTTP',
      code: distribution('allow-all'),
      findings: [{ range: '14:33-14:42', message: 'Site lets viewers connect over plain HTTP: DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy is "allow-all".' }],
      output: distribution('redirect-to-https'),
    },
    {
      name: 'path pattern allows HTTP',
      code: distribution('https-only', behavior('allow-all')),
      findings: [{ range: '18:35-18:44', message: 'Site lets viewers connect over plain HTTP: DistributionConfig.CacheBehaviors[0].ViewerProtocolPolicy is "allow-all".' }],
      output: distribution('https-only', behavior('redirect-to-https')),
    },
    {
      name: 'policy from a parameter default',
      code: `Parameters:\n  Policy:\n    Type: String\n    Default: allow-all\n${distribution('!Ref Policy')}`,
      findings: [{ range: '18:33-18:44', message: /from the default of parameter Policy/ }],
      output: `Parameters:\n  Policy:\n    Type: String\n    Default: redirect-to-https\n${distribution('!Ref Policy')}`,
    },
    {
      name: 'allow-all on one branch of !If',
      code: `Conditions:\n  Dev: !Equals [!Ref AWS::StackName, dev]\n${distribution('!If [Dev, allow-all, https-only]')}`,
      findings: [{ range: '16:33-16:65', message: /\(when condition Dev is true\)/ }],
      output: `Conditions:\n  Dev: !Equals [!Ref AWS::StackName, dev]\n${distribution('!If [Dev, redirect-to-https, https-only]')}`,
    },
    {
      name: 'JSON, allow-all',
      file: 't.json',
      code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "DefaultCacheBehavior": {"TargetOriginId": "app", "ViewerProtocolPolicy": "allow-all"}}}}}}',
      findings: [{ range: '1:195-1:206' }],
      output: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "DefaultCacheBehavior": {"TargetOriginId": "app", "ViewerProtocolPolicy": "redirect-to-https"}}}}}}',
    },
  ],
});
