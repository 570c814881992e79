import rule from '../../rules/data-protection/secretsmanager-secret-kms-key';
import { testRule } from '../helpers/rule-tester';

const secret = (properties: string) => `Resources:\n  Secret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Description: app\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'a key of the template', code: secret('      KmsKeyId: !Ref SecretsKey\n') },
    { name: 'a customer alias', code: secret('      KmsKeyId: alias/payments-secrets\n') },
    { name: 'a parameter without a default', code: `Parameters:\n  KeyArn:\n    Type: String\n${secret('      KmsKeyId: !Ref KeyArn\n')}` },
    { name: 'JSON, a key ARN', file: 't.json', code: '{"Resources": {"Secret": {"Type": "AWS::SecretsManager::Secret", "Properties": {"KmsKeyId": "arn:aws:kms:eu-west-1:123456789012:alias/payments"}}}}' },
  ],
  invalid: [
    { name: 'no key', code: secret(''), findings: [{ range: '4:5-4:15', message: 'Secret does not use a customer managed KMS key: KmsKeyId is not set and defaults to the AWS managed key aws/secretsmanager.' }], output: null },
    { name: 'the AWS managed key', code: secret('      KmsKeyId: alias/aws/secretsmanager\n'), findings: [{ range: '6:17-6:41', message: 'Secret does not use a customer managed KMS key: KmsKeyId is "alias/aws/secretsmanager".' }], output: null },
    {
      name: 'the AWS managed key by ARN, from a parameter default',
      code: `Parameters:\n  KeyArn:\n    Type: String\n    Default: arn:aws:kms:eu-west-1:123456789012:alias/aws/secretsmanager\n${secret('      KmsKeyId: !Ref KeyArn\n')}`,
      findings: [{ range: '10:17-10:28', message: /from the default of parameter KeyArn/ }],
      output: null,
    },
    { name: 'JSON, no key', file: 't.json', code: '{"Resources": {"Secret": {"Type": "AWS::SecretsManager::Secret", "Properties": {"Description": "app"}}}}', findings: [{ range: '1:66-1:78' }], output: null },
  ],
});
