import rule from '../../rules/detective-controls/cloudfront-distribution-logging-enabled';
import { testRule } from '../helpers/rule-tester';

const distribution = (logging: string, after = '') =>
  `Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n${logging}${after}`;
const deliverySource = (arn: string) => `  CdnLogs:\n    Type: AWS::Logs::DeliverySource\n    Properties:\n      Name: cdn\n      LogType: ACCESS_LOGS\n      ResourceArn: ${arn}\n`;
const condition = 'Conditions:\n  Prod: !Equals [a, b]\n';

testRule(rule, {
  valid: [
    { name: 'standard logging to a bucket', code: distribution('        Logging:\n          Bucket: logs.s3.amazonaws.com\n          Prefix: cdn/\n') },
    { name: 'logging to a bucket of the template', code: distribution('        Logging: { Bucket: !GetAtt Logs.RegionalDomainName }\n', '  Logs:\n    Type: AWS::S3::Bucket\n') },
    { name: 'v2 log delivery, the source naming the distribution in !Sub', code: distribution('', deliverySource('!Sub "arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}"')) },
    { name: 'v2 log delivery, the source naming the distribution by !GetAtt', code: distribution('', deliverySource('!GetAtt Cdn.Arn')) },
    { name: 'JSON', file: 't.json', code: '{"Resources": {"Cdn": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Logging": {"Bucket": "logs.s3.amazonaws.com"}}}}}}' },
  ],
  invalid: [
    { name: 'no logging', code: distribution(''), findings: [{ range: '5:7-5:25', message: 'Cdn does not record access logs: DistributionConfig.Logging is not set.' }], output: null },
    {
      name: 'a delivery source for another distribution does not count',
      code: distribution('', deliverySource('!Sub "arn:aws:cloudfront::${AWS::AccountId}:distribution/${Other}"') + '  Other:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Logging: { Bucket: logs.s3.amazonaws.com }\n'),
      findings: [{ range: '5:7-5:25' }],
      output: null,
    },
    {
      name: 'logging removed in one branch of !If',
      code: condition + distribution('        Logging: !If [Prod, { Bucket: logs.s3.amazonaws.com }, !Ref AWS::NoValue]\n'),
      findings: [{ range: '9:18-9:82', message: 'Cdn does not record access logs: DistributionConfig.Logging is not set (when condition Prod is false).' }],
      output: null,
    },
    {
      name: 'JSON, no logging',
      file: 't.json',
      code: '{"Resources": {"Cdn": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true}}}}}',
      findings: [{ range: '1:80-1:100' }],
      output: null,
    },
  ],
});
