import { mustBeOneOf, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'ecr-repository-immutable-tags',
    area: 'infrastructure-protection',
    bestPractice: ['SEC06-BP06'],
    severity: 'warning',
    title: 'ECR repositories should make image tags immutable',
    rationale:
      'With mutable tags, pushing an image moves a tag such as `v1.4.2` or `prod` to new content: whoever can push to the repository can silently replace what the next deployment, scaling event or task restart runs, and the tag no longer says which image was scanned, reviewed or approved. Immutable tags keep each tag bound to one image digest.',
    remediation:
      'Set `ImageTagMutability: IMMUTABLE` (or `IMMUTABLE_WITH_EXCLUSION`, with `ImageTagMutabilityExclusionFilters` for the few moving tags a workflow relies on, such as `latest`). Push each build under a new, unique tag (a version or commit id), and deploy by that tag or by digest. Pushes that reuse a tag then fail, which is the point: adjust pipelines that retag.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html#cfn-ecr-repository-imagetagmutability',
      'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
    ],
    resourceTypes: ['AWS::ECR::Repository'],
    equivalents: {
      checkov: ['CKV_AWS_51'],
      cfnNag: [],
      cfnLint: [],
      kics: ['33f41d31-86b1-46a4-81f7-9c9a671f59ac'],
      securityHub: ['ECR.2'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: web
      ImageScanningConfiguration:
        ScanOnPush: true
`,
      secure: `Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: web
      ImageTagMutability: IMMUTABLE
      ImageScanningConfiguration:
        ScanOnPush: true
      EncryptionConfiguration:
        EncryptionType: KMS
`,
    },
  },
  [
    {
      // Not preferred: pipelines that push the same tag twice (`latest`) fail once tags are immutable.
      ...mustBeOneOf('ImageTagMutability', 'immutable tags', ['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'], 'insecure', { value: 'IMMUTABLE', preferred: false }),
      defaultText: 'MUTABLE',
      missingPhrase: 'lets a push move an existing tag to another image',
      insecurePhrase: 'lets a push move an existing tag to another image',
    },
  ],
);
