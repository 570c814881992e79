import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { getProperty } from '../../server/src/engine/tree';
import { ENVIRONMENT_TYPES, environmentVariables, variablesOfMap, type EnvironmentVariable } from '../lib/environment';
import { within } from '../lib/fixes';
import { noEchoParameterFix, secretIn, writtenTexts } from '../lib/secrets';
import { explain } from '../lib/values';

/** Where each service reads a secret at run time instead. */
const REMEDIES: Readonly<Record<string, string>> = {
  'AWS::ECS::TaskDefinition': 'pass it in the container\'s Secrets (ValueFrom a Secrets Manager secret or SSM parameter)',
  'AWS::Batch::JobDefinition': 'pass it in the container\'s Secrets (ValueFrom a Secrets Manager secret or SSM parameter)',
  'AWS::CodeBuild::Project': 'give the variable Type SECRETS_MANAGER or PARAMETER_STORE and the secret\'s name as its value',
};
const LAMBDA_REMEDY = 'read it from Secrets Manager at run time';

const rule: Rule = {
  meta: {
    id: 'environment-variable-no-plaintext-secret',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP03'],
    severity: 'error',
    title: 'Environment variables must not hold secrets in plain text',
    rationale:
      'Environment variables are written in the template, shown in the console and returned by describe calls (GetFunctionConfiguration, DescribeTaskDefinition, BatchGetProjects) to anyone with read access, and copied into every version. A password, token or access key there is exposed far beyond the code that needs it, and cannot be rotated without a redeployment.',
    remediation:
      'Keep the secret in AWS Secrets Manager or SSM Parameter Store. ECS and Batch containers take it through `Secrets` with `ValueFrom`; CodeBuild variables take `Type: SECRETS_MANAGER` or `PARAMETER_STORE`; Lambda functions read it at run time (the AWS Parameters and Secrets Lambda Extension caches it), with the secret\'s name or ARN in the variable instead. Change any secret that was committed.',
    docs: [
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
      'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager',
    ],
    resourceTypes: [...ENVIRONMENT_TYPES, 'template'],
    equivalents: {
      checkov: ['CKV_AWS_45'],
      cfnNag: [],
      cfnLint: [],
      kics: ['2564172f-c92b-4261-9acd-464aed511696'],
      securityHub: ['CodeBuild.2', 'ECS.8'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::123456789012:role/worker
      Code: { S3Bucket: artifacts, S3Key: worker.zip }
      Environment:
        Variables:
          PAYMENTS_API_TOKEN: tok_51Hd8rKcQ2xV9pLmN3bZ7wEy
`,
      secure: `Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::123456789012:role/worker
      Code: { S3Bucket: artifacts, S3Key: worker.zip }
      Environment:
        Variables:
          PAYMENTS_API_TOKEN_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:123456789012:secret:payments/api-token
`,
    },
  },
  resource(resource, context) {
    check(environmentVariables(resource, context), resource.logicalId, REMEDIES[resource.type] ?? LAMBDA_REMEDY, context);
  },
  template(template, context) {
    // SAM's Globals set variables on every function of the template.
    const globals = getProperty(getProperty(getProperty(template.root.byKey.get('Globals')?.value, 'Function'), 'Environment'), 'Variables');
    if (globals) check(variablesOfMap(globals, 'Globals.Function.Environment.Variables'), 'Globals', LAMBDA_REMEDY, context);
  },
};

function check(variables: readonly EnvironmentVariable[], owner: string, remedy: string, context: RuleContext): void {
  for (const variable of variables) {
    const texts = writtenTexts(variable.value, context);
    for (const written of texts) {
      const what = secretIn(variable.name, written.text);
      if (!what) continue;
      const at = within(written.node, variable.value) ? written.node : variable.value;
      context.report({
        at,
        message: `${owner} sets ${variable.label} to ${what} in plain text${explain(written.candidate)}: ${remedy}.`,
        fixes: texts.length === 1 && at === written.node ? noEchoParameterFix(context, written.node, `${owner} ${variable.name}`, `${variable.name} of ${owner}`) : [],
      });
      break;
    }
  }
}

export default rule;
