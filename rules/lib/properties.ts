import type { Resource } from '../../server/src/engine/model';
import type { Node, Pair } from '../../server/src/engine/tree';
import type { Change, FixSpec, RuleContext } from '../../server/src/engine/rule';
import { asBoolean, explain } from './values';

/** Where to report a property missing from a resource: the `Properties` key, or the logical id. */
export function missingPropertyAnchor(resource: Resource): Node {
  return resource.node.byKey.get('Properties')?.key ?? resource.key;
}

/** A change that sets `key` to `value` in the resource's Properties, creating Properties if needed. */
export function setResourceProperty(resource: Resource, key: string, value: unknown): Change {
  return resource.properties
    ? { kind: 'set', map: resource.properties, key, value }
    : { kind: 'set', map: resource.node, key: 'Properties', value: { [key]: value } };
}

export interface RequiredTrue {
  readonly property: string;
  /** What the property protects, for messages: "storage encryption". */
  readonly what: string;
  readonly fixTitle: string;
  /** False when turning it on has a cost the user must accept (e.g. the resource is replaced). */
  readonly fixPreferred: boolean;
  /** True when deploying the fix makes CloudFormation replace the resource. */
  readonly fixReplaces?: boolean;
}

/**
 * Reports a boolean property that must be true: missing, literally false, or false on some
 * branch or parameter value. Only a literal (or missing) value gets a fix; a value that comes
 * from a parameter or condition is the user's decision to change.
 */
export function checkRequiredTrue(resource: Resource, context: RuleContext, required: RequiredTrue): void {
  const pair: Pair | undefined = resource.properties?.byKey.get(required.property);
  const fix = (change: Change): FixSpec[] => [{ title: required.fixTitle, preferred: required.fixPreferred, replaces: required.fixReplaces, changes: [change] }];
  if (!pair) {
    context.report({
      at: missingPropertyAnchor(resource),
      message: `${resource.logicalId} does not turn on ${required.what}: ${required.property} is not set and defaults to false.`,
      fixes: fix(setResourceProperty(resource, required.property, true)),
    });
    return;
  }
  for (const candidate of context.evaluator.candidates(pair.value)) {
    const off = candidate.value.kind === 'noValue' || asBoolean(candidate.value) === false;
    if (!off) continue;
    const literal = pair.value.kind === 'scalar';
    const state = candidate.value.kind === 'noValue' ? 'is not set' : 'is false';
    context.report({
      at: pair.value,
      message: `${resource.logicalId} turns off ${required.what}: ${required.property} ${state}${explain(candidate)}.`,
      fixes: literal ? fix({ kind: 'replace', node: pair.value, value: true }) : [],
    });
    return;
  }
}
