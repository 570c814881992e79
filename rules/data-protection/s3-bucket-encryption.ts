import type { Rule } from '../../server/src/engine/rule';
import { absentBranches } from '../lib/encryption';

/** Default encryption with S3 managed keys (SSE-S3), and with KMS (SSE-KMS, an S3 Bucket Key to keep KMS requests down). */
export const SSE_S3 = { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] };
export const SSE_KMS = { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }] };

const rule: Rule = {
  meta: {
    id: 's3-bucket-encryption',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02', 'SEC08-BP03'],
    severity: 'info',
    title: 'S3 buckets should declare their default encryption',
    rationale:
      'Since January 2023 S3 encrypts every new object with S3 managed keys (SSE-S3) when a bucket says nothing, so a bucket without `BucketEncryption` is not unencrypted. Declaring the encryption still matters: the template then says what protects the data instead of relying on a service default, reviewers and scanners can see it, and switching to SSE-KMS, which ties reading the data to a key policy and logs every use of the key, becomes a one-line change.',
    remediation:
      'Add `BucketEncryption` with a `ServerSideEncryptionByDefault` rule: `SSEAlgorithm: AES256` for SSE-S3, or `aws:kms` (with `KMSMasterKeyID` for a customer managed key, and `BucketKeyEnabled: true` to cut KMS request costs) for data that is classified as sensitive. Changing the default encryption affects new objects only; existing objects keep theirs until they are copied over themselves.',
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-bucketencryption.html',
    ],
    resourceTypes: ['AWS::S3::Bucket'],
    equivalents: { checkov: ['CKV_AWS_19'], cfnNag: ['W41'], cfnLint: [], kics: ['b2e8752c-3497-4255-98d2-e4ae5b46bbf5'], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Reports:
    Type: AWS::S3::Bucket
`,
      secure: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: Enabled
      LoggingConfiguration:
        DestinationBucketName: central-access-logs
  ReportsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Reports
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt Reports.Arn, !Sub "\${Reports.Arn}/*"]
            Condition: { Bool: { aws:SecureTransport: "false" } }
`,
    },
  },
  resource(resource, context) {
    for (const branch of absentBranches(resource, 'BucketEncryption', context)) {
      context.report({
        at: branch.at,
        message: `${resource.logicalId} does not declare its default encryption: BucketEncryption is not set${branch.explanation}, so it relies on the SSE-S3 encryption S3 applies by default since January 2023.`,
        fixes: [...branch.fixes(SSE_S3, 'Add default encryption with S3 managed keys (SSE-S3)'), ...branch.fixes(SSE_KMS, 'Add default encryption with KMS (SSE-KMS)', false)],
      });
    }
  },
};

export default rule;
