import { conditions, policyName, principals } from '../../server/src/engine/iam/statement';
import { allowStatements, policyRule } from '../lib/iam';

/**
 * The claim that says who a web identity is, per provider: GitHub's `aud` is the same for every
 * repository, so its trust needs `sub`; Cognito identity pools are told apart by `aud`.
 */
function requiredClaim(provider: string): string {
  return provider === 'cognito-identity.amazonaws.com' ? `${provider}:aud` : `${provider}:sub`;
}

/** The provider host of a federated principal: `token.actions.githubusercontent.com`, from its ARN or as written. */
function providerOf(written: string): string | undefined {
  // `arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/…`: the deploy-time parts do not matter here.
  const text = written.replace(/\$\{[^}]*\}/g, 'x');
  if (/^arn:[^:]+:iam::[^:]*:saml-provider\//.test(text)) return undefined;
  const arn = /^arn:[^:]+:iam::[^:]*:oidc-provider\/(.+)$/.exec(text);
  const host = arn ? arn[1] : text;
  return host.includes('.') ? host : undefined;
}

export default policyRule(
  {
    id: 'iam-role-trust-oidc-subject',
    bestPractice: ['SEC02-BP04', 'SEC03-BP07'],
    severity: 'error',
    title: 'Roles trusted by an OIDC provider must check who the token was issued to',
    rationale:
      'A role that trusts a web identity provider (GitHub Actions, an EKS cluster, Cognito) without a condition on the token\'s subject can be assumed with a token issued to anyone that provider serves: any GitHub repository, any service account of the cluster.',
    remediation:
      'Add a `StringEquals` (or `StringLike`) condition on the provider\'s `sub` claim naming your repository and branch (`repo:my-org/my-repo:ref:refs/heads/main`) or service account; for Cognito, on `cognito-identity.amazonaws.com:aud`.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif'],
    examples: {
      insecure:
        'Resources:\n  DeployRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Federated: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com" }\n            Action: sts:AssumeRoleWithWebIdentity\n            Condition:\n              StringEquals:\n                token.actions.githubusercontent.com:aud: sts.amazonaws.com\n',
      secure:
        'Resources:\n  DeployRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { Federated: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com" }\n            Action: sts:AssumeRoleWithWebIdentity\n            Condition:\n              StringEquals:\n                token.actions.githubusercontent.com:aud: sts.amazonaws.com\n                token.actions.githubusercontent.com:sub: repo:my-org/my-repo:ref:refs/heads/main\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['trust'])) {
      for (const federated of principals(statement.principal, context.evaluator)) {
        const provider = federated.type === 'Federated' && federated.text ? providerOf(federated.text) : undefined;
        if (!provider) continue;
        const claim = requiredClaim(provider).toLowerCase();
        // A condition on the claim counts when it names something narrower than "*" (or "repo:*").
        const checked = conditions(statement, context.evaluator).some(
          (entry) => entry.key.toLowerCase() === claim && !/Not/.test(entry.operator) && entry.values.some((value) => value.text === undefined || !/^[^:*]*:?\*$/.test(value.text)),
        );
        if (checked) continue;
        context.report({ at: federated.node, message: `${policyName(policy, statement)} lets anyone with a token from ${provider} assume the role: no condition on ${requiredClaim(provider)} says whose token.` });
      }
    }
  },
);
