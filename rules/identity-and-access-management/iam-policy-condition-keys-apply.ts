import { conditions, policyName, policyValues, statementActions } from '../../server/src/engine/iam/statement';
import { isEveryAction, isProviderKey, policyRule } from '../lib/iam';

export default policyRule(
  {
    id: 'iam-policy-condition-keys-apply',
    bestPractice: ['SEC03-BP02'],
    severity: 'warning',
    title: 'Service condition keys should apply to the statement\'s actions',
    rationale:
      'A service\'s condition key is set only in the requests of the actions that support it: `s3:prefix` on `s3:GetObject` is never present. In an `Allow` the statement then grants nothing; in a `Deny` the restriction never applies, unless `...IfExists` makes it pass silently.',
    remediation: 'Move the condition to a statement with the actions that support the key (the IAM reference lists them per action), or use a key those actions support.',
    docs: ['https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html'],
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*", "Condition": {"StringLike": {"s3:prefix": "2024/*"}}}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports", "Condition": {"StringLike": {"s3:prefix": "2024/*"}}}]}\n',
    },
  },
  (policy, context) => {
    const iam = context.iam;
    if (!iam.available) return;
    for (const statement of policy.statements) {
      const serviceKeys = conditions(statement, context.evaluator).filter((entry) => entry.keyNode && !entry.key.toLowerCase().startsWith('aws:') && !isProviderKey(entry.key));
      if (serviceKeys.length === 0 || !statement.action || policyValues(statement.action, context.evaluator).some((value) => value.text === undefined || isEveryAction(value.text))) continue;
      const actions = statementActions(statement, context.evaluator, iam);
      if (actions.length === 0) continue;
      for (const entry of serviceKeys) {
        const key = iam.conditionKey(entry.key);
        if (!key) continue; // unknown keys are iam-policy-valid-conditions' to report
        const applies = actions.some((action) => action.conditionKeys.includes(key) || action.resourceTypes.some(({ type }) => type.conditionKeys.includes(key)));
        if (applies) continue;
        const names = actions.slice(0, 2).map((action) => action.id).join(', ');
        context.report({ at: entry.keyNode!, message: `${policyName(policy)}: ${key.name} is not set in requests for ${names}${actions.length > 2 ? ` or the other ${actions.length - 2} actions` : ''}, so this condition never matches.` });
      }
    }
  },
);
