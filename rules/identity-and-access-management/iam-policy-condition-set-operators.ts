import { allows, conditions, policyName, SET_PREFIX } from '../../server/src/engine/iam/statement';
import { policyRule } from '../lib/iam';

export default policyRule(
  {
    id: 'iam-policy-condition-set-operators',
    bestPractice: ['SEC03-BP02'],
    severity: 'warning',
    title: 'ForAllValues, ForAnyValue and IfExists should be used as IAM evaluates them',
    rationale:
      '`ForAllValues` and `ForAnyValue` compare sets: on a key with one value they behave in surprising ways, and `ForAllValues` in an `Allow` also matches a request that has no such key at all. `BoolIfExists` on `aws:MultiFactorAuthPresent` in an `Allow` lets long-term access keys in without MFA. Each looks like a restriction and is not.',
    remediation:
      'Use the plain operator for single-valued keys; with `ForAllValues` in an `Allow`, add a `Null` condition that requires the key; require MFA with `Bool` (not `BoolIfExists`), or deny with `BoolIfExists ... false`.',
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists'],
    examples: {
      insecure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}\n',
      secure: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}\n',
    },
  },
  (policy, context) => {
    const iam = context.iam;
    const name = policyName(policy);
    for (const statement of policy.statements) {
      const allow = allows(statement, context.evaluator);
      const entries = conditions(statement, context.evaluator);
      for (const entry of entries) {
        if (!entry.operatorNode || !entry.keyNode) continue;
        const set = SET_PREFIX.exec(entry.operator);
        const key = iam.conditionKey(entry.key);
        if (set && key?.type && !key.type.startsWith('ArrayOf')) {
          context.report({ at: entry.operatorNode, message: `${name}: ${entry.key} has a single value, but ${set[0].slice(0, -1)} compares sets of values${set[1] === 'ForAllValues' && allow ? ' (and matches requests without the key)' : ''}; use ${entry.operator.slice(set[0].length)}.` });
          continue;
        }
        if (set?.[1] === 'ForAllValues' && allow && !/Not/.test(entry.operator)) {
          const required = entries.some((other) => other.operator === 'Null' && other.key.toLowerCase() === entry.key.toLowerCase() && other.values.some((v) => v.text?.toLowerCase() === 'false'));
          if (!required) context.report({ at: entry.operatorNode, message: `${name}: ForAllValues also matches a request without ${entry.key}; add a Null condition with ${entry.key}: false.` });
          continue;
        }
        if (entry.key.toLowerCase() === 'aws:multifactorauthpresent') {
          const values = entry.values.map((value) => value.text?.toLowerCase());
          if (allow && entry.operator === 'BoolIfExists' && values.includes('true')) {
            context.report({ at: entry.operatorNode, message: `${name}: BoolIfExists also allows requests made with long-term access keys, which carry no aws:MultiFactorAuthPresent; use Bool.` });
          } else if (!allow && entry.operator === 'Bool' && values.includes('false')) {
            context.report({ at: entry.operatorNode, message: `${name}: Bool does not deny requests made with long-term access keys, which carry no aws:MultiFactorAuthPresent; use BoolIfExists.` });
          }
        }
      }
    }
  },
);
