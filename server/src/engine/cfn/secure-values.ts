import type { RuleMeta } from '../api';
import type { Resource } from '../model';
import { parseText } from '../parse';
import { Intrinsic, type ChangeValue } from '../rule';
import { asMap, getProperty, scalarString, type Node } from '../tree';

/** A property's secure value, as a rule's secure example writes it, and the rules that ask for it. */
export interface SecureValue {
  readonly value: ChangeValue;
  readonly ruleIds: readonly string[];
}

/** By resource type, then property name; and by property name alone, at any depth, for the types no example shows. */
export interface SecureValues {
  readonly byType: ReadonlyMap<string, ReadonlyMap<string, SecureValue>>;
  readonly byName: ReadonlyMap<string, SecureValue>;
}

type Candidates = Map<string, { value: ChangeValue; ruleIds: string[]; rank: number }>;

function offer(candidates: Candidates, name: string, value: ChangeValue, rank: number, ruleId: string): void {
  const existing = candidates.get(name);
  if (!existing || rank < existing.rank) candidates.set(name, { value, rank, ruleIds: [...(existing?.ruleIds ?? []), ruleId] });
  else if (!existing.ruleIds.includes(ruleId)) existing.ruleIds.push(ruleId);
}

const settle = (candidates: Candidates): Map<string, SecureValue> => new Map([...candidates].map(([name, { value, ruleIds }]) => [name, { value, ruleIds }]));

/**
 * The security-relevant properties of each resource type, with secure values, read from the rules'
 * own examples: a property that a rule's secure example sets on a resource of the rule's type, and
 * that its insecure example leaves out or sets otherwise, is what the rule asks for. No hand list:
 * a new rule with examples adds its properties.
 */
export function secureValuesFromRules(metas: readonly RuleMeta[]): SecureValues {
  const candidates = new Map<string, Candidates>();
  const byName: Candidates = new Map();
  for (const meta of metas) {
    if (!meta.examples) continue;
    const types = meta.resourceTypes.filter((type) => type.includes('::'));
    if (types.length === 0) continue;
    // The properties a rule is about are the ones its own words name: not an example's incidental name or size.
    const words = `${meta.title} ${meta.remediation}`;
    const secure = resourcesOf(meta.examples.secure);
    const insecure = resourcesOf(meta.examples.insecure);
    for (const resource of secure) {
      if (!types.includes(resource.type) || !resource.properties) continue;
      const counterpart = insecure.find((r) => r.logicalId === resource.logicalId && r.type === resource.type) ?? insecure.find((r) => r.type === resource.type);
      if (!counterpart) continue;
      for (const pair of resource.properties.pairs) {
        const name = String(pair.key.value);
        const value = toValue(pair.value);
        const before = counterpart.properties?.byKey.get(name);
        if (before && JSON.stringify(toValue(before.value)) === JSON.stringify(value)) continue;
        if (![name, ...keysWithin(value)].some((key) => new RegExp(`\\b${key}\\b`).test(words))) continue;
        // Prefer a value that stands alone (no reference to another resource of the example), from a rule on by default.
        const rank = (references(pair.value) ? 2 : 0) + (meta.enabledByDefault === false ? 1 : 0);
        const forType = candidates.get(resource.type) ?? new Map();
        candidates.set(resource.type, forType);
        offer(forType, name, value, rank, meta.id);
        for (const [key, inner] of [[name, value] as const, ...entriesWithin(value)]) {
          if (new RegExp(`\\b${key}\\b`).test(words)) offer(byName, key, inner, rank, meta.id);
        }
      }
    }
  }
  return { byType: new Map([...candidates].map(([type, forType]) => [type, settle(forType)])), byName: settle(byName) };
}

/** The secure value at a path below a property (`MetadataOptions` → `HttpTokens`), through lists' first items. */
export function secureValueAt(values: SecureValues, resourceType: string, path: readonly string[]): SecureValue | undefined {
  const [first, ...rest] = path;
  const top = values.byType.get(resourceType)?.get(first);
  if (!top) return undefined;
  let value: ChangeValue = top.value;
  for (const key of rest) {
    while (Array.isArray(value)) value = value[0];
    if (typeof value !== 'object' || value === null || value instanceof Intrinsic || !(key in value)) return undefined;
    value = (value as Record<string, ChangeValue>)[key];
  }
  return { value, ruleIds: top.ruleIds };
}

/** An example's resources, read from its tree: only their ids, types and properties are needed. */
function resourcesOf(text: string): readonly Pick<Resource, 'logicalId' | 'type' | 'properties'>[] {
  const resources = getProperty(parseText(text).root ?? undefined, 'Resources');
  return (asMap(resources)?.pairs ?? []).map((pair) => ({
    logicalId: String(pair.key.value),
    type: scalarString(getProperty(pair.value, 'Type')) ?? '',
    properties: asMap(getProperty(pair.value, 'Properties')),
  }));
}

/** A tree node as a change value: the renderer writes it back in either format. */
function toValue(node: Node): ChangeValue {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toValue);
    case 'map':
      return Object.fromEntries(node.pairs.map((pair) => [String(pair.key.value), toValue(pair.value)]));
    case 'intrinsic': {
      const argument = toValue(node.argument);
      // `!GetAtt Key.Arn` is `["Key", "Arn"]`: the only form JSON templates accept.
      if (node.name === 'Fn::GetAtt' && typeof argument === 'string' && argument.includes('.')) {
        const dot = argument.indexOf('.');
        return new Intrinsic(node.name, [argument.slice(0, dot), argument.slice(dot + 1)]);
      }
      return new Intrinsic(node.name, argument);
    }
  }
}

/** The entries of the maps inside a value, at any depth. */
function entriesWithin(value: ChangeValue): (readonly [string, ChangeValue])[] {
  if (Array.isArray(value)) return value.flatMap(entriesWithin);
  if (typeof value !== 'object' || value === null || value instanceof Intrinsic) return [];
  return Object.entries(value).flatMap(([key, inner]) => [[key, inner] as const, ...entriesWithin(inner)]);
}

/** The keys of the maps inside a value. */
function keysWithin(value: ChangeValue): string[] {
  if (Array.isArray(value)) return value.flatMap(keysWithin);
  if (typeof value !== 'object' || value === null || value instanceof Intrinsic) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysWithin(inner)]);
}

function references(node: Node): boolean {
  if (node.kind === 'intrinsic') return node.name === 'Ref' || node.name === 'Fn::GetAtt' || node.name === 'Fn::Sub' || references(node.argument);
  if (node.kind === 'seq') return node.items.some(references);
  if (node.kind === 'map') return node.pairs.some((pair) => references(pair.value));
  return false;
}
