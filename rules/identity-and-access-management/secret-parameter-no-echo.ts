import type { Rule } from '../../server/src/engine/rule';
import { secretParameters } from '../lib/secrets';

const rule: Rule = {
  meta: {
    id: 'secret-parameter-no-echo',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP03'],
    severity: 'error',
    title: 'Parameters that hold secrets must be NoEcho',
    rationale:
      'CloudFormation shows every parameter value in the console, in DescribeStacks and in the stack\'s events to anyone who may read the stack, unless the parameter is NoEcho. A password or token passed as an ordinary parameter is exposed to all of them, long after the deployment that needed it.',
    remediation:
      'Add `NoEcho: true` to the parameter (and do not echo it in Outputs or Metadata, which NoEcho does not mask). Better, keep the secret in Secrets Manager and write a dynamic reference where it is used, so that no deployment handles it at all.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#parameters-section-structure-properties',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds',
    ],
    resourceTypes: ['template'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: ['W2501'], kics: [], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  GitHubToken:
    Type: String
Resources:
  Source:
    Type: AWS::CodeBuild::SourceCredential
    Properties:
      AuthType: PERSONAL_ACCESS_TOKEN
      ServerType: GITHUB
      Token: !Ref GitHubToken
`,
      secure: `Parameters:
  GitHubToken:
    Type: String
    NoEcho: true
Resources:
  Source:
    Type: AWS::CodeBuild::SourceCredential
    Properties:
      AuthType: PERSONAL_ACCESS_TOKEN
      ServerType: GITHUB
      Token: !Ref GitHubToken
`,
    },
  },
  template(template, context) {
    for (const [name, why] of secretParameters(template, context)) {
      const parameter = template.parameters.get(name);
      if (!parameter || parameter.noEcho) continue;
      const noEcho = parameter.node?.byKey.get('NoEcho');
      context.report({
        at: noEcho?.value ?? parameter.key,
        message: `Parameter ${name} holds a secret (${why}) but is not NoEcho: CloudFormation shows its value to anyone who can describe the stack.`,
        fixes: parameter.node ? [{ title: 'Set NoEcho to true', preferred: true, changes: [{ kind: 'set', map: parameter.node, key: 'NoEcho', value: true }] }] : [],
      });
    }
  },
};

export default rule;
