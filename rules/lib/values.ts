import type { Candidate, Evaluator, Value } from '../../server/src/engine/evaluate';
import type { Node } from '../../server/src/engine/tree';

/** Reads a known value as a CloudFormation boolean (`true`, `"true"`, `"False"`, …). */
export function asBoolean(value: Value): boolean | undefined {
  if (value.kind !== 'known') return undefined;
  if (typeof value.value === 'boolean') return value.value;
  if (typeof value.value === 'string') {
    const lower = value.value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

/** A known value as text, or undefined when it is not known. */
export function asText(value: Value): string | undefined {
  return value.kind === 'known' && value.value !== null ? String(value.value) : undefined;
}

/** " (when condition IsProd is false, from the default of parameter Encrypt)", or "" for a literal value. */
export function explain(candidate: Candidate): string {
  const parts: string[] = [];
  if (candidate.conditions.length > 0) parts.push(`when ${candidate.conditions.map((c) => `condition ${c.name} is ${c.value}`).join(' and ')}`);
  if (candidate.origin) parts.push(`from ${candidate.origin}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** " (when condition IsProd is false)", or "" when no condition applies. */
export function explainConditions(conditions: Candidate['conditions']): string {
  return conditions.length > 0 ? ` (when ${conditions.map((c) => `condition ${c.name} is ${c.value}`).join(' and ')})` : '';
}

/** How a message says what a property holds: `is false`, `is "TLSv1"`, `is not set`, `is empty`. */
export function describeValue(value: Value): string {
  if (value.kind === 'noValue') return 'is not set';
  // "false" and "3" read as the booleans and numbers CloudFormation takes them for.
  if (value.kind === 'known') return typeof value.value === 'string' && !/^(true|false|-?\d+(\.\d+)?)$/i.test(value.value) ? `is "${value.value}"` : `is ${String(value.value)}`;
  if (value.kind === 'symbolic') return `is ${value.text}`;
  if (value.kind === 'collection' && value.node.kind === 'seq' && value.node.items.length === 0) return 'is empty';
  return 'is set';
}

/** A node's value as text, when it has one known value (a literal, or a parameter with one possible value). */
export function textOf(node: Node | undefined, evaluator: Evaluator): string | undefined {
  const value = node && evaluator.single(node);
  return value ? asText(value) : undefined;
}
