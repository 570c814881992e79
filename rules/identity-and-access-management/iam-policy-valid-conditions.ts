import { baseOperator, conditions, policyName } from '../../server/src/engine/iam/statement';
import { isProviderKey, policyRule } from '../lib/iam';

/** IAM's condition operators, without the ForAllValues:/ForAnyValue: prefixes and the IfExists suffix. */
export const CONDITION_OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
];
const BY_LOWER = new Map(CONDITION_OPERATORS.map((operator) => [operator.toLowerCase(), operator]));

/** Which key types an operator family compares; String and ARN operators read other types as text, which works. */
const FAMILY_TYPES: readonly [RegExp, RegExp, string][] = [
  [/^Numeric/, /Numeric/, 'a number'],
  [/^Date/, /Date|Numeric/, 'a date'],
  [/^Bool$/, /Bool/, 'a boolean'],
  [/IpAddress$/, /IPAddress/i, 'an IP address'],
];

export default policyRule(
  {
    id: 'iam-policy-valid-conditions',
    bestPractice: ['SEC03-BP02'],
    severity: 'error',
    title: 'Conditions must use known operators and keys, with values of the key\'s type',
    rationale:
      'IAM rejects an unknown condition operator, and silently accepts an unknown or misspelt condition key: that condition then never matches, so an `Allow` grants nothing and a `Deny` (the guardrail) never applies. A date or number operator on a key of another type, or `Null` with anything but true or false, fails the same way.',
    remediation: 'Use the operator and key names of the IAM reference (the message suggests the closest), and the operator family of the key\'s type (`Date...` for dates, `Bool` for booleans, `IpAddress` for addresses).',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html'],
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransports": "false"}}}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}\n',
    },
  },
  (policy, context) => {
    const iam = context.iam;
    const name = policyName(policy);
    for (const statement of policy.statements) {
      const seenOperators = new Set<unknown>();
      for (const entry of conditions(statement, context.evaluator)) {
        if (!entry.operatorNode || !entry.keyNode) continue;
        const operator = entry.operator;
        const base = baseOperator(operator);
        if (!BY_LOWER.has(base.toLowerCase()) || (base === 'Null' && operator !== base)) {
          if (seenOperators.has(entry.operatorNode)) continue;
          seenOperators.add(entry.operatorNode);
          const suggestion = iam.suggest(base, CONDITION_OPERATORS);
          context.report({ at: entry.operatorNode, message: `${name}: "${operator}" is not a condition operator${suggestion && suggestion !== base ? ` (did you mean "${operator.replace(base, suggestion)}"?)` : ''}.` });
          continue;
        }
        if (base === 'Null') {
          for (const value of entry.values) {
            if (value.text !== undefined && !/^(true|false)$/i.test(value.text)) context.report({ at: value.node, message: `${name}: Null takes true (the key is absent) or false (it is present), not "${value.text}".` });
          }
        }
        if (!iam.available || entry.key.includes('${') || isProviderKey(entry.key)) continue;
        const key = iam.conditionKey(entry.key);
        if (!key) {
          const prefix = entry.key.slice(0, entry.key.indexOf(':'));
          const candidates = prefix.toLowerCase() === 'aws' ? iam.globalKeys.map((k) => k.name) : (iam.service(prefix)?.conditionKeys.map((k) => k.name) ?? []);
          const suggestion = iam.suggest(entry.key.slice(entry.key.indexOf(':') + 1), candidates.map((k) => k.slice(k.indexOf(':') + 1)));
          const known = iam.knowsKeyPrefix(prefix);
          context.report({
            at: entry.keyNode,
            message: known
              ? `${name}: "${entry.key}" is not a condition key${suggestion ? ` (did you mean "${prefix}:${suggestion}"?)` : ''}; the condition never matches.`
              : `${name}: "${prefix}" in "${entry.key}" is not a service prefix or key source; the condition never matches.`,
          });
          continue;
        }
        const family = FAMILY_TYPES.find(([pattern]) => pattern.test(base));
        if (family && key.type && !family[1].test(key.type)) {
          context.report({ at: entry.operatorNode, message: `${name}: ${operator} compares ${family[2]}, but ${key.name} is of type ${key.type}.` });
        }
      }
    }
  },
);
