import type { Resource, Template } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { getProperty, scalarString, type Node } from '../../server/src/engine/tree';
import { absentBranches } from '../lib/encryption';
import { checkProperty, mustBeOneOf } from '../lib/properties';
import { SSE_KMS } from './s3-bucket-encryption';

const rule: Rule = {
  meta: {
    id: 's3-bucket-kms-encryption',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01', 'SEC08-BP02'],
    severity: 'warning',
    title: 'S3 buckets holding sensitive data should encrypt with KMS',
    rationale:
      'SSE-S3, the default, encrypts objects with keys S3 manages: anyone allowed to read an object gets it decrypted. SSE-KMS adds a second, independent control: reading also needs `kms:Decrypt` on the key, granted by a key policy you own, and every use of the key is logged in CloudTrail. For data classified as sensitive, that separation of the permission to read the bucket from the permission to use the key is what makes a leaked bucket policy or role not enough.',
    remediation:
      'Set `SSEAlgorithm: aws:kms` in the bucket\'s `ServerSideEncryptionByDefault` (with `KMSMasterKeyID` naming a customer managed key, to control the key policy), and `BucketKeyEnabled: true` to cut KMS request costs. Readers and writers then need `kms:Decrypt`/`kms:GenerateDataKey` on the key. Buckets that receive S3 server access logs or load balancer access logs are left alone: those services write with SSE-S3 only. This rule is off until configured: turn it on for stacks whose data is classified as sensitive.',
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html',
    ],
    resourceTypes: ['AWS::S3::Bucket'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['S3.17'], cis: [] },
    fixable: true,
    enabledByDefault: false,
    examples: {
      insecure: `Resources:
  Records:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
`,
      secure: `Resources:
  Records:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt RecordsKey.Arn
            BucketKeyEnabled: true
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: Enabled
      LoggingConfiguration:
        DestinationBucketName: central-access-logs
  RecordsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Records
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt Records.Arn, !Sub "\${Records.Arn}/*"]
            Condition: { Bool: { aws:SecureTransport: "false" } }
  RecordsKey:
    Type: AWS::KMS::Key
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root" }
            Action: kms:*
            Resource: "*"
`,
    },
  },
  resource(resource, context) {
    if (sseS3Only(context).has(resource)) return;
    for (const branch of absentBranches(resource, 'BucketEncryption', context)) {
      context.report({
        at: branch.at,
        message: `${resource.logicalId} does not encrypt with SSE-KMS: BucketEncryption is not set${branch.explanation}, so S3 encrypts with S3 managed keys (SSE-S3).`,
        fixes: branch.fixes(SSE_KMS, 'Add default encryption with KMS (SSE-KMS)'),
      });
    }
    checkProperty(resource, context, {
      ...mustBeOneOf('BucketEncryption.ServerSideEncryptionConfiguration[*].ServerSideEncryptionByDefault.SSEAlgorithm', 'SSE-KMS', ['aws:kms', 'aws:kms:dsse'], 'insecure', { value: 'aws:kms' }),
      missingPhrase: 'does not encrypt with SSE-KMS',
      insecurePhrase: 'does not encrypt with SSE-KMS',
    });
  },
};

const SSE_S3_ONLY = new WeakMap<Template, ReadonlySet<Resource>>();

/** Buckets that receive S3 server access logs or load balancer access logs, which S3 and ELB write with SSE-S3 only. */
function sseS3Only(context: RuleContext): ReadonlySet<Resource> {
  const template = context.template;
  if (!template || !context.facts) return new Set();
  let buckets = SSE_S3_ONLY.get(template);
  if (buckets) return buckets;
  const found = new Set<Resource>();
  const add = (node: Node | undefined) => {
    const target = context.facts!.targetOf(node);
    if (target?.type === 'AWS::S3::Bucket') found.add(target);
  };
  for (const resource of template.resources) {
    const properties = resource.properties;
    if (resource.type === 'AWS::S3::Bucket') add(getProperty(getProperty(properties, 'LoggingConfiguration'), 'DestinationBucketName'));
    if (resource.type === 'AWS::ElasticLoadBalancing::LoadBalancer') add(getProperty(getProperty(properties, 'AccessLoggingPolicy'), 'S3BucketName'));
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
      const attributes = getProperty(properties, 'LoadBalancerAttributes');
      for (const attribute of attributes?.kind === 'seq' ? attributes.items : []) {
        if (scalarString(getProperty(attribute, 'Key')) === 'access_logs.s3.bucket') add(getProperty(attribute, 'Value'));
      }
    }
  }
  buckets = found;
  SSE_S3_ONLY.set(template, buckets);
  return buckets;
}

export default rule;
