import rule from '../../rules/data-protection/codebuild-project-kms-key';
import { testRule } from '../helpers/rule-tester';

const project = (properties: string) => `Resources:\n  Build:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      Artifacts: { Type: NO_ARTIFACTS }\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'a key of the template', code: project('      EncryptionKey: !GetAtt BuildKey.Arn\n') },
    { name: 'JSON, a customer alias', file: 't.json', code: '{"Resources": {"Build": {"Type": "AWS::CodeBuild::Project", "Properties": {"EncryptionKey": "alias/builds"}}}}' },
  ],
  invalid: [
    { name: 'no key', code: project(''), findings: [{ range: '4:5-4:15', message: 'Build does not use a customer managed KMS key: EncryptionKey is not set and defaults to the AWS managed key for Amazon S3 (aws/s3).' }], output: null },
    { name: 'the AWS managed key for S3', code: project('      EncryptionKey: alias/aws/s3\n'), findings: [{ range: '6:22-6:34' }], output: null },
    { name: 'JSON, no key', file: 't.json', code: '{"Resources": {"Build": {"Type": "AWS::CodeBuild::Project", "Properties": {}}}}', findings: [{ range: '1:61-1:73' }], output: null },
  ],
});
