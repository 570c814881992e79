import type { Model } from '../model';
import type { PolicyDocument, Statement } from '../policies';
import type { Node, ScalarNode } from '../tree';

/** Where an offset is in a policy: which element of which statement, and the scalar there. */
export type PolicyPlace =
  | { readonly element: 'action' | 'notAction' | 'resource' | 'notResource'; readonly policy: PolicyDocument; readonly statement: Statement; readonly node: ScalarNode }
  /** On a `Condition` operator (`StringEquals`), or typing one where an operator goes. */
  | { readonly element: 'conditionOperator'; readonly policy: PolicyDocument; readonly statement: Statement; readonly node: ScalarNode }
  /** On a condition key (`aws:SourceArn`), or typing one where a key goes. */
  | { readonly element: 'conditionKey'; readonly policy: PolicyDocument; readonly statement: Statement; readonly node: ScalarNode; readonly operator: string }
  /** On a SAM policy template's name (`S3CrudPolicy`). */
  | { readonly element: 'samTemplate'; readonly policy: PolicyDocument; readonly node: ScalarNode };

const inside = (node: Node, offset: number) => node.span.start <= offset && offset <= node.span.end;

/** The scalars an element holds (a string, a list of strings, `!If` branches), the one at the offset first. */
function scalarAt(node: Node | undefined, offset: number): ScalarNode | undefined {
  if (!node || !inside(node, offset)) return undefined;
  if (node.kind === 'scalar') return node;
  if (node.kind === 'seq') for (const item of node.items) { const found = scalarAt(item, offset); if (found) return found; }
  if (node.kind === 'intrinsic') return scalarAt(node.argument, offset);
  // A YAML list item typed as far as `- sqs:` reads as a map with one empty key.
  const [only] = node.kind === 'map' && node.pairs.length === 1 ? node.pairs : [];
  if (only?.value.kind === 'scalar' && only.value.value === null) {
    return { kind: 'scalar', span: { start: only.key.span.start, end: Math.max(node.span.end, only.key.span.end + 1) }, value: `${String(only.key.value)}:` };
  }
  return undefined;
}

/** The policy element at `offset`, from the analyzed tree. */
export function locatePolicyPlace(model: Model | undefined, offset: number): PolicyPlace | undefined {
  for (const policy of model?.policies ?? []) {
    if (!inside(policy.node, offset)) continue;
    if (policy.form === 'sam-template') {
      const key = policy.node.pairs[0]?.key;
      if (key && inside(key, offset)) return { element: 'samTemplate', policy, node: key };
      continue;
    }
    for (const statement of policy.statements) {
      if (!inside(statement.node, offset)) continue;
      for (const [element, node] of [['action', statement.action], ['notAction', statement.notAction], ['resource', statement.resource], ['notResource', statement.notResource]] as const) {
        const scalar = scalarAt(node, offset);
        if (scalar) return { element, policy, statement, node: scalar };
      }
      const condition = statement.condition;
      if (condition?.kind !== 'map' || !inside(condition, offset)) {
        // `Condition:` with nothing after it yet, or a scalar being typed as its value.
        if (condition?.kind === 'scalar' && inside(condition, offset)) return { element: 'conditionOperator', policy, statement, node: condition };
        continue;
      }
      for (const operator of condition.pairs) {
        if (inside(operator.key, offset)) return { element: 'conditionOperator', policy, statement, node: operator.key };
        const tests = operator.value;
        const name = String(operator.key.value);
        // `StringEquals:` followed by a key being typed reads as a scalar value.
        if (tests.kind === 'scalar' && inside(tests, offset)) return { element: 'conditionKey', policy, statement, node: tests, operator: name };
        if (tests.kind !== 'map') continue;
        for (const test of tests.pairs) if (inside(test.key, offset)) return { element: 'conditionKey', policy, statement, node: test.key, operator: name };
      }
    }
  }
  return undefined;
}
