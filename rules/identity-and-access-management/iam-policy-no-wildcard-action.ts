import { policyName } from '../../server/src/engine/iam/statement';
import { allowStatements, isEveryAction, policyRule } from '../lib/iam';
import { narrowActionFixes } from '../lib/iam-fixes';
import { explain } from '../lib/values';
import { policyValues } from '../../server/src/engine/iam/statement';

export default policyRule(
  {
    id: 'iam-policy-no-wildcard-action',
    bestPractice: ['SEC03-BP02'],
    severity: 'error',
    title: 'Policies must not allow every action ("*")',
    rationale:
      'Least privilege means each identity can do only what its job needs. `Action: "*"` grants every action of every AWS service, today and as new ones are released, including changing IAM itself: whoever holds it can give themselves anything else. One stolen credential then becomes full control of the account.',
    remediation:
      'List the actions the workload calls (for example `s3:GetObject`, `s3:PutObject`), scoped to the resources it uses. IAM Access Analyzer can generate a policy from the actions recorded in CloudTrail. Keep administrator access for break-glass roles that people assume, with MFA.',
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html',
    ],
    equivalents: {
      checkov: ['CKV_AWS_63', 'CKV_AWS_62'],
      cfnNag: ['F2', 'F3', 'F4', 'F5', 'F15', 'F20'],
      kics: ['953b3cdb-ce13-428a-aa12-318726506661'],
      securityHub: ['IAM.1'],
      cis: ['1.16'],
    },
    fixable: true,
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::reports/*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::reports/*"}]}\n',
    },
  },
  (policy, context) => {
    for (const statement of allowStatements(policy, context)) {
      for (const value of policyValues(statement.action, context.evaluator)) {
        if (!isEveryAction(value.text)) continue;
        context.report({
          at: value.node,
          message: `${policyName(policy)} allows every action of every service ("${value.text}")${explain(value.candidate)}.`,
          fixes: narrowActionFixes(policy, statement, value, context),
        });
      }
    }
  },
);
