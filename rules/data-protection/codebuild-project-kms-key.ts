import { customerManagedKey } from '../lib/at-rest';
import { propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'codebuild-project-kms-key',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'info',
    title: 'CodeBuild projects can encrypt build output with a customer managed KMS key',
    rationale:
      'CodeBuild encrypts build artifacts, caches and logs it writes to S3, by default with the AWS managed key for Amazon S3 (aws/s3), which anyone allowed to read the bucket can use. Build output holds the code and binaries you ship; a customer managed key makes reading them a separate permission, and is needed to hand artifacts to another account.',
    remediation:
      'Set `EncryptionKey` to a customer managed key whose policy lets the project\'s service role use it (`kms:GenerateDataKey*`, `kms:Decrypt`). It changes in place and applies to output written afterwards.',
    docs: [
      'https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html#cfn-codebuild-project-encryptionkey',
    ],
    resourceTypes: ['AWS::CodeBuild::Project'],
    equivalents: { checkov: [], cfnNag: ['W32'], cfnLint: [], kics: ['d7467bb6-3ed1-4c82-8095-5e7a818d0aad'], securityHub: [], cis: [] },
    fixable: false,
    enabledByDefault: false,
    examples: {
      insecure: `Parameters:
  BuildRoleArn:
    Type: String
Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: !Ref BuildRoleArn
      Source: { Type: CODEPIPELINE }
      Artifacts: { Type: CODEPIPELINE }
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
`,
      secure: `Parameters:
  BuildRoleArn:
    Type: String
  BuildKeyArn:
    Type: String
Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: !Ref BuildRoleArn
      EncryptionKey: !Ref BuildKeyArn
      Source: { Type: CODEPIPELINE }
      Artifacts: { Type: CODEPIPELINE }
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
`,
    },
  },
  [customerManagedKey('EncryptionKey', 'the AWS managed key for Amazon S3 (aws/s3)')],
);
