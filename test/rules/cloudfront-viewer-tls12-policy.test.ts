import rule from '../../rules/data-protection/cloudfront-viewer-tls12-policy';
import { testRule } from '../helpers/rule-tester';

const distribution = (certificate: string, enabled = 'true') =>
  `Resources:\n  Site:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: ${enabled}\n${certificate}        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: https-only\n`;
const acm = (version?: string) =>
  `        ViewerCertificate:\n          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc\n          SslSupportMethod: sni-only\n${version === undefined ? '' : `          MinimumProtocolVersion: ${version}\n`}`;

testRule(rule, {
  valid: [
    { name: 'TLSv1.2_2021', code: distribution(acm('TLSv1.2_2021')) },
    { name: 'TLSv1.2_2025', code: distribution(acm('TLSv1.2_2025')) },
    { name: 'TLSv1.3_2025', code: distribution(acm('TLSv1.3_2025')) },
    { name: 'disabled distribution on the default certificate', code: distribution('', 'false') },
    { name: 'policy from a parameter without a default', code: `Parameters:\n  Policy:\n    Type: String\n${distribution(acm('!Ref Policy'))}` },
    {
      name: 'JSON, IAM certificate with TLSv1.2_2021',
      file: 't.json',
      code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "ViewerCertificate": {"IamCertificateId": "ASCA", "SslSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1.2_2021"}}}}}}',
    },
  ],
  invalid: [
    {
      name: 'no viewer certificate: the default certificate, no fix',
      code: distribution(''),
      findings: [{ range: '5:7-5:25', message: 'Site accepts TLS 1.0 from viewers: ViewerCertificate is not set, so it uses the default *.cloudfront.net certificate, whose policy is TLSv1.' }],
      output: null,
    },
    {
      name: 'default certificate written out, no fix',
      code: distribution('        ViewerCertificate:\n          CloudFrontDefaultCertificate: true\n          MinimumProtocolVersion: TLSv1.2_2021\n'),
      findings: [{ range: '8:41-8:45', message: /default \*\.cloudfront\.net certificate, whose policy is TLSv1 whatever MinimumProtocolVersion says/ }],
      output: null,
    },
    {
      name: 'own certificate without a minimum: TLSv1 by default',
      code: distribution(acm()),
      findings: [{ range: '7:9-7:26', message: 'Site accepts TLS 1.0 from viewers: ViewerCertificate.MinimumProtocolVersion is not set and defaults to TLSv1.' }],
      output: distribution(acm('TLSv1.2_2021')),
    },
    {
      name: 'TLSv1.1_2016',
      code: distribution(acm('TLSv1.1_2016')),
      findings: [{ range: '10:35-10:47', message: 'Site accepts older TLS versions or ciphers than TLSv1.2_2021 from viewers: ViewerCertificate.MinimumProtocolVersion is "TLSv1.1_2016".' }],
      output: distribution(acm('TLSv1.2_2021')),
    },
    {
      name: 'TLSv1.2_2019 keeps ciphers without forward secrecy',
      code: distribution(acm('TLSv1.2_2019')),
      findings: [{ range: '10:35-10:47' }],
      output: distribution(acm('TLSv1.2_2021')),
    },
    {
      name: 'policy from a parameter default',
      code: `Parameters:\n  Policy:\n    Type: String\n    Default: TLSv1\n${distribution(acm('!Ref Policy'))}`,
      findings: [{ range: '14:35-14:46', message: /from the default of parameter Policy/ }],
      output: `Parameters:\n  Policy:\n    Type: String\n    Default: TLSv1.2_2021\n${distribution(acm('!Ref Policy'))}`,
    },
    {
      name: 'old policy on one branch of !If',
      code: `Conditions:\n  Legacy: !Equals [!Ref AWS::StackName, legacy]\n${distribution(acm('!If [Legacy, TLSv1_2016, TLSv1.2_2021]'))}`,
      findings: [{ range: '12:35-12:73', message: /\(when condition Legacy is true\)/ }],
      output: `Conditions:\n  Legacy: !Equals [!Ref AWS::StackName, legacy]\n${distribution(acm('!If [Legacy, TLSv1.2_2021, TLSv1.2_2021]'))}`,
    },
    {
      name: 'JSON, own certificate without a minimum',
      file: 't.json',
      code: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "ViewerCertificate": {"AcmCertificateArn": "arn", "SslSupportMethod": "sni-only"}}}}}}',
      findings: [{ range: '1:121-1:140' }],
      output: '{"Resources": {"Site": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "ViewerCertificate": {"AcmCertificateArn": "arn", "SslSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1.2_2021"}}}}}}',
    },
  ],
});
