import type { Node } from '../../server/src/engine/tree';
import type { Rule } from '../../server/src/engine/rule';
import { asText, explain } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'iam-policy-no-wildcard-action',
    area: 'identity-and-access-management',
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
    resourceTypes: ['policy'],
    equivalents: {
      checkov: ['CKV_AWS_63', 'CKV_AWS_62'],
      cfnNag: ['F3', 'F4', 'F5'],
      cfnLint: [],
      kics: ['953b3cdb-ce13-428a-aa12-318726506661'],
      securityHub: ['IAM.1'],
      cis: ['1.16'],
    },
    fixable: false,
    examples: {
      insecure: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "*" }
  ]
}
`,
      secure: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::reports/*" }
  ]
}
`,
    },
  },
  policy(policy, context) {
    for (const statement of policy.statements) {
      if (!statement.effect || !context.evaluator.candidates(statement.effect).some((c) => asText(c.value) === 'Allow')) continue;
      const actions: Node[] = statement.action?.kind === 'seq' ? [...statement.action.items] : statement.action ? [statement.action] : [];
      for (const action of actions) {
        const wildcard = context.evaluator.candidates(action).find((c) => asText(c.value) === '*');
        if (!wildcard) continue;
        const where = policy.resource ? `${policy.resource.logicalId}${policy.path ? ` (${policy.path})` : ''}` : 'This policy';
        context.report({ at: action, message: `${where} allows every action of every service ("*")${explain(wildcard)}.` });
      }
    }
  },
};

export default rule;
