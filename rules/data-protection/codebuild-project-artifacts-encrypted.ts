import type { Resource } from '../../server/src/engine/model';
import { encryptionNotDisabled } from '../lib/at-rest';
import { propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'codebuild-project-artifacts-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'warning',
    title: 'CodeBuild projects should not turn off encryption of their artifacts and S3 logs',
    rationale:
      'Build artifacts are the code and binaries you ship, and build logs often echo configuration and tokens. CodeBuild encrypts what it writes to S3 with the project\'s KMS key; `EncryptionDisabled: true` drops that, leaving the objects protected only by the bucket\'s own default, and reading them no longer needs permission on the key. Turning it off is rarely needed: static website artifacts are the usual reason, and a separate bucket serves them better.',
    remediation:
      'Remove `EncryptionDisabled` (or set it to `false`) in S3 `Artifacts`, each S3 `SecondaryArtifacts` entry and `LogsConfig.S3Logs` (artifacts handed to CodePipeline are encrypted with the pipeline\'s artifact store key, so the setting is not checked there). It changes in place and applies to the next build; readers of the output then need `kms:Decrypt` on the project\'s key (aws/s3 unless `EncryptionKey` names another).',
    docs: [
      'https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html#cfn-codebuild-project-artifacts-encryptiondisabled',
    ],
    resourceTypes: ['AWS::CodeBuild::Project'],
    equivalents: { checkov: ['CKV_AWS_78'], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  BuildRoleArn:
    Type: String
Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: !Ref BuildRoleArn
      Source: { Type: CODECOMMIT, Location: https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app }
      Artifacts:
        Type: S3
        Location: example-build-artifacts
        EncryptionDisabled: true
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
`,
      secure: `Parameters:
  BuildRoleArn:
    Type: String
Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: !Ref BuildRoleArn
      Source: { Type: CODECOMMIT, Location: https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app }
      Artifacts:
        Type: S3
        Location: example-build-artifacts
        EncryptionDisabled: false
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
`,
    },
  },
  (resource) => [
    // EncryptionDisabled only applies to S3 artifacts; pipelines (CODEPIPELINE) encrypt with the artifact store's key.
    ...(mayBeS3(resource, 'Artifacts') ? [encryptionNotDisabled('Artifacts.EncryptionDisabled', 'encryption of build artifacts')] : []),
    ...(mayBeS3(resource, 'SecondaryArtifacts') ? [encryptionNotDisabled('SecondaryArtifacts[].EncryptionDisabled', 'encryption of build artifacts')] : []),
    encryptionNotDisabled('LogsConfig.S3Logs.EncryptionDisabled', 'encryption of build logs'),
  ],
);

/** Whether the artifacts (a map, or a list of them) may be of type S3: a Type not written as another literal. */
function mayBeS3(resource: Resource, key: string): boolean {
  const value = resource.properties?.byKey.get(key)?.value;
  const maps = value?.kind === 'seq' ? value.items : value ? [value] : [];
  return maps.some((map) => {
    const type = map.kind === 'map' ? map.byKey.get('Type')?.value : undefined;
    return !(type?.kind === 'scalar' && typeof type.value === 'string' && type.value.toUpperCase() !== 'S3');
  });
}
