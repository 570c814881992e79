import { listNames, policyName } from '../../server/src/engine/iam/statement';
import { allowStatements, everyResourceValues, namedActionValues, policyRule } from '../lib/iam';
import { explain } from '../lib/values';

/** Actions whose response holds credentials: keys, passwords, tokens or temporary sessions. */
const RETURN_CREDENTIALS = new Set([
  'iam:CreateAccessKey',
  'iam:UpdateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:GetFederationToken',
  'sts:GetSessionToken',
  'ecr:GetAuthorizationToken',
  'ec2:GetPasswordData',
  'redshift:GetClusterCredentials',
  'rds-db:Connect',
  'cognito-identity:GetCredentialsForIdentity',
  'cognito-identity:GetOpenIdToken',
  'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
  'lightsail:GetInstanceAccessDetails',
  'lightsail:GetRelationalDatabaseMasterUserPassword',
  'sso:GetRoleCredentials',
  'codepipeline:PollForJobs',
  'connect:GetFederationToken',
  'gamelift:RequestUploadCredentials',
]);

export default policyRule(
  {
    id: 'iam-policy-no-credentials-exposure',
    bestPractice: ['SEC02-BP02', 'SEC03-BP02'],
    severity: 'warning',
    title: 'Actions that return credentials should be limited to named resources',
    rationale:
      'Some actions answer with credentials: access keys, passwords, registry tokens, role sessions. Allowed on every resource, they hand the principal the identities of other users, roles and databases, and whatever those can do.',
    remediation:
      'Scope the actions to the roles, users, clusters or instances the workload needs (`sts:AssumeRole` on the ARNs of the roles it assumes). Actions that take no resource (`ecr:GetAuthorizationToken`, `sts:GetSessionToken`) can only be allowed on `*` and are not reported: the credentials they return carry only the caller\'s own permissions.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_assumerole.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    equivalents: { checkov: ['CKV_AWS_107'], kics: ['e835bd0d-65da-49f7-b6d1-b646da8727e6'] },
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::123456789012:role/reporting"}]}\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['identity'])) {
      if (statement.condition) continue;
      const everything = everyResourceValues(statement, context.evaluator);
      if (everything.length === 0) continue;
      // An action that takes no resource (ecr:GetAuthorizationToken) can only be allowed on "*": nothing to narrow.
      const actions = [...new Set(namedActionValues(statement, context).flatMap((value) => value.actions))].filter((action) => RETURN_CREDENTIALS.has(action.id) && action.resourceTypes.length > 0);
      if (actions.length === 0) continue;
      for (const value of everything) {
        context.report({ at: value.node, message: `${policyName(policy, statement)} can obtain credentials for any resource of the account through ${listNames(actions.map((a) => a.id))} on "${value.text}"${explain(value.candidate)}.` });
      }
    }
  },
);
