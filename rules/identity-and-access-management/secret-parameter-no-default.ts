import type { Rule } from '../../server/src/engine/rule';
import { isReferenceOrPlaceholder, secretParameters, writtenTexts } from '../lib/secrets';

const rule: Rule = {
  meta: {
    id: 'secret-parameter-no-default',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP03'],
    severity: 'error',
    title: 'Parameters that hold secrets must not have a default',
    rationale:
      'A default value is written in the template, so a secret parameter with a default puts the secret in every copy of the template and in the repository\'s history, NoEcho or not; and every stack deployed without an explicit value shares that one well-known secret.',
    remediation:
      'Remove the `Default` so that each deployment gives the value, and change the secret that was committed. Better, keep it in Secrets Manager and write a dynamic reference (`{{resolve:secretsmanager:…}}`) where it is used, or let the service manage it (`ManageMasterUserPassword: true` for RDS).',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html',
    ],
    resourceTypes: ['template'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  GitHubToken:
    Type: String
    NoEcho: true
    Default: 8f4e2c1a9b7d6e5f3a2b1c0d9e8f7a6b5c4d3e2f
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
      if (!parameter?.default || !parameter.node) continue;
      if (!writtenTexts(parameter.default, context).some((written) => !isReferenceOrPlaceholder(written.text))) continue;
      context.report({
        at: parameter.default,
        message: `Parameter ${name} holds a secret (${why}) and has a default value: the secret is written in the template.`,
        fixes: [{ title: 'Remove the default (each deployment then gives the value)', preferred: false, changes: [{ kind: 'remove', map: parameter.node, key: 'Default' }] }],
      });
    }
  },
};

export default rule;
