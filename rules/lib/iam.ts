import type { Equivalents, RuleMeta } from '../../server/src/engine/api';
import type { Evaluator } from '../../server/src/engine/evaluate';
import type { IamAction } from '../../server/src/engine/iam/catalog';
import { actionValues, allows, conditions, isPositiveOperator, policyValues, type ActionValue, type PolicyValue } from '../../server/src/engine/iam/statement';
import type { PolicyDocument, PolicyKind, Statement } from '../../server/src/engine/policies';
import type { Rule, RuleContext } from '../../server/src/engine/rule';

/**
 * The IAM policy rules' shared vocabulary: metadata defaults, the statements a check reads, and
 * the questions they ask of them (what is allowed, on which resources, under which conditions).
 */

type PolicyRuleMeta = Omit<RuleMeta, 'area' | 'resourceTypes' | 'equivalents' | 'fixable'> & {
  readonly equivalents?: Partial<Equivalents>;
  readonly fixable?: boolean;
};

/** A rule over every IAM policy document, with the area and empty equivalents filled in. */
export function policyRule(meta: PolicyRuleMeta, policy: NonNullable<Rule['policy']>): Rule {
  return { meta: iamMeta(meta, ['policy']), policy };
}

export function iamMeta(meta: PolicyRuleMeta, resourceTypes: readonly string[]): RuleMeta {
  const equivalents: Equivalents = { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [], ...meta.equivalents };
  return { ...meta, area: 'identity-and-access-management', resourceTypes, equivalents, fixable: meta.fixable ?? false };
}

/** The statements that allow something, in the policy kinds given. */
export function allowStatements(policy: PolicyDocument, context: RuleContext, kinds: readonly PolicyKind[] = ['identity', 'resource', 'trust']): Statement[] {
  if (!kinds.includes(policy.kind)) return [];
  return policy.statements.filter((statement) => allows(statement, context.evaluator));
}

/** `*`, or an ARN pattern made only of wildcards (`arn:*:*:*:*:*`, `arn:aws:*:*:*:*`): every resource. */
export function isEveryResource(text: string | undefined): boolean {
  if (text === undefined) return false;
  if (/^\*+$/.test(text)) return true;
  const parts = text.split(':');
  return parts[0] === 'arn' && parts.length >= 6 && [parts[2], ...parts.slice(5)].every((part) => /^\*+$/.test(part));
}

/** The statement's `Resource` values that stand for every resource; none when it names resources. */
export function everyResourceValues(statement: Statement, evaluator: Evaluator): PolicyValue[] {
  return policyValues(statement.resource, evaluator).filter((value) => isEveryResource(value.text));
}

/** Whether an action value names every action of every service (`*`, `*:*`). */
export function isEveryAction(text: string | undefined): boolean {
  return text !== undefined && /^[*?:]+$/.test(text) && text.includes('*');
}

/** The statement's `Action` values with the actions they match, leaving out those that name every action. */
export function namedActionValues(statement: Statement, context: RuleContext): ActionValue[] {
  return actionValues(statement.action, context.evaluator, context.iam).filter((value) => !isEveryAction(value.text));
}

/** The first value of the statement's `Action` that matches one of the actions, with that action. */
export function findAction(statement: Statement, context: RuleContext, wanted: (action: IamAction) => boolean): { value: ActionValue; action: IamAction } | undefined {
  for (const value of namedActionValues(statement, context)) {
    const action = value.actions.find(wanted);
    if (action) return { value, action };
  }
  return undefined;
}

/**
 * Whether some condition of the statement tests one of these keys (case-insensitive; a key ending
 * in `/` or `:` is a prefix: `aws:PrincipalTag/`) with an operator that narrows, and not only against "*".
 */
export function hasConditionOn(statement: Statement, context: RuleContext, keys: readonly string[]): boolean {
  const wanted = keys.map((key) => key.toLowerCase());
  const matches = (key: string) => wanted.some((w) => (w.endsWith('/') || w.endsWith(':') ? key.startsWith(w) : key === w));
  return conditions(statement, context.evaluator).some(
    (entry) => matches(entry.key.toLowerCase()) && isPositiveOperator(entry.operator) && !entry.values.every((value) => value.text === '*'),
  );
}

/** "s3:GetObject" for one action; "s3:GetObject (from s3:Get*)" when a pattern matched it. */
export function actionLabel(action: IamAction, value: PolicyValue): string {
  return value.text && value.text.toLowerCase() !== action.id.toLowerCase() ? `${action.id} (through "${value.text}")` : action.id;
}

/** A condition key that names no service: an identity provider's claim (`token.actions.githubusercontent.com:sub`). */
export function isProviderKey(key: string): boolean {
  const prefix = key.slice(0, key.lastIndexOf(':'));
  return prefix.includes('.') || prefix.includes('/');
}
