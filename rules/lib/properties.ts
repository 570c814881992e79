import type { RuleMeta } from '../../server/src/engine/api';
import type { Candidate, Value } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import type { Change, ChangeValue, FixSpec, Rule, RuleContext } from '../../server/src/engine/rule';
import type { MapNode, Node, Pair } from '../../server/src/engine/tree';
import { valueFixes } from './fixes';
import { asBoolean, describeValue, explain, explainConditions } from './values';

type Conditions = Candidate['conditions'];

/** Where a property path leads in one branch of a resource: the property, or where it is missing. */
export interface PropertyAt {
  /** The property at the end of the path; undefined when it is absent. */
  readonly pair: Pair | undefined;
  /** The path as the user reads it, list items numbered: `BlockDeviceMappings[1].Ebs.Encrypted`. */
  readonly label: string;
  /** Where to report an absent property: the key of the deepest map on the path, or the logical id. */
  readonly anchor: Node;
  /** For an absent property, the change that adds it with a value; undefined where it cannot be added. */
  readonly insert: ((value: ChangeValue) => Change) | undefined;
  /** The conditions under which this branch applies (`!If` on the way). */
  readonly conditions: Conditions;
}

/**
 * Follows a dot-separated path under a resource's Properties (`A.B`, `Items[].Ebs.Encrypted` for
 * the list items that have `Ebs`, `Items[*].Name` for every item), through `!If` branches. A list that is absent, or a value only known at deploy
 * time on the way, yields nothing: there is nothing to check there.
 */
export function propertiesAt(resource: Resource, path: string, context: RuleContext): PropertyAt[] {
  const segments = path.split('.');
  if (!resource.properties) {
    // `Properties:` with nothing (or a comment) after it is as good as absent; an intrinsic is not known.
    const written = resource.node.byKey.get('Properties')?.value;
    if ((written && !(written.kind === 'scalar' && written.value === null)) || segments.some(isList)) return [];
    return [{ pair: undefined, label: path, anchor: missingPropertyAnchor(resource), conditions: [], insert: (value) => ({ kind: 'set', map: resource.node, key: 'Properties', value: nest(segments, value) }) }];
  }
  return walk(resource.properties, missingPropertyAnchor(resource), segments, '', [], context);
}

function walk(map: MapNode, anchor: Node, segments: readonly string[], prefix: string, conditions: Conditions, context: RuleContext): PropertyAt[] {
  const [head, ...rest] = segments;
  const key = isList(head) ? head.replace(/\[\*?\]$/, '') : head;
  const label = prefix ? `${prefix}.${key}` : key;
  const pair = map.byKey.get(key);
  if (!pair) {
    if (segments.some(isList)) return [];
    const names = segments.join('.');
    return [{ pair: undefined, label: prefix ? `${prefix}.${names}` : names, anchor, conditions, insert: (value) => ({ kind: 'set', map, key, value: nest(rest, value) }) }];
  }
  if (rest.length === 0 && !isList(head)) return [{ pair, label, anchor: pair.key, conditions, insert: undefined }];
  const found: PropertyAt[] = [];
  for (const branch of context.evaluator.candidates(pair.value)) {
    const here = [...conditions, ...branch.conditions];
    if (branch.value.kind === 'noValue') {
      // Removed with AWS::NoValue on this branch: absent, and nothing can be inserted into an intrinsic.
      if (!segments.some(isList)) found.push({ pair: undefined, label: prefix ? `${prefix}.${segments.join('.')}` : segments.join('.'), anchor: pair.key, conditions: here, insert: undefined });
      continue;
    }
    if (branch.value.kind !== 'collection') continue;
    const node = branch.value.node;
    if (!isList(head)) {
      if (node.kind === 'map') found.push(...walk(node, pair.key, rest, label, here, context));
      continue;
    }
    if (node.kind !== 'seq') continue;
    node.items.forEach((item, index) => {
      for (const inner of context.evaluator.candidates(item)) {
        if (inner.value.kind !== 'collection' || inner.value.node.kind !== 'map') continue;
        const itemMap = inner.value.node;
        // With `[]`, an item without the next key is of another kind (an instance-store volume has no `Ebs`); `[*]` walks every item.
        if (rest.length > 0 && !head.endsWith('[*]') && !itemMap.byKey.has(rest[0].replace(/\[\*?\]$/, ''))) continue;
        if (rest.length === 0) continue;
        found.push(...walk(itemMap, itemMap.pairs[0]?.key ?? pair.key, rest, `${label}[${index}]`, [...here, ...inner.conditions], context));
      }
    });
  }
  return found;
}

function isList(segment: string): boolean {
  return segment.endsWith('[]') || segment.endsWith('[*]');
}

/** `{ A: { B: value } }` for the path A.B. */
function nest(path: readonly string[], value: ChangeValue): ChangeValue {
  return path.reduceRight<ChangeValue>((inner, key) => ({ [key]: inner }), value);
}

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

