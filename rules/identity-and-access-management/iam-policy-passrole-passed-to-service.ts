import { policyName, policyValues, principals } from '../../server/src/engine/iam/statement';
import type { Statement } from '../../server/src/engine/policies';
import type { RuleContext } from '../../server/src/engine/rule';
import { actionLabel, allowStatements, findAction, hasConditionOn, policyRule } from '../lib/iam';
import { addConditionFix } from '../lib/iam-fixes';

export default policyRule(
  {
    id: 'iam-policy-passrole-passed-to-service',
    bestPractice: ['SEC03-BP02'],
    severity: 'warning',
    title: 'iam:PassRole should say which service the role is passed to (iam:PassedToService)',
    rationale:
      'Without an `iam:PassedToService` condition a role can be passed to any service: a task role meant for ECS can then run as a Lambda function, a Glue job or an EC2 instance that the principal controls.',
    remediation: 'Add `Condition: { StringEquals: { "iam:PassedToService": "<service>.amazonaws.com" } }` naming the service that uses the role.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService'],
    fixable: true,
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app-task"}]}\n',
      secure:
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app-task", "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}]}\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['identity'])) {
      const passRole = findAction(statement, context, (action) => action.id === 'iam:PassRole');
      if (!passRole || hasConditionOn(statement, context, ['iam:PassedToService'])) continue;
      context.report({
        at: passRole.value.node,
        message: `${policyName(policy, statement)} can pass its roles to any service (${actionLabel(passRole.action, passRole.value)} without an iam:PassedToService condition).`,
        fixes: addConditionFix(policy, statement, 'StringEquals', 'iam:PassedToService', trustedServices(statement, context), 'Allow passing the role only to the service it trusts'),
      });
    }
  },
);

/** The services that trust the roles the statement names (`!GetAtt TaskRole.Arn`), when they are in the template. */
function trustedServices(statement: Statement, context: RuleContext): string[] | undefined {
  const services = new Set<string>();
  for (const value of policyValues(statement.resource, context.evaluator)) {
    const role = value.candidate.value.kind === 'symbolic' && value.candidate.value.attribute === 'Arn' ? value.candidate.value.resource : undefined;
    const trust = context.template?.policies.find((policy) => policy.kind === 'trust' && policy.resource?.logicalId === role);
    if (!trust) return undefined;
    for (const trusted of trust.statements.flatMap((s) => principals(s.principal, context.evaluator))) {
      if (trusted.type === 'Service' && trusted.text) services.add(trusted.text);
    }
  }
  return services.size > 0 ? [...services] : undefined;
}
