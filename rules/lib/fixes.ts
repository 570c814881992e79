import type { Candidate } from '../../server/src/engine/evaluate';
import { Intrinsic, type Change, type ChangeValue, type FixSpec, type RuleContext } from '../../server/src/engine/rule';
import type { Node, ScalarNode } from '../../server/src/engine/tree';

export interface ValueFixOptions {
  /** The property as the user reads it, for titles: `Encrypted`. */
  readonly label: string;
  /** False when the fix has a cost the user must accept. */
  readonly preferred?: boolean;
  /** Deploying the fix makes CloudFormation replace the resource. */
  readonly replaces?: boolean;
}

/**
 * Fixes that make a property secure, following where each insecure value is written: in place or
 * in a branch of `!If` (changed there), a parameter's Default (changed, saying when other resources
 * use the parameter too) or its AllowedValues (removed), a mapping entry (changed there). When the
 * value comes from elsewhere, "Set <label> to <secure>" beside it replaces the property's value.
 * Returns no fix when an insecure value is composed at deploy time and so has no one place to change.
 */
export function valueFixes(context: RuleContext, node: Node, insecure: readonly Candidate[], secure: ChangeValue, options: ValueFixOptions): FixSpec[] {
  const preferred = options.preferred !== false;
  const replaces = options.replaces === true;
  const secureText = typeof secure === 'object' && secure !== null ? 'a secure value' : String(secure);
  const setInPlace: FixSpec = { title: `Set ${options.label} to ${secureText}`, preferred, replaces, changes: [{ kind: 'replace', node, value: secure }] };
  if (insecure.some((candidate) => !candidate.source)) return node.kind === 'scalar' ? [] : [setInPlace];

  const inside = (candidate: Candidate) => !candidate.parameter && within(candidate.source!, node);
  const local = insecure.filter(inside);
  const byParameter = new Map<string, Candidate[]>();
  for (const candidate of insecure) {
    if (candidate.parameter) byParameter.set(candidate.parameter.name, [...(byParameter.get(candidate.parameter.name) ?? []), candidate]);
  }
  const elsewhere = insecure.filter((candidate) => !candidate.parameter && !inside(candidate));

  const changes: Change[] = local.map((candidate) => ({ kind: 'replace', node: candidate.source!, value: secure }));
  const titles: string[] = [];
  if (local.length > 0) titles.push(localTitle(options.label, secureText, local));
  let shared = elsewhere.length > 0;
  for (const [name, candidates] of byParameter) {
    const parameterChanges = parameterFix(context, name, candidates, secure);
    if (!parameterChanges) return [setInPlace];
    changes.push(...parameterChanges.changes);
    const users = otherUsers(context, name, node);
    shared ||= users.length > 0;
    titles.push(`${parameterChanges.title}${users.length > 0 ? ` (also used by ${namesInTitle(users)})` : ''}`);
  }
  for (const candidate of elsewhere) changes.push({ kind: 'replace', node: candidate.source!, value: secure });
  if (elsewhere.length > 0) titles.push(`Change the mapping value${elsewhere.length > 1 ? 's' : ''} to ${secureText}`);

  const atOrigin: FixSpec = { title: titles.join('; '), preferred: preferred && !shared, replaces, changes };
  if (node.kind === 'scalar') return [atOrigin];
  // Beside the change at the origin, the value can be written in place; the safer of the two comes first.
  const inPlace = { ...setInPlace, preferred: preferred && shared };
  return shared ? [inPlace, atOrigin] : [atOrigin, inPlace];
}

function localTitle(label: string, secure: string, local: readonly Candidate[]): string {
  const conditions = local.length === 1 ? local[0].conditions : [];
  if (conditions.length > 0) return `Set ${label} to ${secure} when ${conditions.map((c) => `${c.name} is ${c.value}`).join(' and ')}`;
  return local.length > 1 ? `Set ${label} to ${secure} in every branch` : `Set ${label} to ${secure}`;
}

/** Changes the default and drops insecure allowed values, keeping the secure value allowed. */
function parameterFix(context: RuleContext, name: string, candidates: readonly Candidate[], secure: ChangeValue): { title: string; changes: Change[] } | undefined {
  const parameter = context.template?.parameters.get(name);
  if (!parameter?.node) return undefined;
  const changes: Change[] = [];
  const defaultInsecure = candidates.some((c) => c.parameter?.role === 'default');
  if (defaultInsecure) {
    if (!parameter.default) return undefined;
    changes.push({ kind: 'replace', node: parameter.default, value: secure });
  }
  const allowed = parameter.node.byKey.get('AllowedValues')?.value;
  const doomed = new Set(candidates.filter((c) => c.parameter?.role === 'allowed').map((c) => c.source!));
  if (allowed?.kind === 'seq') {
    if (allowed.items.some((item) => item.kind !== 'scalar')) return undefined;
    const kept = allowed.items.filter((item) => !doomed.has(item) && !(defaultInsecure && sameScalar(item, parameter.default!)));
    const values = kept.map((item) => (item as ScalarNode).value);
    if (!values.some((value) => String(value) === String(secure))) values.push(secure as ScalarNode['value']);
    if (values.length !== allowed.items.length || kept.length !== allowed.items.length) changes.push({ kind: 'replace', node: allowed, value: values });
  }
  const title = defaultInsecure
    ? `Change the default of ${name} to ${String(secure)}${doomed.size > 0 ? ' and allow only secure values' : ''}`
    : `Allow only secure values for parameter ${name}`;
  return { title, changes };
}

function sameScalar(a: Node, b: Node): boolean {
  return a.kind === 'scalar' && b.kind === 'scalar' && String(a.value) === String(b.value);
}

/** The first few names, then how many more: a quick-fix menu shows one line per fix. */
function namesInTitle(names: readonly string[]): string {
  const shown = 3;
  return names.length <= shown + 1 ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} others`;
}

/** Logical ids (or "Outputs") of the other places that use a parameter. */
function otherUsers(context: RuleContext, name: string, node: Node): string[] {
  const users = new Set<string>();
  for (const reference of context.facts?.referencesTo(name) ?? []) {
    if (within(reference.node, node)) continue;
    users.add(reference.from?.logicalId ?? 'Outputs or Conditions');
  }
  return [...users];
}

/** Whether `inner` lies inside `outer` in the text. */
export function within(inner: Node, outer: Node): boolean {
  return inner.span.start >= outer.span.start && inner.span.end <= outer.span.end;
}

/** A node as a value a change can write: a copy of it, intrinsics included, to reuse elsewhere in the template. */
export function copyOf(node: Node): ChangeValue {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(copyOf);
    case 'map':
      return Object.fromEntries(node.pairs.map((pair) => [String(pair.key.value), copyOf(pair.value)]));
    case 'intrinsic':
      return new Intrinsic(node.name, copyOf(node.argument));
  }
}
