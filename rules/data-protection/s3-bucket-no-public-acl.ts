import type { Rule } from '../../server/src/engine/rule';
import { checkProperty } from '../lib/properties';

/** Canned ACLs that grant to everyone (`PublicRead`, `PublicReadWrite`) or to every AWS account (`AuthenticatedRead`). */
const OPEN_ACLS = new Set(['publicread', 'publicreadwrite', 'authenticatedread']);

const rule: Rule = {
  meta: {
    id: 's3-bucket-no-public-acl',
    area: 'data-protection',
    bestPractice: ['SEC08-BP04', 'SEC03-BP07'],
    severity: 'error',
    title: 'S3 buckets must not grant public access through a canned ACL',
    rationale:
      '`PublicRead` lets anyone on the internet list the bucket, `AuthenticatedRead` lets anyone with any AWS account do so, and `PublicReadWrite` also lets them upload, overwrite and delete objects, at the owner\'s expense. An ACL grant is easy to miss in review and applies to everything the bucket will ever hold, not only to the files meant for the public.',
    remediation:
      'Remove `AccessControl` or set it to `Private`, keep Block Public Access on and object ownership at `BucketOwnerEnforced` (ACLs disabled). To publish content, serve it through CloudFront with origin access control, or grant `s3:GetObject` on a prefix in a bucket policy. The change is made in place; clients that listed or wrote to the bucket anonymously lose that access.',
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html#cfn-s3-bucket-accesscontrol',
    ],
    resourceTypes: ['AWS::S3::Bucket'],
    equivalents: {
      checkov: ['CKV_AWS_20', 'CKV_AWS_57'],
      cfnNag: ['W31', 'F14'],
      cfnLint: [],
      kics: ['219f4c95-aa50-44e0-97de-cf71f4641170', '07dda8de-d90d-469e-9b37-1aca53526ced'],
      securityHub: ['S3.2', 'S3.3'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Downloads:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      AccessControl: PublicRead
      OwnershipControls:
        Rules:
          - ObjectOwnership: ObjectWriter
`,
      secure: `Resources:
  Downloads:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      AccessControl: Private
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: Enabled
      LoggingConfiguration:
        DestinationBucketName: central-access-logs
        LogFilePrefix: downloads/
  DownloadsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Downloads
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt Downloads.Arn, !Sub "\${Downloads.Arn}/*"]
            Condition: { Bool: { aws:SecureTransport: "false" } }
`,
    },
  },
  resource(resource, context) {
    // A website bucket may be served through its ACL: making it private is then the user's decision.
    const preferred = !resource.properties?.byKey.has('WebsiteConfiguration');
    checkProperty(resource, context, {
      path: 'AccessControl',
      what: 'a private ACL',
      secure: (value) => value.kind !== 'known' || !OPEN_ACLS.has(String(value.value).toLowerCase()),
      whenMissing: 'secure',
      fix: { value: 'Private', preferred },
      insecurePhrase: 'grants access beyond the account with a canned ACL',
    });
  },
};

export default rule;
