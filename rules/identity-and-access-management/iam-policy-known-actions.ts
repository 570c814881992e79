import { actionValues, policyName } from '../../server/src/engine/iam/statement';
import { hasWildcard } from '../../server/src/engine/iam/patterns';
import { isEveryAction, policyRule } from '../lib/iam';

export default policyRule(
  {
    id: 'iam-policy-known-actions',
    bestPractice: ['SEC03-BP02'],
    severity: 'error',
    title: 'Actions must exist in the service they name',
    rationale:
      'IAM accepts a misspelt action (`s3:GetObjects`) or service prefix silently, and it then matches nothing: an `Allow` grants less than intended (and someone widens it to `s3:*` to make it work), a `Deny` protects nothing. Pillar checks every action and wildcard against AWS\'s service authorization reference.',
    remediation: 'Use the exact action name (the message suggests the closest one). Completion in the editor lists each service\'s actions with their access level.',
    docs: ['https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html'],
    equivalents: { cfnLint: ['W3037'] },
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjects", "Resource": "arn:aws:s3:::reports/*"}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}\n',
    },
  },
  (policy, context) => {
    const iam = context.iam;
    if (!iam.available) return;
    for (const statement of policy.statements) {
      for (const value of [...actionValues(statement.action, context.evaluator, iam), ...actionValues(statement.notAction, context.evaluator, iam)]) {
        const text = value.text;
        if (text === undefined || text.includes('${') || isEveryAction(text) || value.actions.length > 0) continue;
        const colon = text.indexOf(':');
        const where = policyName(policy);
        if (colon <= 0) {
          context.report({ at: value.node, message: `${where}: "${text}" is not an action; actions are written service:Action (s3:GetObject).` });
          continue;
        }
        const prefix = text.slice(0, colon);
        const service = hasWildcard(prefix) ? undefined : iam.service(prefix);
        if (!hasWildcard(prefix) && !service) {
          const suggestion = iam.suggest(prefix, iam.services.map((s) => s.prefix));
          context.report({ at: value.node, message: `${where}: "${prefix}" is not an AWS service prefix${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.` });
          continue;
        }
        const name = text.slice(colon + 1);
        if (service && !hasWildcard(name)) {
          const suggestion = iam.suggest(name, service.actions.map((a) => a.name));
          context.report({ at: value.node, message: `${where}: ${service.name} has no action "${name}"${suggestion ? ` (did you mean "${service.prefix}:${suggestion}"?)` : ''}.` });
          continue;
        }
        context.report({ at: value.node, message: `${where}: "${text}" matches no action${service ? ` of ${service.name}` : ''}.` });
      }
    }
  },
);
