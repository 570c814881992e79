import { policyName, policyValues, principals } from '../../server/src/engine/iam/statement';

/** The template's own account: `arn:${AWS::Partition}:iam::${AWS::AccountId}:root`, or the bare account id. */
const OWN_ACCOUNT = /^(arn:(aws[a-z-]*|\$\{AWS::Partition\}):iam::\$\{AWS::AccountId\}:root|\$\{AWS::AccountId\})$/;
import { allowStatements, policyRule } from '../lib/iam';
import { narrowActionFixes } from '../lib/iam-fixes';
import { explain } from '../lib/values';

export default policyRule(
  {
    id: 'iam-policy-no-service-wildcard-action',
    bestPractice: ['SEC03-BP02'],
    severity: 'warning',
    title: 'Policies should not allow every action of a service ("s3:*")',
    rationale:
      'A service-wide wildcard grants every action of the service, the ones that delete data and change its access policies included, and every action AWS adds to it later. Least privilege means naming the actions the workload calls.',
    remediation:
      'Replace the wildcard with the actions the workload needs (the quick fix offers the actions that the statement\'s resources accept, the read-only ones, or those of one access level). IAM Access Analyzer can generate the list from CloudTrail activity.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21'],
    equivalents: { securityHub: ['IAM.21'] },
    fixable: true,
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"], "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs"}]}\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['identity', 'resource'])) {
      // A resource policy that grants its own account (a key policy's `kms:*` to the account root) delegates to IAM.
      const granted = principals(statement.principal, context.evaluator);
      if (policy.kind === 'resource' && granted.length > 0 && granted.every((p) => OWN_ACCOUNT.test(p.text ?? ''))) continue;
      for (const value of policyValues(statement.action, context.evaluator)) {
        const match = value.text === undefined ? null : /^([a-z0-9-]+):\*+$/i.exec(value.text);
        const service = match && context.iam.service(match[1]);
        if (!service) continue;
        const levels = new Map<string, number>();
        for (const action of service.actions) levels.set(action.accessLevel, (levels.get(action.accessLevel) ?? 0) + 1);
        const risky = ['Permissions management', 'Write'].filter((level) => levels.has(level)).map((level) => `${levels.get(level)} ${level.toLowerCase()}`);
        context.report({
          at: value.node,
          message: `${policyName(policy, statement)} allows all ${service.actions.length} actions of ${service.name} ("${value.text}")${explain(value.candidate)}${risky.length > 0 ? `, ${risky.join(' and ')} actions among them` : ''}.`,
          fixes: narrowActionFixes(policy, statement, value, context),
        });
      }
    }
  },
);
