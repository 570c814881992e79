import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { getProperty, type Node } from '../../server/src/engine/tree';
import { customerManagedKey } from '../lib/at-rest';
import { checkProperty } from '../lib/properties';
import { samGlobal } from '../lib/sam';

const rule: Rule = {
  meta: {
    id: 'lambda-environment-kms-key',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'info',
    title: 'Functions with environment variables can encrypt them with a customer managed KMS key',
    rationale:
      'Lambda always encrypts environment variables at rest, by default with the AWS managed key aws/lambda, which anyone allowed to read the function\'s configuration can use. Variables often hold connection strings and endpoints; a customer managed key makes reading them a separate permission in a key policy you control. Secrets themselves belong in Secrets Manager or Parameter Store, not in variables.',
    remediation:
      'Set `KmsKeyArn` to a customer managed key whose policy lets the function\'s execution role call `kms:Decrypt`, and people who edit the function call `kms:Encrypt`. It changes in place. For SAM, `Globals.Function.KmsKeyArn` sets it for every function.',
    docs: [
      'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html#cfn-lambda-function-kmskeyarn',
    ],
    resourceTypes: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
    equivalents: { checkov: ['CKV_AWS_173'], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: false,
    enabledByDefault: false,
    examples: {
      insecure: `Parameters:
  FunctionRoleArn:
    Type: String
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !Ref FunctionRoleArn
      Code: { ZipFile: "def handler(event, context): return event" }
      Environment:
        Variables:
          TABLE_NAME: orders
`,
      secure: `Parameters:
  FunctionRoleArn:
    Type: String
  FunctionKeyArn:
    Type: String
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !Ref FunctionRoleArn
      Code: { ZipFile: "def handler(event, context): return event" }
      KmsKeyArn: !Ref FunctionKeyArn
      Environment:
        Variables:
          TABLE_NAME: orders
`,
    },
  },
  resource(resource, context) {
    const sam = resource.type === 'AWS::Serverless::Function';
    const variables = [getProperty(getProperty(resource.properties, 'Environment'), 'Variables')];
    if (sam) variables.push(getProperty(samGlobal(context.template, 'Function', 'Environment'), 'Variables'));
    if (!variables.some((node) => hasVariables(node, context))) return;
    if (sam && !resource.properties?.byKey.has('KmsKeyArn') && samGlobal(context.template, 'Function', 'KmsKeyArn')) return;
    checkProperty(resource, context, customerManagedKey('KmsKeyArn', 'the AWS managed key aws/lambda'));
  },
};

/** Whether a `Variables` map certainly holds a variable (in some branch). */
function hasVariables(node: Node | undefined, context: RuleContext): boolean {
  if (!node) return false;
  return context.evaluator.candidates(node).some((candidate) => candidate.value.kind === 'collection' && candidate.value.node.kind === 'map' && candidate.value.node.pairs.length > 0);
}

export default rule;
