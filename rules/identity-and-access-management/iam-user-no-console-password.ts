import type { Rule } from '../../server/src/engine/rule';

const rule: Rule = {
  meta: {
    id: 'iam-user-no-console-password',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP01', 'SEC02-BP04'],
    severity: 'warning',
    title: 'Templates should not give IAM users console passwords',
    rationale:
      'A console password on an IAM user is a long-term credential that lives outside any central identity provider: it does not leave with the person, is not covered by the organization\'s sign-in policies, and is often created without MFA. People should sign in through a centralized identity provider and receive temporary credentials for the roles they need.',
    remediation:
      'Remove the `LoginProfile` and give people access through AWS IAM Identity Center (or SAML/OIDC federation to your identity provider) with permission sets or roles. Where an IAM user with a password must exist (break-glass), create it outside templates, require MFA and watch its use.',
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#enable-identity-center-for-people',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-user.html#cfn-iam-user-loginprofile',
    ],
    resourceTypes: ['AWS::IAM::User'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  Operator:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: "{{resolve:secretsmanager:operator-password}}"
        PasswordResetRequired: true
`,
      secure: `Resources:
  Operators:
    Type: AWS::IAM::Group
    Properties:
      GroupName: operators
`,
    },
  },
  resource(resource, context) {
    const pair = resource.properties?.byKey.get('LoginProfile');
    if (!pair || !context.evaluator.candidates(pair.value).some((candidate) => candidate.value.kind === 'collection')) return;
    context.report({
      at: pair.key,
      message: `${resource.logicalId} gets a console password: give people access through IAM Identity Center or a federated identity provider, with temporary credentials.`,
    });
  },
};

export default rule;
