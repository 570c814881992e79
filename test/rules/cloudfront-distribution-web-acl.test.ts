import rule from '../../rules/infrastructure-protection/cloudfront-distribution-web-acl';
import { testRule } from '../helpers/rule-tester';

const distribution = (acl: string, enabled = 'true') =>
  `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: ${enabled}\n${acl}        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: https-only\n`;

testRule(rule, {
  valid: [
    { name: 'web ACL of this template', code: `${distribution('        WebACLId: !GetAtt Acl.Arn\n')}  Acl:\n    Type: AWS::WAFv2::WebACL\n` },
    { name: 'web ACL from a parameter', code: `Parameters:\n  Acl:\n    Type: String\n${distribution('        WebACLId: !Ref Acl\n')}` },
    { name: 'disabled distribution', code: distribution('', 'false') },
    { name: 'JSON, web ACL ARN', file: 't.json', code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "WebACLId": "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/abc"}}}}}' },
  ],
  invalid: [
    {
      name: 'no web ACL',
      code: distribution(''),
      findings: [{ range: '5:7-5:25', message: 'Site is not protected by a web ACL: DistributionConfig.WebACLId is not set.' }],
      output: null,
    },
    {
      name: 'empty web ACL id',
      code: distribution('        WebACLId: ""\n'),
      findings: [{ range: '7:19-7:21', message: 'Site is not protected by a web ACL: DistributionConfig.WebACLId is "".' }],
      output: null,
    },
    {
      name: 'web ACL removed on one branch of !If',
      code: `Conditions:\n  Prod: !Equals [!Ref AWS::StackName, prod]\n${distribution('        WebACLId: !If [Prod, arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/abc, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '9:19-9:109', message: /\(when condition Prod is false\)/ }],
      output: null,
    },
    {
      name: 'JSON, no web ACL',
      file: 't.json',
      code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true}}}}}',
      findings: [{ range: '1:81-1:101' }],
      output: null,
    },
  ],
});
