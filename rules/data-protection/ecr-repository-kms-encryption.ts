import { mustBeOneOf, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'ecr-repository-kms-encryption',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'info',
    title: 'ECR repositories can encrypt images with KMS',
    rationale:
      'Amazon ECR always encrypts images at rest, by default with S3-managed keys (AES256) whose use leaves no trace in the account. KMS encryption records each use of the key in CloudTrail and, with a customer managed key, puts pulling the image layers under a key policy you control.',
    remediation:
      'Set `EncryptionConfiguration.EncryptionType: KMS` (with `KmsKey` for a customer managed key; `KMS_DSSE` for two layers). The setting cannot change on an existing repository: CloudFormation replaces it, with its images, so push them again or replicate them first.',
    docs: [
      'https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-encryptionconfiguration.html',
    ],
    resourceTypes: ['AWS::ECR::Repository'],
    equivalents: { checkov: ['CKV_AWS_136'], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: true,
    enabledByDefault: false,
    examples: {
      insecure: `Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: IMMUTABLE
      ImageScanningConfiguration:
        ScanOnPush: true
`,
      secure: `Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
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
      ...mustBeOneOf('EncryptionConfiguration.EncryptionType', 'KMS encryption', ['KMS', 'KMS_DSSE'], 'insecure', { value: 'KMS', replaces: true, preferred: false }),
      defaultText: 'AES256',
      missingPhrase: 'does not encrypt its images with KMS',
      insecurePhrase: 'does not encrypt its images with KMS',
    },
  ],
);
