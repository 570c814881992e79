import type { CST } from 'yaml';
import { parseText, type ParsedText } from './parse';
import { LineIndex } from './positions';
import { lastEntryEnd, PairIndex, type MapNode, type Node, type Pair } from './tree';

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
  // Fragments are cut at \n; a lone \r (a line break too) would hide where lines end.
  if (/\r(?!\n)/.test(text)) return undefined;
  const root = previous.root;
  if (root?.kind !== 'map' || root.flow) return undefined;
  const resources = root.byKey.get('Resources')?.value;
  if (resources?.kind !== 'map' || resources.flow) return undefined;

  const change = changedRegion(previous.text, text);
  if (!change) return { ...previous, text, cst: [] };
  const block = resourceBlock(root, resources, change, previousLines, previous.text.length);
  if (!block) return undefined;

  const delta = text.length - previous.text.length;
  const fragmentEnd = block.end + delta;
  // The resource's lines must still end where the next key starts, not run into its line.
  if (fragmentEnd < text.length && text[fragmentEnd - 1] !== '\n') return undefined;
  // The fragment takes in the next key's line too: whatever the edit left open (a quote, a bracket,
  // a scalar that goes on) must close before that key, or the key would not parse as a key.
  const nextLineEnd = block.next ? lineEndAfter(text, fragmentEnd) : fragmentEnd;
  // The fragment's root stands for Resources, one level below the document's root.
  const fragment = parseText(text.slice(block.start, nextLineEnd), block.start, 1);
  const pairs = fragment.root?.kind === 'map' && !fragment.root.flow ? fragment.root.pairs : [];
  if (fragment.problems.length > 0 || fragment.hasAliases || hasDocumentMarkers(fragment.cst)) return undefined;
  if (pairs.length !== (block.next ? 2 : 1)) return undefined;
  const [pair, next] = pairs;
  if (block.next && (String(next.key.value) !== String(block.next.key.value) || next.key.span.start !== block.next.key.span.start + delta)) return undefined;
  // An empty key (`  :`) is placed by the parser according to what precedes it, which the fragment lacks.
  if (pair.key.span.start === pair.key.span.end) return undefined;
  // Still the first line of the block, at the same indentation.
  if (pair.key.span.start !== block.pair.key.span.start || text.slice(block.start, pair.key.span.start).includes('\n')) return undefined;
  const id = String(pair.key.value);
  if (id !== String(block.pair.key.value) && resources.byKey.has(id)) return undefined; // a duplicate id is reported by a full parse

  const splicer = new Splicer(block.start, block.end, delta, block.pair, pair);
  const newRoot = splicer.splice(root);
  return newRoot ? { text, root: newRoot, format: 'yaml', problems: [], cst: [], hasAliases: false } : undefined;
}

/** The offset just past the line break that ends the line starting at `start` (or the text's end). */
function lineEndAfter(text: string, start: number): number {
  const lineBreak = text.indexOf('\n', start);
  return lineBreak < 0 ? text.length : lineBreak + 1;
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
    // A change that touches the next key's line, or starts at this resource's first character
    // without reaching into it, is not this resource's alone.
    if (start <= change.start && change.end < end && change.end > start) return { start, end, pair, next };
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
    // Only the root and Resources (block maps both) may straddle the resource's lines.
    const parent = node.kind === 'map' && node.pairs.includes(this.replaced);
    if (node.kind !== 'map' || node.flow || (node.span.start > this.start && !parent)) {
      this.failed = true;
      return node;
    }
    const pairs = node.pairs.map((pair) => (pair === this.replaced ? this.replacement : { key: this.visitScalar(pair.key), value: this.visit(pair.value) }));
    // A block map ends with its last entry, as the parser measures it.
    return { kind: 'map', span: { start: node.span.start, end: lastEntryEnd(pairs)! }, flow: false, pairs, byKey: new PairIndex(pairs) };
  }

  private visitScalar(key: Pair['key']): Pair['key'] {
    if (key.span.end <= this.start) return key;
    if (key.span.start >= this.end) return shift(key, this.delta) as Pair['key'];
    this.failed = true;
    return key;
  }
}

/** `---` or `...` lines: harmless inside the fragment, they start another document in the file. */
function hasDocumentMarkers(tokens: readonly CST.Token[]): boolean {
  return tokens.some((token) => {
    if (token.type === 'doc-end' || token.type === 'directive') return true;
    return token.type === 'document' && token.start.some((t) => t.type === 'doc-start');
  });
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
      return { ...node, span, pairs, byKey: new PairIndex(pairs) };
    }
  }
}
