import rule from '../../rules/identity-and-access-management/secretsmanager-secret-rotation-enabled';
import { testRule } from '../helpers/rule-tester';

const secret = 'Resources:\n  Secret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: app/db\n      GenerateSecretString: { GenerateStringKey: password, SecretStringTemplate: "{}" }\n';
const schedule = (secretId: string) => `  Rotation:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: ${secretId}\n      HostedRotationLambda: { RotationType: PostgreSQLSingleUser }\n      RotationRules: { ScheduleExpression: rate(30 days) }\n`;

testRule(rule, {
  valid: [
    { name: 'a rotation schedule naming the secret with !Ref', code: secret + schedule('!Ref Secret') },
    { name: 'a rotation schedule naming the secret by its name', code: secret + schedule('app/db') },
    { name: 'a rotation schedule in one branch of !If', code: secret + schedule('!If [Rotate, !Ref Secret, !Ref AWS::NoValue]') },
  ],
  invalid: [
    {
      name: 'no rotation schedule',
      code: secret,
      findings: [{ range: '2:3-2:9', message: 'Secret is never rotated: no AWS::SecretsManager::RotationSchedule of this template names it.' }],
      output: null,
    },
    {
      name: 'a rotation schedule for another secret, JSON',
      file: 't.json',
      code: '{"Resources": {"Secret": {"Type": "AWS::SecretsManager::Secret"}, "Other": {"Type": "AWS::SecretsManager::Secret"}, "Rotation": {"Type": "AWS::SecretsManager::RotationSchedule", "Properties": {"SecretId": {"Ref": "Other"}}}}}',
      findings: [{ range: '1:16-1:24' }],
      output: null,
    },
  ],
});
