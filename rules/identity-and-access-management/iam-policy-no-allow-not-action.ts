import { actionValues, policyName, statementActions } from '../../server/src/engine/iam/statement';
import { allowStatements, policyRule } from '../lib/iam';
import { replaceNotActionFixes } from '../lib/iam-fixes';

export default policyRule(
  {
    id: 'iam-policy-no-allow-not-action',
    bestPractice: ['SEC03-BP02'],
    severity: 'error',
    title: 'Policies must not allow with NotAction',
    rationale:
      '`Effect: Allow` with `NotAction` allows every action except the ones listed, across every service, including the actions AWS adds later. What looks like an exclusion list is in fact a near-administrator grant.',
    remediation:
      'Allow the actions the workload needs with `Action`. To carve exceptions out of a broader grant, add a `Deny` statement (a `Deny` with `NotAction` is fine).',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html'],
    equivalents: { cfnNag: ['W14', 'W15', 'W16', 'W17', 'W18', 'W19', 'W20'], kics: ['818f38ed-8446-4132-9c03-474d49e10195'] },
    fixable: true,
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}]}\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context)) {
      const pair = statement.node.byKey.get('NotAction');
      if (!pair) continue;
      const excluded = actionValues(statement.notAction, context.evaluator, context.iam).map((value) => value.text ?? '?');
      const allowed = context.iam.available ? `${statementActions(statement, context.evaluator, context.iam).length} actions` : 'every action';
      context.report({
        at: pair.key,
        message: `${policyName(policy, statement)} allows ${allowed} of every service except ${excluded.join(', ')}, including the ones AWS adds later.`,
        fixes: replaceNotActionFixes(policy, statement, context),
      });
    }
  },
);
