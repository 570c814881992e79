import { conditions, policyValues } from '../../server/src/engine/iam/statement';
import type { Resource } from '../../server/src/engine/model';
import type { PolicyDocument } from '../../server/src/engine/policies';
import { intrinsic, type Change, type Rule, type RuleContext } from '../../server/src/engine/rule';
import { getProperty } from '../../server/src/engine/tree';

/** The statement that refuses every request to the bucket and its objects made without TLS. */
function denyInsecureTransport(bucket: string) {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [intrinsic.getAtt(bucket, 'Arn'), intrinsic.sub(`\${${bucket}.Arn}/*`)],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

const rule: Rule = {
  meta: {
    id: 's3-bucket-policy-requires-tls',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'S3 buckets should refuse requests made without TLS',
    rationale:
      'S3 answers plain HTTP requests unless the bucket policy denies them. Data and request signatures then cross the network in clear text, where anyone on the path can read or alter them. A `Deny` on `aws:SecureTransport: false` makes TLS the only way in, whatever the client does.',
    remediation:
      'Add to the bucket policy a statement that denies `s3:*` to `"*"` on the bucket and its objects when `aws:SecureTransport` is `false` (the quick fix adds it, and creates the bucket policy when there is none).',
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit', 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5'],
    resourceTypes: ['AWS::S3::Bucket'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: ['38c64e76-c71e-4d92-a337-60174d1de1c9'], securityHub: ['S3.5'], cis: ['2.1.1'] },
    fixable: true,
    examples: {
      insecure: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
      secure:
        'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n      VersioningConfiguration:\n        Status: Enabled\n      LoggingConfiguration:\n        DestinationBucketName: central-access-logs\n  BucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Sid: DenyInsecureTransport\n            Effect: Deny\n            Principal: "*"\n            Action: s3:*\n            Resource:\n              - !GetAtt Bucket.Arn\n              - !Sub "${Bucket.Arn}/*"\n            Condition:\n              Bool:\n                aws:SecureTransport: "false"\n',
    },
  },
  resource(bucket, context) {
    const template = context.template;
    if (!template || !context.facts) return;
    const policyResources = new Set(context.facts.bucketPoliciesOf(bucket));
    const facts = context.facts;
    const policies = [...policyResources].flatMap((resource) => facts.policiesOf(resource));
    // A policy written with an intrinsic Pillar cannot read may well deny plain HTTP.
    if (policyResources.size > policies.length) return;
    if (policies.some((policy) => deniesInsecureTransport(policy, context))) return;
    if (policies.length === 0) {
      context.report({ at: bucket.key, message: `${bucket.logicalId} has no bucket policy, so S3 accepts its requests over plain HTTP.`, fixes: createPolicyFix(bucket, context) });
      return;
    }
    for (const policy of policies) {
      const statementPair = policy.node.byKey.get('Statement');
      context.report({
        at: statementPair?.key ?? policy.node,
        message: `The bucket policy ${policy.resource!.logicalId} of ${bucket.logicalId} does not deny requests made without TLS (aws:SecureTransport false).`,
        fixes: appendStatementFix(policy, bucket),
      });
    }
  },
};

function deniesInsecureTransport(policy: PolicyDocument, context: RuleContext): boolean {
  return policy.statements.some(
    (statement) =>
      policyValues(statement.effect, context.evaluator).some((value) => value.text === 'Deny') &&
      conditions(statement, context.evaluator).some(
        (entry) => entry.key.toLowerCase() === 'aws:securetransport' && /^Bool(IfExists)?$/.test(entry.operator) && entry.values.some((value) => value.text?.toLowerCase() === 'false'),
      ),
  );
}

function appendStatementFix(policy: PolicyDocument, bucket: Resource) {
  const statements = getProperty(policy.node, 'Statement');
  if (!policy.editable || statements?.kind !== 'seq') return [];
  const change: Change = { kind: 'splice', seq: statements, index: statements.items.length, deleteCount: 0, values: [denyInsecureTransport(bucket.logicalId)] };
  return [{ title: 'Deny requests made without TLS', preferred: true, changes: [change] }];
}

function createPolicyFix(bucket: Resource, context: RuleContext) {
  const resources = getProperty(context.template?.root, 'Resources');
  if (resources?.kind !== 'map') return [];
  let name = `${bucket.logicalId}Policy`;
  for (let n = 2; resources.byKey.has(name); n++) name = `${bucket.logicalId}Policy${n}`;
  const definition = {
    Type: 'AWS::S3::BucketPolicy',
    ...(bucket.condition ? { Condition: bucket.condition } : {}),
    Properties: { Bucket: intrinsic.ref(bucket.logicalId), PolicyDocument: { Version: '2012-10-17', Statement: [denyInsecureTransport(bucket.logicalId)] } },
  };
  // Before the bucket: a fix that adds properties to the bucket inserts at its end, and the two must not meet.
  const change = { kind: 'set' as const, map: resources, key: name, value: definition, before: [bucket.logicalId] };
  return [{ title: `Add a bucket policy (${name}) that denies requests made without TLS`, preferred: true, changes: [change] }];
}

export default rule;