/** What a property must hold, for one family of rules: "AWS::X must set A.B to a secure value". */
export interface PropertyRequirement {
  /**
   * Dot-separated path under Properties; `[]` walks the list items that have the next key
   * (`BlockDeviceMappings[].Ebs.Encrypted`), `[*]` every item, so that one lacking it is reported (`Replicas[*].DeletionProtectionEnabled`).
   */
  readonly path: string;
  /** What the setting protects, for messages: "encryption at rest". */
  readonly what: string;
  /** Whether a value is secure; values only known at deploy time are never reported. */
  readonly secure: (value: Value) => boolean;
  /** What an absent property means: the service's default. */
  readonly whenMissing: 'insecure' | 'secure';
  /** The service default, said in the message about an absent property: "false". */
  readonly defaultText?: string;
  /** The value a fix writes, when one is safe to write without the user's input. */
  readonly fix?: { readonly value: ChangeValue; readonly replaces?: boolean; readonly preferred?: boolean };
  /** Phrases for messages, after the logical id: "does not encrypt its messages" / "turns off encryption". */
  readonly missingPhrase?: string;
  readonly insecurePhrase?: string;
  /**
   * Whether the requirement holds on a branch with these conditions; branches where it does not are
   * never reported (a database restored from a snapshot when a condition is true takes the snapshot's encryption).
   */
  readonly appliesWhen?: (conditions: Conditions) => boolean;
}

/** Reports each branch where the requirement is not met, with fixes that follow each value's origin. */
export function checkProperty(resource: Resource, context: RuleContext, requirement: PropertyRequirement): void {
  const missingPhrase = requirement.missingPhrase ?? `does not turn on ${requirement.what}`;
  const insecurePhrase = requirement.insecurePhrase ?? `turns off ${requirement.what}`;
  for (const at of propertiesAt(resource, requirement.path, context)) {
    if (!at.pair) {
      if (requirement.whenMissing === 'secure' || requirement.appliesWhen?.(at.conditions) === false) continue;
      const defaults = requirement.defaultText ? ` and defaults to ${requirement.defaultText}` : '';
      const { fix } = requirement;
      const insert = at.insert;
      const fixes = (): FixSpec[] =>
        fix && insert ? [{ title: `Set ${at.label} to ${show(fix.value)}`, preferred: fix.preferred !== false, replaces: fix.replaces, changes: [insert(fix.value)] }] : [];
      context.report({ at: at.anchor, message: `${resource.logicalId} ${missingPhrase}: ${at.label} is not set${defaults}${explainConditions(at.conditions)}.`, fixes });
      continue;
    }
    const insecure = context.evaluator.candidates(at.pair.value).filter((candidate) => {
      if (requirement.appliesWhen?.([...at.conditions, ...candidate.conditions]) === false) return false;
      if (candidate.value.kind === 'noValue') return requirement.whenMissing === 'insecure';
      return candidate.value.kind !== 'unknown' && !requirement.secure(candidate.value);
    });
    if (insecure.length === 0) continue;
    const first = { ...insecure[0], conditions: [...at.conditions, ...insecure[0].conditions] };
    const { fix } = requirement;
    const value = at.pair.value;
    context.report({
      at: at.pair.value,
      message: `${resource.logicalId} ${insecurePhrase}: ${at.label} ${describeValue(first.value)}${explain(first)}.`,
      fixes: () => (fix ? valueFixes(context, value, insecure, fix.value, { label: at.label, replaces: fix.replaces, preferred: fix.preferred }) : []),
    });
  }
}

function show(value: ChangeValue): string {
  return typeof value === 'object' && value !== null ? 'a secure value' : String(value);
}

/** A boolean property that must be true (missing means false). */
export function mustBeTrue(path: string, what: string, fix: PropertyRequirement['fix'] = { value: true }): PropertyRequirement {
  return { path, what, secure: (value) => asBoolean(value) !== false, whenMissing: 'insecure', defaultText: 'false', fix };
}

/** A boolean property that must not be true (missing means false). */
export function mustNotBeTrue(path: string, what: string, fix: PropertyRequirement['fix'] = { value: false }): PropertyRequirement {
  return { path, what, secure: (value) => asBoolean(value) !== true, whenMissing: 'secure', fix, insecurePhrase: `turns on ${what}` };
}

/** A property that must be given (a KMS key, a log destination): no fix, the value is the user's to choose. */
export function mustBeSet(path: string, what: string): PropertyRequirement {
  return { path, what, secure: (value) => !(value.kind === 'known' && (value.value === null || value.value === '')), whenMissing: 'insecure' };
}

/** A property whose value must be one of `allowed` (compared case-insensitively); absent means `whenMissing`. */
export function mustBeOneOf(path: string, what: string, allowed: readonly string[], whenMissing: 'insecure' | 'secure', fix?: PropertyRequirement['fix']): PropertyRequirement {
  const accepted = new Set(allowed.map((value) => value.toLowerCase()));
  return { path, what, secure: (value) => value.kind !== 'known' || accepted.has(String(value.value).toLowerCase()), whenMissing, fix };
}

/** A rule made of property requirements on its resource types; a function picks them per resource. */
export function propertyRule(meta: RuleMeta, requirements: readonly PropertyRequirement[] | ((resource: Resource) => readonly PropertyRequirement[])): Rule {
  return {
    meta,
    resource(resource, context) {
      for (const requirement of typeof requirements === 'function' ? requirements(resource) : requirements) checkProperty(resource, context, requirement);
    },
  };
}
