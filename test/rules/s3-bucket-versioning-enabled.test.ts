import rule from '../../rules/data-protection/s3-bucket-versioning-enabled';
import { testRule } from '../helpers/rule-tester';

const bucket = (properties: string) => `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'versioning on', code: bucket('      VersioningConfiguration:\n        Status: Enabled\n') },
    { name: 'Object Lock turns versioning on', code: bucket('      ObjectLockEnabled: true\n') },
    { name: 'status from an import', code: bucket('      VersioningConfiguration:\n        Status: !ImportValue versioning\n') },
  ],
  invalid: [
    {
      name: 'no versioning configuration',
      code: bucket('      BucketName: reports\n'),
      findings: [{ range: '4:5-4:15', message: 'Bucket keeps no earlier versions of its objects: VersioningConfiguration.Status is not set.' }],
      output: bucket('      BucketName: reports\n      VersioningConfiguration:\n        Status: Enabled\n'),
    },
    {
      name: 'versioning suspended',
      code: bucket('      VersioningConfiguration:\n        Status: Suspended\n'),
      findings: [{ range: '6:17-6:26', message: 'Bucket keeps no earlier versions of its objects: VersioningConfiguration.Status is "Suspended".' }],
      output: bucket('      VersioningConfiguration:\n        Status: Enabled\n'),
    },
    {
      name: 'suspended in one branch, and no Properties, JSON',
      file: 't.json',
      code: '{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": {"Fn::If": ["Keep", "Enabled", "Suspended"]}}}}, "B": {"Type": "AWS::S3::Bucket"}}}',
      findings: [{ range: '1:102-1:146', message: 'A keeps no earlier versions of its objects: VersioningConfiguration.Status is "Suspended" (when condition Keep is false).' }, { range: '1:151-1:154' }],
      output: '{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": {"Fn::If": ["Keep", "Enabled", "Enabled"]}}}}, "B": {"Type": "AWS::S3::Bucket", "Properties": {\n  "VersioningConfiguration": {\n    "Status": "Enabled"\n  }\n}}}}',
    },
  ],
});
