import { customerManagedKey } from '../lib/at-rest';
import { propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'secretsmanager-secret-kms-key',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'info',
    title: 'Secrets can be encrypted with a customer managed KMS key',
    rationale:
      'Secrets Manager encrypts every secret, by default with the AWS managed key aws/secretsmanager, which anyone allowed to read the secret can use. A customer managed key makes decryption a separate permission in a key policy you control, lets you disable access to many secrets at once in an incident, and is required to share a secret with another account.',
    remediation:
      'Set `KmsKeyId` to a customer managed symmetric key (its ARN, id or alias) whose policy lets the principals that read the secret call `kms:Decrypt` through Secrets Manager (`kms:ViaService`). Changing the key re-encrypts the current versions in place; readers need permission on the new key first.',
    docs: [
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-secretsmanager-secret.html#cfn-secretsmanager-secret-kmskeyid',
    ],
    resourceTypes: ['AWS::SecretsManager::Secret'],
    equivalents: {
      checkov: ['CKV_AWS_149'],
      cfnNag: ['W77'],
      cfnLint: [],
      kics: ['c8ae9ba9-c2f7-4e5c-b32e-a4b7712d4d22'],
      securityHub: [],
      cis: [],
    },
    fixable: false,
    examples: {
      insecure: `Resources:
  DatabaseSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: alias/aws/secretsmanager
      GenerateSecretString:
        SecretStringTemplate: '{"username": "app"}'
        GenerateStringKey: password
`,
      secure: `Parameters:
  SecretsKeyArn:
    Type: String
Resources:
  DatabaseSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !Ref SecretsKeyArn
      GenerateSecretString:
        SecretStringTemplate: '{"username": "app"}'
        GenerateStringKey: password
  DatabaseSecretRotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref DatabaseSecret
      RotationLambdaARN: arn:aws:lambda:eu-west-1:123456789012:function:rotate-postgres
      RotationRules:
        ScheduleExpression: rate(30 days)
`,
    },
  },
  [customerManagedKey('KmsKeyId', 'the AWS managed key aws/secretsmanager')],
);
