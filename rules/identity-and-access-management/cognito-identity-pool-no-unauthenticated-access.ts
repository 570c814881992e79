import { checkProperty, mustNotBeTrue } from '../lib/properties';
import type { Rule } from '../../server/src/engine/rule';
import { getProperty } from '../../server/src/engine/tree';

const rule: Rule = {
  meta: {
    id: 'cognito-identity-pool-no-unauthenticated-access',
    area: 'identity-and-access-management',
    bestPractice: ['SEC03-BP07', 'SEC02-BP02'],
    severity: 'warning',
    title: 'Cognito identity pools should not give AWS credentials to unauthenticated guests',
    rationale:
      'An identity pool that allows unauthenticated identities hands AWS credentials for its unauthenticated role to anyone who asks, without signing in. Whatever that role may do, anyone on the internet may do, at any scale.',
    remediation:
      'Set `AllowUnauthenticatedIdentities: false`. If guest access is a product requirement, keep the unauthenticated role to the few read-only actions and resources guests need, and watch its use.',
    docs: [
      'https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html#enable-or-disable-unauthenticated-identities',
      'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html',
    ],
    resourceTypes: ['AWS::Cognito::IdentityPool'],
    equivalents: { checkov: ['CKV_AWS_366'], cfnNag: ['W57'], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Identities:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: true
`,
      secure: `Resources:
  Identities:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: false
`,
    },
  },
  resource(resource, context) {
    // Guests get credentials only through an unauthenticated role; a role attachment of this template that sets none gives them nothing.
    const attachments = context.facts?.pointingAt(resource, 'AWS::Cognito::IdentityPoolRoleAttachment', 'IdentityPoolId') ?? [];
    if (attachments.length > 0 && attachments.every((attachment) => !getProperty(getProperty(attachment.properties, 'Roles'), 'unauthenticated'))) return;
    checkProperty(resource, context, { ...mustNotBeTrue('AllowUnauthenticatedIdentities', 'unauthenticated access', { value: false, preferred: false }), insecurePhrase: 'gives AWS credentials to anyone who asks' });
  },
};

export default rule;
