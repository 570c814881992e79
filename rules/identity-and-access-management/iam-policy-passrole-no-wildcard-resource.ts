import { policyName } from '../../server/src/engine/iam/statement';
import { allowStatements, everyResourceValues, findAction, policyRule } from '../lib/iam';
import { explain } from '../lib/values';

export default policyRule(
  {
    id: 'iam-policy-passrole-no-wildcard-resource',
    bestPractice: ['SEC03-BP02'],
    severity: 'error',
    title: 'iam:PassRole must name the roles it may pass, not "*"',
    rationale:
      '`iam:PassRole` on every role lets the principal hand any role of the account, administrator roles included, to a service it controls (an EC2 instance, a Lambda function, a CloudFormation stack) and act with that role\'s permissions: a privilege escalation in one step.',
    remediation: 'List the ARNs of the roles the workload passes (`!GetAtt TaskRole.Arn`), and add an `iam:PassedToService` condition naming the service they are passed to.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html'],
    equivalents: { cfnNag: ['F38', 'F39', 'F40'] },
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}\n',
      secure:
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app-task", "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}]}\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['identity'])) {
      const passRole = findAction(statement, context, (action) => action.id === 'iam:PassRole');
      if (!passRole) continue;
      for (const value of everyResourceValues(statement, context.evaluator)) {
        context.report({ at: value.node, message: `${policyName(policy, statement)} can pass every role of the account to a service (iam:PassRole on "${value.text}")${explain(value.candidate)}, and act with that role's permissions.` });
      }
    }
  },
);
