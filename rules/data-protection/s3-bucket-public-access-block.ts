import type { Pair } from '../../server/src/engine/tree';
import type { Change, Rule } from '../../server/src/engine/rule';
import { missingPropertyAnchor, setResourceProperty } from '../lib/properties';
import { asBoolean } from '../lib/values';

const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

const rule: Rule = {
  meta: {
    id: 's3-bucket-public-access-block',
    area: 'data-protection',
    bestPractice: ['SEC08-BP04', 'SEC03-BP07'],
    severity: 'error',
    title: 'S3 buckets must block public access',
    rationale:
      'Most S3 data exposures come from one permissive ACL or bucket policy, often added later by someone who did not know what the bucket held. Block Public Access is a guardrail above ACLs and policies: with all four settings on, no grant can make the bucket or its objects public, whatever is added later.',
    remediation:
      'Add `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls` and `RestrictPublicBuckets` all `true`. To serve content publicly, put CloudFront in front with origin access control instead of opening the bucket.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-publicaccessblockconfiguration.html',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    ],
    resourceTypes: ['AWS::S3::Bucket'],
    equivalents: {
      checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'],
      cfnNag: [],
      cfnLint: [],
      kics: ['48f100d9-f499-4c6d-b2b8-deafe47ffb26', '6c8d51af-218d-4bfb-94a9-94eabaa0703a', '350cd468-0e2c-44ef-9d22-cfb73a62523c'],
      securityHub: ['S3.8'],
      cis: ['2.1.4'],
    },
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
    // Blocking public access breaks a bucket that serves a website; that fix is not the default.
    const preferred = !resource.properties?.byKey.has('WebsiteConfiguration');
    const pair: Pair | undefined = resource.properties?.byKey.get('PublicAccessBlockConfiguration');
    if (!pair) {
      context.report({
        at: missingPropertyAnchor(resource),
        message: `${resource.logicalId} has no PublicAccessBlockConfiguration, so an ACL or bucket policy can make it public.`,
        fixes: [{ title: 'Block all public access', preferred, changes: [setResourceProperty(resource, 'PublicAccessBlockConfiguration', Object.fromEntries(FLAGS.map((f) => [f, true])))] }],
      });
      return;
    }
    const configuration = pair.value;
    if (configuration.kind !== 'map') return; // set through an intrinsic: not known here
    const open: string[] = [];
    const changes: Change[] = [];
    for (const flag of FLAGS) {
      const flagPair = configuration.byKey.get(flag);
      // Unset (absent, or removed with AWS::NoValue) means false.
      const values = flagPair ? context.evaluator.candidates(flagPair.value).map((c) => (c.value.kind === 'noValue' ? false : asBoolean(c.value))) : [false];
      if (!values.includes(false)) continue;
      open.push(flag);
      if (!flagPair || flagPair.value.kind === 'scalar') changes.push({ kind: 'set', map: configuration, key: flag, value: true });
    }
    if (open.length === 0) return;
    const offOnly = open.every((flag) => configuration.byKey.has(flag));
    const anchor = open.length === 1 && offOnly ? configuration.byKey.get(open[0])!.value : pair.key;
    context.report({
      at: anchor,
      message: `${resource.logicalId} does not block all public access: ${open.join(', ')} ${open.length === 1 ? 'is' : 'are'} not true.`,
      fixes: changes.length === open.length ? [{ title: `Set ${open.join(', ')} to true`, preferred, changes }] : [],
    });
  },
};

export default rule;
