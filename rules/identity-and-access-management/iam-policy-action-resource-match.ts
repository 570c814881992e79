import { listNames, policyName, policyValues } from '../../server/src/engine/iam/statement';
import { hasWildcard } from '../../server/src/engine/iam/patterns';
import { isEveryAction, isEveryResource, namedActionValues, policyRule } from '../lib/iam';
import { acceptsSome, statementArns } from '../lib/iam-fixes';

export default policyRule(
  {
    id: 'iam-policy-action-resource-match',
    bestPractice: ['SEC03-BP02'],
    severity: 'warning',
    title: 'Actions and resources of a statement should apply to each other',
    rationale:
      'An action applies only to the resource types AWS lists for it: `s3:GetObject` takes object ARNs (`bucket/*`), `s3:ListBucket` the bucket ARN, and `ec2:DescribeInstances` none at all (only `"*"`). A statement that pairs them wrongly grants nothing for that action, which is often "fixed" by widening it to `*`.',
    remediation: 'Give each action the resources it takes (the message says which): split the statement in two, or add the missing ARN (`${Bucket.Arn}/*` beside `${Bucket.Arn}`).',
    docs: ['https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html'],
    equivalents: { cfnLint: ['I3510'] },
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}\n',
    },
  },
  (policy, context) => {
    if (policy.kind === 'trust' || policy.form === 'permission' || !context.iam.available) return;
    for (const statement of policy.statements) {
      if (!statement.action || !statement.resource) continue;
      const arns = statementArns(statement, context);
      if (!arns || arns.some((arn) => !arn.startsWith('arn:') || hasWildcard(arn.split(':')[2] ?? '*'))) continue;
      const values = namedActionValues(statement, context);
      if (values.length === 0 || policyValues(statement.action, context.evaluator).some((value) => value.text === undefined || isEveryAction(value.text))) continue;
      const name = policyName(policy);
      const shown = () => listNames(policyValues(statement.resource, context.evaluator).map((value) => value.text!), 2);
      let mismatched = false;
      for (const value of values) {
        if (value.actions.length === 0 || value.actions.some((action) => acceptsSome(action, arns, context))) continue;
        mismatched = true;
        if (value.actions.length > 1) {
          context.report({ at: value.node, message: `${name}: none of the ${value.actions.length} actions "${value.text}" matches applies to ${shown()}.` });
          continue;
        }
        const [action] = value.actions;
        const takes = action.resourceTypes.map(({ type }) => `${type.name} (${type.arnFormat})`);
        context.report({
          at: value.node,
          message: takes.length === 0 ? `${name}: ${action.id} takes no resource ARN, so it applies only with Resource "*", not to ${shown()}.` : `${name}: ${action.id} cannot apply to ${shown()}; it takes ${listNames(takes, 2)}.`,
        });
      }
      // The reverse, when every action found a resource: a resource that none of them applies to.
      if (mismatched) continue;
      const actions = [...new Set(values.flatMap((value) => value.actions))];
      policyValues(statement.resource, context.evaluator).forEach((value, index) => {
        const arn = arns[index];
        if (arn === undefined || isEveryResource(value.text) || actions.some((action) => acceptsSome(action, [arn], context))) return;
        context.report({ at: value.node, message: `${name}: no action of the statement applies to ${value.text}; it grants nothing there.` });
      });
    }
  },
);
