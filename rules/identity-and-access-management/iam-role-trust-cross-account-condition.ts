import { policyName, principals } from '../../server/src/engine/iam/statement';
import { allowStatements, hasConditionOn, policyRule } from '../lib/iam';
import { explain } from '../lib/values';

/** Conditions that make a whole-account trust safe: an external id (third parties), MFA (people), or named principals. */
const ACCOUNT_TRUST_CONDITIONS = ['sts:ExternalId', 'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:PrincipalArn', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalTag/', 'aws:userid', 'aws:SourceIdentity'];

/** `123456789012` or `arn:aws:iam::123456789012:root`: every identity of that account. */
function wholeAccount(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const match = /^(?:arn:[^:]+:iam::(\d{12}):root|(\d{12}))$/.exec(text);
  return match?.[1] ?? match?.[2];
}

export default policyRule(
  {
    id: 'iam-role-trust-cross-account-condition',
    bestPractice: ['SEC03-BP07', 'SEC03-BP08'],
    severity: 'warning',
    title: 'Roles trusted by another account should require an external id or MFA',
    rationale:
      'Trusting an account (`arn:aws:iam::111122223333:root`) lets every identity that account allows assume the role. For a third party, an `sts:ExternalId` condition stops another of its customers from using it against you (the confused deputy); for people, MFA makes a leaked access key not enough.',
    remediation: 'Add `sts:ExternalId` (a value agreed with the third party), `aws:MultiFactorAuthPresent: true` for people, or trust the specific role ARNs that need access.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html'],
    equivalents: { checkov: ['CKV_AWS_61'], kics: ['85138beb-ce7c-4ca3-a09f-e8fbcc57ddd7'] },
    examples: {
      insecure:
        'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::111122223333:root }\n            Action: sts:AssumeRole\n',
      secure:
        'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::111122223333:root }\n            Action: sts:AssumeRole\n            Condition:\n              StringEquals:\n                sts:ExternalId: 7f3a9c2e-partner\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['trust'])) {
      const account = principals(statement.principal, context.evaluator).find((principal) => principal.type === 'AWS' && wholeAccount(principal.text));
      if (!account || hasConditionOn(statement, context, ACCOUNT_TRUST_CONDITIONS)) continue;
      context.report({ at: account.node, message: `${policyName(policy, statement)} lets every identity of account ${wholeAccount(account.text)} assume the role${explain(account.candidate)}, with no sts:ExternalId, MFA or principal condition.` });
    }
  },
);
