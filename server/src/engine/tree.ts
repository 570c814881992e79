import type { Span } from './api';

/**
 * The positioned tree that every rule reads: one shape for YAML and JSON templates.
 * Short-form tags (`!Ref x`) and long-form maps (`{ "Ref": "x" }`) both become IntrinsicNodes.
 */
export type Node = ScalarNode | MapNode | SeqNode | IntrinsicNode;

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly span: Span;
  readonly value: string | number | boolean | null;
}

export interface Pair {
  readonly key: ScalarNode;
  readonly value: Node;
}

export interface MapNode {
  readonly kind: 'map';
  readonly span: Span;
  /** Flow style (`{ }`, and every JSON object) or block style. */
  readonly flow: boolean;
  /** Every pair in source order, duplicates included. */
  readonly pairs: readonly Pair[];
  /** Lookup by key; for a repeated key the last pair wins, as CloudFormation's parsers do. */
  readonly byKey: ReadonlyMap<string, Pair>;
}

export interface SeqNode {
  readonly kind: 'seq';
  readonly span: Span;
  readonly flow: boolean;
  readonly items: readonly Node[];
}

export interface IntrinsicNode {
  readonly kind: 'intrinsic';
  /** Span of the whole call: from the tag, or from the `{` of the long form. */
  readonly span: Span;
  /** Long-form name: `Ref`, `Condition`, `Fn::Sub`, `Fn::GetAtt`, … */
  readonly name: string;
  readonly argument: Node;
}

/** Where a block map ends: with its last entry (its value, or its key when the value is empty). */
export function lastEntryEnd(pairs: readonly Pair[]): number | undefined {
  const last = pairs[pairs.length - 1];
  return last && Math.max(last.key.span.end, last.value.span.end);
}

export function getProperty(node: Node | undefined, key: string): Node | undefined {
  return node?.kind === 'map' ? node.byKey.get(key)?.value : undefined;
}

export function getPair(node: Node | undefined, key: string): Pair | undefined {
  return node?.kind === 'map' ? node.byKey.get(key) : undefined;
}

export function asMap(node: Node | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function scalarString(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/**
 * `!If [Cond, A, B]` holds A or B; a policy or statement under it is analyzed in both branches.
 * Each node once: aliases can make the same branch reachable along exponentially many paths.
 */
export function conditionalBranches(node: Node): Node[] {
  const seen = new Set<Node>();
  const branches: Node[] = [];
  const visit = (current: Node): void => {
    if (seen.has(current)) return;
    seen.add(current);
    if (current.kind === 'intrinsic' && current.name === 'Fn::If' && current.argument.kind === 'seq' && current.argument.items.length === 3) {
      visit(current.argument.items[1]);
      visit(current.argument.items[2]);
    } else branches.push(current);
  };
  visit(node);
  return branches;
}
