import type { Candidate, Evaluator } from '../evaluate';
import type { PolicyDocument, Statement } from '../policies';
import { conditionalBranches, type Node, type ScalarNode } from '../tree';
import type { IamAction, IamCatalog } from './catalog';

/**
 * Reading a statement's elements the way IAM does: a string or a list of strings (`Action`,
 * `Resource`), principals by type, conditions as operator/key/values. Each value keeps its node,
 * for precise ranges, and its candidate, for the `!If` branch or parameter it came from.
 */
export interface PolicyValue {
  readonly node: Node;
  readonly candidate: Candidate;
  /** The value as text: a known string, or a deploy-time one with `${...}` (`arn:aws:s3:::${Bucket}`); undefined when unknown. */
  readonly text: string | undefined;
}

/**
 * Results per analysis (an evaluator is made for each) and node: every IAM rule reads the same
 * statements, and the values of an element are worked out once.
 */
function memo<K extends object, V>(compute: (key: K, evaluator: Evaluator) => V): (key: K, evaluator: Evaluator) => V {
  const caches = new WeakMap<Evaluator, WeakMap<K, V>>();
  return (key, evaluator) => {
    let cache = caches.get(evaluator);
    if (!cache) caches.set(evaluator, (cache = new WeakMap()));
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute(key, evaluator)));
    return value;
  };
}

const EMPTY: readonly never[] = [];

/** Every string an element may hold: list items, `!If` branches and parameter values, each once. */
export function policyValues(node: Node | undefined, evaluator: Evaluator): readonly PolicyValue[] {
  return node ? memoValues(node, evaluator) : EMPTY;
}

const memoValues = memo((node: Node, evaluator: Evaluator): readonly PolicyValue[] => {
  const values: PolicyValue[] = [];
  const visit = (item: Node, depth: number): void => {
    if (item.kind === 'seq') {
      for (const inner of item.items) visit(inner, depth);
      return;
    }
    for (const candidate of evaluator.candidates(item)) {
      const value = candidate.value;
      if (value.kind === 'collection') {
        if (value.node.kind === 'seq' && depth < 4) for (const inner of value.node.items) visit(inner, depth + 1);
        continue;
      }
      if (value.kind === 'noValue') continue;
      // A branch of `!If` written inside the item is where the value is: report there.
      const source = candidate.source && candidate.source.span.start >= item.span.start && candidate.source.span.end <= item.span.end ? candidate.source : item;
      const text = value.kind === 'known' && value.value !== null ? String(value.value) : value.kind === 'symbolic' ? value.text : undefined;
      values.push({ node: source, candidate, text });
    }
  };
  visit(node, 0);
  return values;
});

/** Whether the statement allows, on some branch (a permission resource always allows). */
export function allows(statement: Statement, evaluator: Evaluator): boolean {
  return policyValues(statement.effect, evaluator).some((value) => value.text === 'Allow');
}

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';

export interface PrincipalValue extends PolicyValue {
  readonly type: PrincipalType | string;
}

/**
 * The principals of a `Principal` element: `"*"`, `{ AWS: [...] }`, `{ Service: ... }`… A permission
 * resource's `Principal` is one string: a service (`s3.amazonaws.com`), an account or ARN, or `*`.
 */
export function principals(node: Node | undefined, evaluator: Evaluator): PrincipalValue[] {
  if (!node) return [];
  const found: PrincipalValue[] = [];
  for (const branch of conditionalBranches(node)) {
    if (branch.kind === 'map') {
      for (const pair of branch.pairs) for (const value of policyValues(pair.value, evaluator)) found.push({ ...value, type: String(pair.key.value) });
    } else {
      for (const value of policyValues(branch, evaluator)) found.push({ ...value, type: value.text === '*' ? '*' : value.text?.endsWith('.amazonaws.com') ? 'Service' : 'AWS' });
    }
  }
  return found;
}

/** Anyone: `"*"`, or `*` as an AWS principal. */
export function isEveryone(principal: PrincipalValue): boolean {
  return principal.text === '*' && (principal.type === '*' || principal.type === 'AWS');
}

