import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/data-protection/s3-bucket-kms-encryption';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const bucket = (properties: string) => `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n${properties}`;
const algorithm = (value: string) => bucket(`      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: ${value}\n`);
const LABEL = 'BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm';

testRule(
  rule,
  {
    valid: [
      { name: 'SSE-KMS', code: algorithm('aws:kms') },
      { name: 'dual-layer SSE-KMS', code: algorithm('aws:kms:dsse') },
      { name: 'parameter without a default is unknown', code: `Parameters:\n  Algorithm:\n    Type: String\n${algorithm('!Ref Algorithm')}` },
      {
        name: 'a bucket receiving server access logs may only use SSE-S3',
        code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n',
      },
      {
        name: 'a bucket receiving load balancer access logs may only use SSE-S3',
        code: 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n  Balancer:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      LoadBalancerAttributes:\n        - Key: access_logs.s3.enabled\n          Value: "true"\n        - Key: access_logs.s3.bucket\n          Value: !Ref Logs\n',
      },
      {
        name: 'JSON, SSE-KMS',
        file: 't.json',
        code: '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}}}}}',
      },
    ],
    invalid: [
      {
        name: 'no BucketEncryption',
        code: bucket('      BucketName: reports\n'),
        findings: [{ range: '4:5-4:15', message: 'Bucket does not encrypt with SSE-KMS: BucketEncryption is not set, so S3 encrypts with S3 managed keys (SSE-S3).' }],
        output: bucket('      BucketName: reports\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n            BucketKeyEnabled: true\n'),
      },
      {
        name: 'SSE-S3',
        code: algorithm('AES256'),
        findings: [{ range: '8:29-8:35', message: `Bucket does not encrypt with SSE-KMS: ${LABEL} is "AES256".` }],
        output: algorithm('aws:kms'),
      },
      {
        name: 'SSE-S3 from a parameter default',
        code: `Parameters:\n  Algorithm:\n    Type: String\n    Default: AES256\n${algorithm('!Ref Algorithm')}`,
        findings: [{ range: '12:29-12:43', message: `Bucket does not encrypt with SSE-KMS: ${LABEL} is "AES256" (from the default of parameter Algorithm).` }],
        output: `Parameters:\n  Algorithm:\n    Type: String\n    Default: aws:kms\n${algorithm('!Ref Algorithm')}`,
      },
      {
        name: 'SSE-S3 on one branch of a condition',
        code: `Conditions:\n  Sensitive: !Equals [!Ref AWS::StackName, records]\n${algorithm('!If [Sensitive, aws:kms, AES256]')}`,
        findings: [{ range: '10:29-10:61', message: `Bucket does not encrypt with SSE-KMS: ${LABEL} is "AES256" (when condition Sensitive is false).` }],
        output: `Conditions:\n  Sensitive: !Equals [!Ref AWS::StackName, records]\n${algorithm('!If [Sensitive, aws:kms, aws:kms]')}`,
      },
      {
        name: 'a rule without a default algorithm',
        code: bucket('      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - BucketKeyEnabled: true\n'),
        findings: [{ range: '7:13-7:29', message: `Bucket does not encrypt with SSE-KMS: ${LABEL} is not set.` }],
        output: bucket('      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - BucketKeyEnabled: true\n            ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n'),
      },
      {
        name: 'JSON, SSE-S3',
        file: 't.json',
        code: '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}}}}}',
        findings: [{ range: '1:179-1:187' }],
        output: '{"Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}}}}}',
      },
    ],
  },
  { severity: 'warning' },
);

it('s3-bucket-kms-encryption: is off until configured', () => {
  assert.equal(rule.meta.enabledByDefault, false);
  assert.deepEqual(analyze(algorithm('AES256')).findings.filter((f) => f.ruleId === rule.meta.id), []);
});
