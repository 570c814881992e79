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
  readonly byKey: PairLookup;
}

export interface PairLookup {
  get(key: string): Pair | undefined;
  has(key: string): boolean;
  /** How many distinct keys. */
  readonly size: number;
}

/** Up to this many pairs, a lookup scans them: as fast as hashing the key, and nothing to build. */
const SCAN_LIMIT = 8;

/**
 * A map's pairs by key. Most maps of a template hold a handful of keys; building a Map for each
 * (a hash table per node, an insertion per key) was ~3% of the analysis of the corpus, so a Map is
 * built, on the first lookup, for the larger maps only.
 */
export class PairIndex implements PairLookup {
  private index: Map<string, Pair> | undefined;

  constructor(private readonly pairs: readonly Pair[]) {}

  get(key: string): Pair | undefined {
    const pairs = this.pairs;
    if (pairs.length > SCAN_LIMIT) return this.indexed().get(key);
    for (let i = pairs.length - 1; i >= 0; i--) if (keyText(pairs[i]) === key) return pairs[i];
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.indexed().size;
  }

  private indexed(): Map<string, Pair> {
    if (!this.index) {
      this.index = new Map();
      for (const pair of this.pairs) this.index.set(keyText(pair), pair);
    }
    return this.index;
  }
}

function keyText(pair: Pair): string {
  const value = pair.key.value;
  return typeof value === 'string' ? value : String(value);
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
  if (!isIf(node)) return [node];
  const seen = new Set<Node>();
  const branches: Node[] = [];
  const visit = (current: Node): void => {
    if (seen.has(current)) return;
    seen.add(current);
    if (isIf(current)) {
      visit(current.argument.items[1]);
      visit(current.argument.items[2]);
    } else branches.push(current);
  };
  visit(node);
  return branches;
}

function isIf(node: Node): node is IntrinsicNode & { argument: SeqNode } {
  return node.kind === 'intrinsic' && node.name === 'Fn::If' && node.argument.kind === 'seq' && node.argument.items.length === 3;
}
