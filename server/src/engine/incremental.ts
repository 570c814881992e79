import { parseText, type ParsedText } from './parse';
import { LineIndex } from './positions';
import type { MapNode, Node, Pair } from './tree';

/** What a re-parse needs of the previous parse: not its CST, which only serves suppressions. */
export type ReparseBase = Omit<ParsedText, 'cst'>;

/** Comment markers whose positions come from the CST, which an incremental parse does not rebuild. */
const SUPPRESSION_MARKERS = ['pillar:ignore', 'checkov:skip='];

/**
 * Re-parses only the resource an edit falls in, when that is safe: the previous text parsed
 * cleanly as block YAML without aliases, the edit stays inside one resource's lines, and those
 * lines still parse as that one resource at the same indentation. The rest of the tree is reused,
 * its positions shifted past the edit. Returns undefined when a full parse is needed.
 *
 * The result is the tree `parseText(text)` would build; the tests compare the two on many edits.
 */
export function reparse(previous: ReparseBase, text: string, previousLines: LineIndex): ParsedText | undefined {
  if (previous.format !== 'yaml' || previous.problems.length > 0 || previous.hasAliases) return undefined;
  if (SUPPRESSION_MARKERS.some((marker) => text.includes(marker))) return undefined;
  const root = previous.root;
  if (root?.kind !== 'map' || root.flow) return undefined;
  const resources = root.byKey.get('Resources')?.value;
  if (resources?.kind !== 'map' || resources.flow) return undefined;

  const change = changedRegion(previous.text, text);
  if (!change) return { ...previous, text, cst: [] };
  const block = resourceBlock(root, resources, change, previousLines, previous.text.length);
  if (!block) return undefined;

  const delta = text.length - previous.text.length;
  const fragment = parseText(text.slice(block.start, block.end + delta), block.start);
  const replacement = fragment.root?.kind === 'map' ? fragment.root.pairs : [];
  if (fragment.problems.length > 0 || fragment.hasAliases || fragment.root?.kind !== 'map' || fragment.root.flow || replacement.length !== 1) return undefined;
  const [pair] = replacement;
  if (pair.key.span.start - block.start !== block.pair.key.span.start - block.start) return undefined;
  const id = String(pair.key.value);
  if (id !== String(block.pair.key.value) && resources.byKey.has(id)) return undefined; // a duplicate id is reported by a full parse

  const splicer = new Splicer(block.start, block.end, delta, block.pair, pair);
  const newRoot = splicer.splice(root);
  return newRoot ? { text, root: newRoot, format: 'yaml', problems: [], cst: [], hasAliases: false } : undefined;
}

/** The span of `before` that differs from `after`: [start, end) in before, with its length change. */
function changedRegion(before: string, after: string): { start: number; end: number } | undefined {
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start === before.length && start === after.length) return undefined;
  let suffix = 0;
  while (suffix < shortest - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, end: before.length - suffix };
}

/**
 * The lines of the resource holding the change: from its logical id's line to the next resource's
 * (or the next top-level key's, or the end of the text).
 */
function resourceBlock(root: MapNode, resources: MapNode, change: { start: number; end: number }, lines: LineIndex, length: number) {
  const lineStart = (offset: number) => lines.lineStart(lines.positionAt(offset).line);
  const rootIndex = root.pairs.findIndex((p) => p.value === resources);
  const afterResources = root.pairs[rootIndex + 1];
  for (let i = 0; i < resources.pairs.length; i++) {
    const pair = resources.pairs[i];
    const start = lineStart(pair.key.span.start);
    const next = resources.pairs[i + 1] ?? afterResources;
    const end = next ? lineStart(next.key.span.start) : length;
    // Text inserted at the very start of the first resource's line belongs to no resource.
    if (start <= change.start && change.end <= end && change.end > start) return { start, end, pair };
  }
  return undefined;
}

/** Rebuilds the path from the root to the replaced resource; reuses what precedes it, shifts what follows. */
class Splicer {
  private failed = false;

  constructor(
    private readonly start: number,
    private readonly end: number,
    private readonly delta: number,
    private readonly replaced: Pair,
    private readonly replacement: Pair,
  ) {}

  splice(node: Node): Node | undefined {
    const result = this.visit(node);
    return this.failed ? undefined : result;
  }

  private visit(node: Node): Node {
    if (node.span.end <= this.start) return node;
    if (node.span.start >= this.end) return shift(node, this.delta);
    if (node.kind !== 'map' || node.span.start > this.start) {
      this.failed = true; // only the root and Resources may straddle the resource's lines
      return node;
    }
    const pairs = node.pairs.map((pair) => (pair === this.replaced ? this.replacement : { key: this.visitScalar(pair.key), value: this.visit(pair.value) }));
    // A block map ends where its last value ends; that may now be the new resource's end.
    const end = node.span.end >= this.end ? node.span.end + this.delta : pairs[pairs.length - 1].value.span.end;
    return { kind: 'map', span: { start: node.span.start, end }, flow: node.flow, pairs, byKey: indexPairs(pairs) };
  }

  private visitScalar(key: Pair['key']): Pair['key'] {
    if (key.span.end <= this.start) return key;
    if (key.span.start >= this.end) return shift(key, this.delta) as Pair['key'];
    this.failed = true;
    return key;
  }
}

function shift(node: Node, delta: number): Node {
  const span = { start: node.span.start + delta, end: node.span.end + delta };
  switch (node.kind) {
    case 'scalar':
      return { ...node, span };
    case 'seq':
      return { ...node, span, items: node.items.map((item) => shift(item, delta)) };
    case 'intrinsic':
      return { ...node, span, argument: shift(node.argument, delta) };
    case 'map': {
      const pairs = node.pairs.map((pair) => ({ key: shift(pair.key, delta) as Pair['key'], value: shift(pair.value, delta) }));
      return { ...node, span, pairs, byKey: indexPairs(pairs) };
    }
  }
}

function indexPairs(pairs: readonly Pair[]): Map<string, Pair> {
  const byKey = new Map<string, Pair>();
  for (const pair of pairs) byKey.set(String(pair.key.value), pair);
  return byKey;
}
