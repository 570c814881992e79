import rule from '../../rules/data-protection/codebuild-project-artifacts-encrypted';
import { testRule } from '../helpers/rule-tester';

const project = (properties: string) => `Resources:\n  Build:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      ServiceRole: !Ref Role\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'S3 artifacts, encrypted by default', code: project('      Artifacts:\n        Type: S3\n        Location: bucket\n') },
    { name: 'explicitly encrypted', code: project('      Artifacts:\n        Type: S3\n        EncryptionDisabled: false\n') },
    { name: 'no artifacts', code: project('      Artifacts:\n        Type: NO_ARTIFACTS\n') },
    { name: 'pipeline artifacts: the artifact store encrypts them', code: project('      Artifacts:\n        Type: CODEPIPELINE\n        EncryptionDisabled: true\n') },
    { name: 'secondary artifacts encrypted', code: project('      Artifacts: { Type: NO_ARTIFACTS }\n      SecondaryArtifacts:\n        - Type: S3\n          ArtifactIdentifier: reports\n          Location: bucket\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Plain:\n    Type: String\n${project('      Artifacts:\n        Type: S3\n        EncryptionDisabled: !Ref Plain\n')}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Build": {"Type": "AWS::CodeBuild::Project", "Properties": {"Artifacts": {"Type": "S3", "EncryptionDisabled": false}}}}}' },
  ],
  invalid: [
    {
      name: 'artifacts unencrypted',
      code: project('      Artifacts:\n        Type: S3\n        EncryptionDisabled: true\n'),
      findings: [{ range: '8:29-8:33', message: 'Build turns off encryption of build artifacts: Artifacts.EncryptionDisabled is true.' }],
      output: project('      Artifacts:\n        Type: S3\n        EncryptionDisabled: false\n'),
    },
    {
      name: 'secondary artifacts unencrypted',
      code: project('      Artifacts: { Type: NO_ARTIFACTS }\n      SecondaryArtifacts:\n        - Type: S3\n          EncryptionDisabled: "true"\n'),
      findings: [{ range: '9:31-9:37', message: 'Build turns off encryption of build artifacts: SecondaryArtifacts[0].EncryptionDisabled is true.' }],
      output: project('      Artifacts: { Type: NO_ARTIFACTS }\n      SecondaryArtifacts:\n        - Type: S3\n          EncryptionDisabled: "false"\n'),
    },
    {
      name: 'S3 logs unencrypted',
      code: project('      LogsConfig:\n        S3Logs:\n          Status: ENABLED\n          Location: bucket/logs\n          EncryptionDisabled: true\n'),
      findings: [{ range: '10:31-10:35', message: 'Build turns off encryption of build logs: LogsConfig.S3Logs.EncryptionDisabled is true.' }],
      output: project('      LogsConfig:\n        S3Logs:\n          Status: ENABLED\n          Location: bucket/logs\n          EncryptionDisabled: false\n'),
    },
    {
      name: 'unencrypted on one branch',
      code: `Conditions:\n  IsSite: !Equals [!Ref AWS::StackName, site]\n${project('      Artifacts:\n        Type: S3\n        EncryptionDisabled: !If [IsSite, true, false]\n')}`,
      findings: [{ range: '10:29-10:54', message: /when condition IsSite is true/ }],
      output: `Conditions:\n  IsSite: !Equals [!Ref AWS::StackName, site]\n${project('      Artifacts:\n        Type: S3\n        EncryptionDisabled: !If [IsSite, false, false]\n')}`,
    },
    {
      name: 'parameter default',
      code: `Parameters:\n  Plain:\n    Type: String\n    Default: "true"\n${project('      Artifacts:\n        Type: S3\n        EncryptionDisabled: !Ref Plain\n')}`,
      findings: [{ range: '12:29-12:39', message: /from the default of parameter Plain/ }],
      output: `Parameters:\n  Plain:\n    Type: String\n    Default: "false"\n${project('      Artifacts:\n        Type: S3\n        EncryptionDisabled: !Ref Plain\n')}`,
    },
    {
      name: 'JSON, unencrypted',
      file: 't.json',
      code: '{"Resources": {"Build": {"Type": "AWS::CodeBuild::Project", "Properties": {"Artifacts": {"Type": "S3", "EncryptionDisabled": true}}}}}',
      findings: [{ range: '1:126-1:130' }],
      output: '{"Resources": {"Build": {"Type": "AWS::CodeBuild::Project", "Properties": {"Artifacts": {"Type": "S3", "EncryptionDisabled": false}}}}}',
    },
  ],
});
