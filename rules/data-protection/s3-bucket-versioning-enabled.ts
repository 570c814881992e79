import type { Rule } from '../../server/src/engine/rule';
import { asBoolean } from '../lib/values';
import { checkProperty, mustBeOneOf } from '../lib/properties';

const rule: Rule = {
  meta: {
    id: 's3-bucket-versioning-enabled',
    area: 'data-protection',
    bestPractice: ['SEC08-BP04'],
    severity: 'warning',
    title: 'S3 buckets should keep object versions',
    rationale:
      'Without versioning, an overwrite or a delete, whether a mistake, a faulty deployment or ransomware with stolen credentials, destroys the only copy of an object. Versioning keeps every earlier version, so data can be restored after it was modified or deleted, and it is what replication and Object Lock build on.',
    remediation:
      'Set `VersioningConfiguration: { Status: Enabled }`, and add lifecycle rules that expire noncurrent versions after the recovery window you need, so that storage does not grow without bound. Versioning cannot be turned off again, only suspended. MFA delete or Object Lock protects versions from deletion too.',
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-versioningconfiguration.html',
    ],
    resourceTypes: ['AWS::S3::Bucket'],
    equivalents: { checkov: ['CKV_AWS_21'], cfnNag: [], cfnLint: [], kics: ['a227ec01-f97a-4084-91a4-47b350c1db54'], securityHub: ['S3.14'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`,
      secure: `Resources:
  Reports:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
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
    // Object Lock turns versioning on by itself, for good.
    const objectLock = resource.properties?.byKey.get('ObjectLockEnabled')?.value;
    if (objectLock && context.evaluator.candidates(objectLock).every((candidate) => asBoolean(candidate.value) === true)) return;
    checkProperty(resource, context, {
      ...mustBeOneOf('VersioningConfiguration.Status', 'versioning', ['Enabled'], 'insecure', { value: 'Enabled', preferred: false }),
      missingPhrase: 'keeps no earlier versions of its objects',
      insecurePhrase: 'keeps no earlier versions of its objects',
    });
  },
};

export default rule;
