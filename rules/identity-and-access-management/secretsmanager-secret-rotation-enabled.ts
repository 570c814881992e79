import type { Rule } from '../../server/src/engine/rule';

const rule: Rule = {
  meta: {
    id: 'secretsmanager-secret-rotation-enabled',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP05'],
    severity: 'warning',
    title: 'Secrets Manager secrets should rotate automatically',
    rationale:
      'A secret that never changes stays valid for as long as it has existed, in every copy anyone ever made of it: a leak found late, or never found, keeps working. Rotating secrets on a schedule limits how long a leaked one is useful, and proves that the workload can change them when an incident requires it.',
    remediation:
      'Add an `AWS::SecretsManager::RotationSchedule` for the secret, with a rotation function (`HostedRotationLambda` creates one for RDS, Aurora, DocumentDB, Redshift and others) and `RotationRules` such as `ScheduleExpression: rate(30 days)`. For an RDS master password, `ManageMasterUserPassword: true` on the database creates a secret that RDS rotates itself.',
    docs: [
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-secretsmanager-rotationschedule.html',
    ],
    resourceTypes: ['AWS::SecretsManager::Secret'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['SecretsManager.1'], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  DatabaseSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        SecretStringTemplate: '{"username": "app"}'
        GenerateStringKey: password
`,
      secure: `Resources:
  DatabaseSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
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
  resource(resource, context) {
    if ((context.facts?.pointingAt(resource, 'AWS::SecretsManager::RotationSchedule', 'SecretId') ?? []).length > 0) return;
    context.report({ at: resource.key, message: `${resource.logicalId} is never rotated: no AWS::SecretsManager::RotationSchedule of this template names it.` });
  },
};

export default rule;
