import { checkProperty, mustBeOneOf } from '../lib/properties';
import type { Rule } from '../../server/src/engine/rule';

const rule: Rule = {
  meta: {
    id: 'lambda-function-url-auth-required',
    area: 'identity-and-access-management',
    bestPractice: ['SEC03-BP07', 'SEC05-BP02'],
    severity: 'warning',
    title: 'Lambda function URLs should require IAM authentication',
    rationale:
      'A function URL with `AuthType: NONE` is a public HTTPS endpoint: anyone on the internet who learns the URL can invoke the function as often as they like, and the function\'s role acts on their behalf. Access should be limited to callers who prove who they are.',
    remediation:
      'Set `AuthType: AWS_IAM` and grant `lambda:InvokeFunctionUrl` to the callers that need it (requests are then signed with SigV4). For a public web endpoint, put CloudFront in front with origin access control, which signs requests to an AWS_IAM function URL; for a webhook, verify the sender\'s signature in the function and keep the URL out of public view.',
    docs: [
      'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html',
    ],
    resourceTypes: ['AWS::Lambda::Url', 'AWS::Serverless::Function'],
    equivalents: { checkov: ['CKV_AWS_258'], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  WebhookUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: arn:aws:lambda:eu-west-1:123456789012:function:webhook
      AuthType: NONE
`,
      secure: `Resources:
  WebhookUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: arn:aws:lambda:eu-west-1:123456789012:function:webhook
      AuthType: AWS_IAM
`,
    },
  },
  resource(resource, context) {
    const path = resource.type === 'AWS::Lambda::Url' ? 'AuthType' : 'FunctionUrlConfig.AuthType';
    checkProperty(resource, context, {
      ...mustBeOneOf(path, 'authentication', ['AWS_IAM'], 'secure', { value: 'AWS_IAM', preferred: false }),
      insecurePhrase: 'lets anyone on the internet invoke its function URL',
    });
  },
};

export default rule;
