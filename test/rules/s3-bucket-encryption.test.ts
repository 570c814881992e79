import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/data-protection/s3-bucket-encryption';
import { applyEdits } from '../../server/src/engine/edits';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const bucket = (properties: string) => `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${properties}`;
const SSE_S3_YAML = '      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n';
const DEFAULT = 'so it relies on the SSE-S3 encryption S3 applies by default since January 2023.';

testRule(rule, {
  valid: [
    { name: 'SSE-S3 declared', code: bucket(SSE_S3_YAML) },
    { name: 'SSE-KMS declared', code: bucket('      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !Ref Key\n') },
    { name: 'configuration from an import is not known here', code: bucket('      BucketEncryption: !ImportValue shared-encryption\n') },
    {
      name: 'JSON, declared',
      file: 't.json',
      code: '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}}}}}',
    },
    { name: 'other resource types are not checked', code: 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n' },
  ],
  invalid: [
    {
      name: 'BucketEncryption missing',
      code: bucket('      BucketName: reports\n'),
      findings: [{ range: '4:5-4:15', message: `Bucket does not declare its default encryption: BucketEncryption is not set, ${DEFAULT}` }],
      output: bucket(`      BucketName: reports\n${SSE_S3_YAML}`),
    },
    {
      name: 'no Properties',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n',
      findings: [{ range: '2:3-2:9' }],
      output: `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${SSE_S3_YAML}`,
    },
    {
      name: 'removed with AWS::NoValue on one branch of a condition',
      code: 'Conditions:\n  Encrypt: !Equals [!Ref AWS::Region, eu-west-1]\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption: !If\n        - Encrypt\n        - ServerSideEncryptionConfiguration:\n            - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }\n        - !Ref AWS::NoValue\n',
      findings: [{ range: '7:25-11:28', message: `Bucket does not declare its default encryption: BucketEncryption is not set (when condition Encrypt is false), ${DEFAULT}` }],
      output:
        'Conditions:\n  Encrypt: !Equals [!Ref AWS::Region, eu-west-1]\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption: !If\n        - Encrypt\n        - ServerSideEncryptionConfiguration:\n            - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }\n        - {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]}\n',
    },
    {
      name: 'JSON, missing on one bucket and no Properties on another',
      file: 't.json',
      code: '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "reports"}}, "Other": {"Type": "AWS::S3::Bucket"}}}',
      findings: [{ range: '1:54-1:66' }, { range: '1:96-1:103', message: `Other does not declare its default encryption: BucketEncryption is not set, ${DEFAULT}` }],
      output:
        '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "reports", "BucketEncryption": {\n  "ServerSideEncryptionConfiguration": [\n    {\n      "ServerSideEncryptionByDefault": {\n        "SSEAlgorithm": "AES256"\n      }\n    }\n  ]\n}}}, "Other": {"Type": "AWS::S3::Bucket", "Properties": {\n  "BucketEncryption": {\n    "ServerSideEncryptionConfiguration": [\n      {\n        "ServerSideEncryptionByDefault": {\n          "SSEAlgorithm": "AES256"\n        }\n      }\n    ]\n  }\n}}}}',
    },
  ],
});

it('s3-bucket-encryption: is info by default, and its second fix adds SSE-KMS with a Bucket Key', () => {
  assert.equal(rule.meta.severity, 'info');
  const code = bucket('      BucketName: reports\n');
  const [finding] = analyze(code).findings.filter((f) => f.ruleId === rule.meta.id);
  assert.equal(finding.severity, 'info');
  assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [
    ['Add default encryption with S3 managed keys (SSE-S3)', true],
    ['Add default encryption with KMS (SSE-KMS)', false],
  ]);
  const output = applyEdits(code, finding.fixes[1].edits);
  assert.equal(output, bucket('      BucketName: reports\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n            BucketKeyEnabled: true\n'));
  assert.deepEqual(analyze(output).findings.filter((f) => f.ruleId === rule.meta.id), []);
});
