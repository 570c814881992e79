import { listNames, policyName } from '../../server/src/engine/iam/statement';
import { allowStatements, everyResourceValues, namedActionValues, policyRule } from '../lib/iam';
import { narrowResourceFixes } from '../lib/iam-fixes';
import { explain } from '../lib/values';

const SCOPED_LEVELS = new Set(['Write', 'Permissions management', 'Tagging']);

export default policyRule(
  {
    id: 'iam-policy-no-wildcard-resource-for-write',
    bestPractice: ['SEC03-BP02'],
    severity: 'warning',
    title: 'Write, permissions and tagging actions should name their resources, not "*"',
    rationale:
      'An action that changes resources, their permissions or their tags, allowed on `Resource: "*"`, applies to every such resource in the account, today and later: a deployment role meant for one bucket can then empty or re-permission all of them. Actions that take resource ARNs can be scoped; the few that cannot (they list no resource type) are not reported.',
    remediation:
      'Replace `*` with the ARNs of the resources the workload changes, from the template where they are defined (`!GetAtt Bucket.Arn`, `!Sub "${Bucket.Arn}/*"`), or narrow the statement with a condition (`aws:ResourceTag/...`).',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    equivalents: { checkov: ['CKV_AWS_109', 'CKV_AWS_111'], cfnNag: ['W11', 'W12', 'W13'] },
    fixable: true,
    examples: {
      insecure:
        'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: sqs:SendMessage\n            Resource: "*"\n',
      secure:
        'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context, ['identity'])) {
      if (statement.condition) continue; // a condition is the other way to scope the grant
      const everything = everyResourceValues(statement, context.evaluator);
      if (everything.length === 0) continue;
      const scopable = [...new Set(namedActionValues(statement, context).flatMap((value) => value.actions))].filter(
        (action) => SCOPED_LEVELS.has(action.accessLevel) && action.resourceTypes.length > 0,
      );
      if (scopable.length === 0) continue;
      const names = listNames(scopable.map((action) => action.id));
      for (const value of everything) {
        context.report({
          at: value.node,
          message: `${policyName(policy, statement)} allows ${names} on every resource ("${value.text}")${explain(value.candidate)}; ${scopable.length === 1 ? 'it takes' : 'they take'} resource ARNs.`,
          fixes: narrowResourceFixes(policy, statement, value, scopable, context),
        });
      }
    }
  },
);