export interface ConditionEntry {
  /** The operator's key (`StringEquals`), or undefined for a permission resource's property. */
  readonly operatorNode: ScalarNode | undefined;
  readonly operator: string;
  readonly keyNode: ScalarNode | undefined;
  readonly key: string;
  readonly valueNode: Node;
  readonly values: readonly PolicyValue[];
}

/** Every condition of a statement: `Condition` blocks, and a permission resource's condition properties. */
export const conditions = memo((statement: Statement, evaluator: Evaluator): readonly ConditionEntry[] => {
  const entries: ConditionEntry[] = [];
  for (const [key, node] of statement.propertyConditions) {
    entries.push({ operatorNode: undefined, operator: key === 'aws:SourceArn' ? 'ArnLike' : 'StringEquals', keyNode: undefined, key, valueNode: node, values: policyValues(node, evaluator) });
  }
  for (const block of statement.condition ? conditionalBranches(statement.condition) : []) {
    if (block.kind !== 'map') continue;
    for (const operator of block.pairs) {
      for (const tests of conditionalBranches(operator.value)) {
        if (tests.kind !== 'map') continue;
        for (const test of tests.pairs) {
          entries.push({ operatorNode: operator.key, operator: String(operator.key.value), keyNode: test.key, key: String(test.key.value), valueNode: test.value, values: policyValues(test.value, evaluator) });
        }
      }
    }
  }
  return entries;
});

/** IAM's set operator prefixes: `ForAllValues:` and `ForAnyValue:` (singular). */
export const SET_PREFIX = /^(ForAllValues|ForAnyValue):/;

/** The base operator, without `ForAllValues:`/`ForAnyValue:` or `IfExists`. */
export function baseOperator(operator: string): string {
  return operator.replace(SET_PREFIX, '').replace(/IfExists$/, '');
}

/** Operators whose condition cannot narrow a grant: negations match almost every request. */
export function isPositiveOperator(operator: string): boolean {
  const base = baseOperator(operator);
  return !/Not/.test(base) && base !== 'Null';
}

export interface ActionValue extends PolicyValue {
  /** The actions the value names or matches; empty when it matches none (or is not known). */
  readonly actions: readonly IamAction[];
}

/** The actions of `Action` (or `NotAction`), each value with what it matches in the catalog. */
export function actionValues(node: Node | undefined, evaluator: Evaluator, catalog: IamCatalog): readonly ActionValue[] {
  if (!node) return EMPTY;
  let byCatalog = actionMemo.get(catalog);
  if (!byCatalog) actionMemo.set(catalog, (byCatalog = memo((n: Node, e: Evaluator) => policyValues(n, e).map((value) => ({ ...value, actions: value.text === undefined ? EMPTY : catalog.match(value.text) })))));
  return byCatalog(node, evaluator);
}

const actionMemo = new WeakMap<IamCatalog, (node: Node, evaluator: Evaluator) => readonly ActionValue[]>();

/** Every action a statement allows or denies: what its `Action` values match, or everything but its `NotAction`. */
export function statementActions(statement: Statement, evaluator: Evaluator, catalog: IamCatalog): readonly IamAction[] {
  if (statement.notAction) {
    const excluded = new Set(actionValues(statement.notAction, evaluator, catalog).flatMap((value) => value.actions));
    return catalog.match('*').filter((action) => !excluded.has(action));
  }
  return [...new Set(actionValues(statement.action, evaluator, catalog).flatMap((value) => value.actions))];
}

/**
 * How a message names a policy: "Role (Policies[0].PolicyDocument)", "This policy"; with a
 * statement of a policy that has several, which one: "Bucket policy (PolicyDocument, statement 2)".
 */
export function policyName(policy: PolicyDocument, statement?: Statement): string {
  const index = statement && policy.statements.length > 1 ? policy.statements.indexOf(statement) : -1;
  const sid = statement?.sid?.kind === 'scalar' && statement.sid.value ? String(statement.sid.value) : undefined;
  const which = index < 0 ? '' : sid ? `statement ${sid}` : `statement ${index + 1}`;
  if (!policy.resource) return which ? `This policy (${which})` : 'This policy';
  const where = [policy.path, which].filter(Boolean).join(', ');
  return `${policy.resource.logicalId}${where ? ` (${where})` : ''}`;
}

/** Joins names for a message: "a", "a and b", "a, b and 3 more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
