import rule from '../../rules/data-protection/s3-bucket-public-access-block';
import { testRule } from '../helpers/rule-tester';

const bucket = (properties: string) => `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${properties}`;
const allFour = '      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n';

testRule(rule, {
  valid: [
    { name: 'all four settings on', code: bucket(allFour) },
    {
      name: 'settings from a parameter that defaults to true',
      code: `Parameters:\n  Block:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true"]\n${bucket('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: !Ref Block\n        BlockPublicPolicy: !Ref Block\n        IgnorePublicAcls: !Ref Block\n        RestrictPublicBuckets: !Ref Block\n')}`,
    },
    { name: 'configuration from an intrinsic is not known here', code: bucket('      PublicAccessBlockConfiguration: !If [Public, !Ref AWS::NoValue, !Ref AWS::NoValue]\n') },
  ],
  invalid: [
    {
      name: 'no configuration',
      code: bucket('      BucketName: logs # global name\n'),
      findings: [{ range: '4:5-4:15', message: 'Bucket has no PublicAccessBlockConfiguration, so an ACL or bucket policy can make it public.' }],
      output: bucket(`      BucketName: logs # global name\n${allFour}`),
    },
    {
      name: 'no Properties',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: Retain\n',
      findings: [{ range: '2:3-2:9' }],
      output: `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: Retain\n    Properties:\n${allFour}`,
    },
    {
      name: 'one setting off',
      code: bucket('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: false\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n'),
      findings: [{ range: '7:28-7:33', message: 'Bucket does not block all public access: BlockPublicPolicy is not true.' }],
      output: bucket(allFour),
    },
    {
      name: 'two settings missing',
      code: bucket('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        IgnorePublicAcls: true\n'),
      findings: [{ range: '5:7-5:37', message: 'Bucket does not block all public access: BlockPublicPolicy, RestrictPublicBuckets are not true.' }],
      output: bucket('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        IgnorePublicAcls: true\n        BlockPublicPolicy: true\n        RestrictPublicBuckets: true\n'),
    },
    {
      name: 'a setting removed on one branch',
      code: bucket('      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: !If [Open, !Ref AWS::NoValue, true]\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n'),
      findings: [{ range: '7:28-7:63', message: 'Bucket does not block all public access: BlockPublicPolicy is not true.' }],
      output: null,
    },
    {
      name: 'a website bucket is flagged, with the fix not preferred',
      code: bucket('      WebsiteConfiguration:\n        IndexDocument: index.html\n'),
      findings: [{ range: '4:5-4:15' }],
      output: bucket(`      WebsiteConfiguration:\n        IndexDocument: index.html\n${allFour}`),
    },
    {
      name: 'JSON, empty configuration',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "PublicAccessBlockConfiguration": {}\n      }\n    }\n  }\n}\n',
      findings: [{ range: '6:9-6:41' }],
      output:
        '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true}\n      }\n    }\n  }\n}\n',
    },
  ],
});
