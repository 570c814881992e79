import type { Fix, TextEdit } from './api';
import type { ParsedText } from './parse';
import type { LineIndex } from './positions';
import type { Change, ChangeValue, FixSpec } from './rule';
import { asMap, getProperty, type MapNode, type Node, type Pair, type SeqNode } from './tree';
import { ValueRenderer, isBlockCollection } from './render-value';

/** Where a node sits in the tree: the pair whose value it is, or the list that holds it. */
type Parent = { readonly pair: Pair; readonly map: MapNode } | { readonly seq: SeqNode; readonly index: number };

/**
 * Turns a rule's changes into minimal text edits on the user's text: a replaced scalar, an
 * inserted property at the indentation of its siblings, a list item added or removed. YAML block
 * collections get block layout, flow collections and JSON stay flow. Comments, quoting and key
 * order outside the edited spans are left as they are; the document is never re-serialised.
 */
export class FixRenderer {
  private readonly indentUnit: number;
  private readonly values: ValueRenderer;
  private parents: Map<Node, Parent> | undefined;

  constructor(
    private readonly parsed: ParsedText,
    private readonly lines: LineIndex,
  ) {
    this.indentUnit = this.detectIndentUnit();
    this.values = new ValueRenderer(parsed.format, lineBreakOf(parsed.text), this.indentUnit);
  }

  render(spec: FixSpec): Fix {
    const edits: TextEdit[] = [];
    // New keys for the same map are inserted together, after the last key the fix keeps.
    const insertions = new Map<MapNode, [string, ChangeValue][]>();
    const removals = new Map<MapNode, Set<string>>();
    for (const change of spec.changes) edits.push(...this.change(change, insertions, removals));
    for (const [map, keys] of removals) edits.push(...this.removePairs(map, keys));
    for (const [map, entries] of insertions) {
      const kept = map.pairs.filter((pair) => !removals.get(map)?.has(String(pair.key.value)));
      if (kept.length === 0 && map.pairs.length > 0) throw new Error('A fix cannot remove every key of a map and add others.');
      edits.push(map.flow ? this.insertFlow(map, kept, entries) : this.insertBlock(map, kept, entries));
    }
    // A user must see that deploying the fix replaces the resource before choosing it.
    const title = spec.replaces && !/\breplaces\b/.test(spec.title) ? `${spec.title} (replaces the resource)` : spec.title;
    return { title, preferred: spec.preferred, replaces: spec.replaces === true, edits: edits.sort((a, b) => a.start - b.start) };
  }

  private change(change: Change, insertions: Map<MapNode, [string, ChangeValue][]>, removals: Map<MapNode, Set<string>>): TextEdit[] {
    switch (change.kind) {
      case 'replace':
        return [this.replace(change.node, change.value)];
      case 'set': {
        const existing = change.map.byKey.get(change.key);
        if (existing) return [this.replace(existing.value, change.value)];
        const next = change.before && firstPairOf(change.map, change.before);
        if (next) return [this.insertBefore(change.map, next, change.key, change.value)];
        insertions.set(change.map, [...(insertions.get(change.map) ?? []), [change.key, change.value]]);
        return [];
      }
      case 'remove':
        if (change.map.byKey.has(change.key)) removals.set(change.map, (removals.get(change.map) ?? new Set()).add(change.key));
        return [];
      case 'splice':
        return change.seq.flow ? this.spliceFlow(change.seq, change.index, change.deleteCount, change.values) : this.spliceBlock(change.seq, change.index, change.deleteCount, change.values);
    }
  }

  private replace(node: Node, value: ChangeValue): TextEdit {
    const quoted = this.quotedLike(node, value);
    if (quoted !== undefined) return { start: node.span.start, end: node.span.end, text: quoted };
    const parent = this.parentOf(node);
    const flowCollection = (node.kind === 'map' || node.kind === 'seq') && node.flow;
    if (this.parsed.format === 'yaml' && parent && 'pair' in parent && parent.pair.value === node && !parent.map.flow && !flowCollection) return this.replaceBlockValue(parent.pair, value);
    if (this.parsed.format === 'yaml' && isBlockCollection(value) && (node.kind === 'map' || node.kind === 'seq') && !node.flow && node.span.start < node.span.end) {
      // A block collection replaced in place (a list item): same column, block layout.
      const lines = this.values.blockLines(value, this.column(node.span.start));
      return { start: node.span.start, end: node.span.end, text: lines.join(this.values.newline).trimStart() };
    }
    return { start: node.span.start, end: node.span.end, text: this.values.flow(value, this.leadingWhitespace(node.span.start)) };
  }

  /** A scalar replacing a quoted one keeps its quotes: `Default: "false"` becomes `Default: "true"`. */
  private quotedLike(node: Node, value: ChangeValue): string | undefined {
    if (node.kind !== 'scalar' || !['string', 'number', 'boolean'].includes(typeof value)) return undefined;
    const quote = this.parsed.text[node.span.start];
    const text = String(value);
    if (quote === "'" && this.parsed.format === 'yaml') return `'${text.replace(/'/g, "''")}'`;
    if (quote === '"') return JSON.stringify(text);
    return undefined;
  }

  /** `Key: value` in a block map: a scalar stays on the key's line, a collection goes on the lines below. */
  private replaceBlockValue(pair: Pair, value: ChangeValue): TextEdit {
    const node = pair.value;
    const colonEnd = this.colonEnd(pair);
    const empty = node.span.start === node.span.end;
    if (!isBlockCollection(value)) {
      if (!empty && !((node.kind === 'map' || node.kind === 'seq') && !node.flow)) return { start: node.span.start, end: node.span.end, text: this.values.inline(value) };
      return { start: colonEnd, end: Math.max(colonEnd, node.span.end), text: ` ${this.values.inline(value)}` };
    }
    const lines = this.values.blockLines(value, this.column(pair.key.span.start) + this.indentUnit);
    const text = `${this.values.newline}${lines.join(this.values.newline)}`;
    // `Key:` with nothing after it but perhaps a comment: the collection goes after the comment.
    if (empty) {
      const at = this.lines.lineEnd(this.lines.positionAt(colonEnd).line);
      return { start: at, end: at, text };
    }
    return { start: colonEnd, end: node.span.end, text };
  }

  private insertBlock(map: MapNode, kept: readonly Pair[], entries: [string, ChangeValue][]): TextEdit {
    const last = kept[kept.length - 1];
    const indent = last ? this.column(last.key.span.start) : this.column(map.span.start);
    const at = last ? this.endOfLineAfter(last.value, last.key.span.end) : map.span.end;
    const text = entries.map(([key, value]) => `${this.values.newline}${this.values.blockEntry(key, value, indent)}`).join('');
    return { start: at, end: at, text };
  }

  private insertFlow(map: MapNode, kept: readonly Pair[], entries: [string, ChangeValue][]): TextEdit {
    const last = kept[kept.length - 1];
    const multiLine = last !== undefined && this.line(last.key.span.start) !== this.line(map.span.start);
    const indent = this.leadingWhitespace(multiLine ? last.key.span.start : map.span.start);
    const separator = multiLine ? `,${this.values.newline}${indent}` : ', ';
    const text = entries.map(([key, value]) => `${this.values.flowKey(key)}: ${this.values.flow(value, indent)}`).join(separator);
    if (!last) return { start: map.span.start + 1, end: map.span.start + 1, text };
    return { start: last.value.span.end, end: last.value.span.end, text: `${separator}${text}` };
  }

  private insertBefore(map: MapNode, next: Pair, key: string, value: ChangeValue): TextEdit {
    const at = next.key.span.start;
    if (!map.flow && this.startsLine(at)) {
      const start = this.lines.lineStart(this.line(at));
      return { start, end: start, text: `${this.values.blockEntry(key, value, this.column(at))}${this.values.newline}` };
    }
    const indent = this.leadingWhitespace(at);
    const separator = this.startsLine(at) ? `,${this.values.newline}${indent}` : ', ';
    return { start: at, end: at, text: `${this.values.flowKey(key)}: ${this.values.flow(value, indent)}${separator}` };
  }

  private removePairs(map: MapNode, keys: ReadonlySet<string>): TextEdit[] {
    const doomed = map.pairs.filter((pair) => keys.has(String(pair.key.value)));
    if (doomed.length === map.pairs.length) return [{ start: map.span.start, end: map.span.end, text: '{}' }];
    const index = (pair: Pair) => map.pairs.indexOf(pair);
    if (map.flow) return doomed.map((pair) => this.removeFlowItem(map.pairs.map((p) => ({ start: p.key.span.start, end: p.value.span.end })), index(pair)));
    return doomed.map((pair) => {
      const next = map.pairs[index(pair) + 1];
      // The first key of a list item (`- Key: v`) shares its line with the dash: the next key moves up.
      if (!this.startsLine(pair.key.span.start)) return { start: pair.key.span.start, end: next.key.span.start, text: '' };
      return { start: this.lines.lineStart(this.line(pair.key.span.start)), end: this.nextLineStart(this.endOfLineAfter(pair.value, pair.key.span.end)), text: '' };
    });
  }

  private spliceBlock(seq: SeqNode, index: number, deleteCount: number, values: readonly ChangeValue[]): TextEdit[] {
    const items = seq.items;
    const deleted = items.slice(index, index + deleteCount);
    if (deleted.length === items.length && values.length === 0) return [{ start: seq.span.start, end: seq.span.end, text: '[]' }];
    const dashColumn = this.column(seq.span.start);
    const item = (value: ChangeValue) => this.values.blockItem(value, dashColumn);
    const edits: TextEdit[] = [];
    const [first, ...rest] = values;
    if (deleted.length > 0 && first !== undefined) {
      // The first new value takes the place of the first deleted item; the others follow it.
      const target = deleted[0];
      const text = item(first).slice(dashColumn + 2);
      edits.push({ start: target.span.start, end: target.span.end, text });
      if (rest.length > 0) {
        const at = this.lines.lineEnd(this.line(target.span.end));
        edits.push({ start: at, end: at, text: rest.map((value) => `${this.values.newline}${item(value)}`).join('') });
      }
      for (const gone of deleted.slice(1)) edits.push(this.removeBlockItem(gone));
      return edits;
    }
    for (const gone of deleted) edits.push(this.removeBlockItem(gone));
    if (values.length === 0) return edits;
    const before = items[index + deleteCount];
    if (before) {
      const at = this.lines.lineStart(this.line(this.dashOf(before)));
      return [...edits, { start: at, end: at, text: values.map((value) => `${item(value)}${this.values.newline}`).join('') }];
    }
    const at = this.lines.lineEnd(this.line(items[items.length - 1].span.end));
    return [...edits, { start: at, end: at, text: values.map((value) => `${this.values.newline}${item(value)}`).join('') }];
  }

  private removeBlockItem(item: Node): TextEdit {
    return { start: this.lines.lineStart(this.line(this.dashOf(item))), end: this.nextLineStart(this.lines.lineEnd(this.line(item.span.end))), text: '' };
  }

  private spliceFlow(seq: SeqNode, index: number, deleteCount: number, values: readonly ChangeValue[]): TextEdit[] {
    const items = seq.items;
    const multiLine = items.length > 0 && this.line(items[0].span.start) !== this.line(seq.span.start);
    const indent = this.leadingWhitespace(multiLine ? items[0].span.start : seq.span.start);
    const separator = multiLine ? `,${this.values.newline}${indent}` : ', ';
    const text = values.map((value) => this.values.flow(value, indent)).join(separator);
    const spans = items.map((item) => item.span);
    const deleted = items.slice(index, index + deleteCount);
    if (deleted.length > 0 && values.length > 0) {
      const edits = [{ start: deleted[0].span.start, end: deleted[0].span.end, text }];
      for (let i = index + deleteCount - 1; i > index; i--) edits.push(this.removeFlowItem(spans, i));
      return edits;
    }
    if (deleted.length > 0) {
      if (deleted.length === items.length) return [{ start: seq.span.start, end: seq.span.end, text: '[]' }];
      return deleted.map((_, offset) => this.removeFlowItem(spans, index + offset));
    }
    if (items.length === 0) return [{ start: seq.span.start + 1, end: seq.span.start + 1, text }];
    if (index < items.length) return [{ start: items[index].span.start, end: items[index].span.start, text: `${text}${separator}` }];
    const end = items[items.length - 1].span.end;
    return [{ start: end, end, text: `${separator}${text}` }];
  }

  /** Removes one entry of a flow collection with the comma that separates it from a neighbour. */
  private removeFlowItem(spans: readonly { start: number; end: number }[], index: number): TextEdit {
    const span = spans[index];
    if (index > 0) return { start: spans[index - 1].end, end: span.end, text: '' };
    const next = spans[index + 1];
    return next ? { start: span.start, end: next.start, text: '' } : { start: span.start, end: span.end, text: '' };
  }

  /** The offset of the `-` that introduces a block list item (it may stand on a line of its own). */
  private dashOf(item: Node): number {
    let i = item.span.start - 1;
    while (i >= 0 && /\s/.test(this.parsed.text[i])) i--;
    return this.parsed.text[i] === '-' ? i : item.span.start;
  }

  /** Just past the `:` that ends a block mapping key. */
  private colonEnd(pair: Pair): number {
    const text = this.parsed.text;
    let i = pair.key.span.end;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    return text[i] === ':' ? i + 1 : pair.key.span.end;
  }

  private parentOf(node: Node): Parent | undefined {
    // Without anchors or aliases every node has one place, so a descent by span that meets the
    // node itself has found that place: cheaper than indexing the whole tree (~2% of the analysis
    // of a 20k-line template). Anything else (aliases, a node outside the tree, a descent that
    // misses) asks the index, as before.
    if (!this.parents && !this.parsed.hasAliases) {
      const found = descendTo(this.parsed.root, node);
      if (found !== 'missed') return found;
    }
    if (!this.parents) this.parents = indexParents(this.parsed.root);
    return this.parents.get(node);
  }

  /**
   * Where a new sibling goes after a block value: past the end of the value's last line, so a
   * trailing comment stays on its own line; past the blank lines a keep-chomped block scalar
   * (`|+`) holds, so that its value keeps them.
   */
  private endOfLineAfter(value: Node, keyEnd: number): number {
    const text = this.parsed.text;
    let line = this.line(Math.max(value.span.end, keyEnd));
    if (/^[|>][1-9]?\+/.test(text.slice(value.span.start, value.span.start + 3))) {
      // Not into the empty line after the file's last line break: that is the end of the file.
      const blank = (l: number) => text.slice(this.lines.lineStart(l), this.lines.lineEnd(l)).trim() === '';
      while (line + 1 < this.lines.lineCount - 1 && blank(line + 1)) line++;
    }
    return this.lines.lineEnd(line);
  }

  /** The start of the line after the one that `lineEnd` ends (or the end of the text). */
  private nextLineStart(lineEnd: number): number {
    const line = this.line(lineEnd);
    return line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.parsed.text.length;
  }

  private startsLine(offset: number): boolean {
    return this.parsed.text.slice(this.lines.lineStart(this.line(offset)), offset).trim() === '';
  }

  private line(offset: number): number {
    return this.lines.positionAt(offset).line;
  }

  private column(offset: number): number {
    return this.lines.positionAt(offset).character;
  }

  /** The spaces and tabs that start the line holding `offset`. */
  private leadingWhitespace(offset: number): string {
    const start = this.lines.lineStart(this.line(offset));
    let end = start;
    while (this.parsed.text[end] === ' ' || this.parsed.text[end] === '\t') end++;
    return this.parsed.text.slice(start, end);
  }

  /** The file's own indentation step, read off the first resource under `Resources`. */
  private detectIndentUnit(): number {
    const root = asMap(this.parsed.root ?? undefined);
    const resources = asMap(getProperty(root, 'Resources')) ?? asMap(getProperty(root, 'Statement'));
    const first = resources?.pairs[0];
    const parent = root?.byKey.get('Resources') ?? root?.byKey.get('Statement');
    if (first && parent) {
      const step = this.column(first.key.span.start) - this.column(parent.key.span.start);
      if (step > 0 && step <= 8) return step;
    }
    return 2;
  }
}

/**
 * The first pair, in source order, whose key is one of `keys`. A fix adding a resource before the
 * next one (`before: [next id]`) would otherwise scan a large Resources map from the top for each
 * finding: on a 20k-line template that scan was ~2% of the analysis. With one of the keys present
 * and no duplicate keys (a duplicate leaves `byKey` with the last pair, the scan finds the first),
 * `byKey` gives the answer; otherwise the scan decides, as before.
 */
function firstPairOf(map: MapNode, keys: readonly string[]): Pair | undefined {
  let found: Pair | undefined;
  let count = 0;
  for (const key of keys) {
    const pair = map.byKey.get(key);
    if (pair && pair !== found) {
      found = pair;
      count++;
    }
  }
  if (count === 0) return undefined;
  if (count === 1 && map.byKey.size === map.pairs.length) return found;
  return map.pairs.find((pair) => keys.includes(String(pair.key.value)));
}

/** Every node's place in the tree, once per fix renderer (a node reached through aliases keeps its first place). */
function indexParents(root: Node | null): Map<Node, Parent> {
  const parents = new Map<Node, Parent>();
  const stack: Node[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (parents.has(pair.value)) continue;
        parents.set(pair.value, { pair, map: node });
        stack.push(pair.value);
      }
    } else if (node.kind === 'seq') {
      node.items.forEach((item, index) => {
        if (parents.has(item)) return;
        parents.set(item, { seq: node, index });
        stack.push(item);
      });
    } else if (node.kind === 'intrinsic') stack.push(node.argument);
  }
  return parents;
}

/** The text's own line break, for inserted lines: CRLF, a lone CR (old Mac files) or LF. */
function lineBreakOf(text: string): string {
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  return text[cr + 1] === '\n' ? '\r\n' : text.indexOf('\n') < 0 ? '\r' : '\n';
}

/**
 * The place of `node` found by following spans down from the root (binary searches: keys and items
 * are in source order), checked by identity: `undefined` where the index has no entry either (the
 * root, an intrinsic's argument), 'missed' when the descent did not meet the node.
 */
function descendTo(root: Node | null, node: Node): Parent | undefined | 'missed' {
  const { start, end } = node.span;
  let current: Node | null = root;
  while (current) {
    if (current === node) return undefined;
    if (current.kind === 'map') {
      const pairs = current.pairs;
      let low = 0;
      let high = pairs.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (pairs[mid].key.span.start <= start) low = mid;
        else high = mid - 1;
      }
      const pair = pairs[low];
      if (!pair) return 'missed';
      if (pair.value === node) return { pair, map: current };
      if (!(pair.value.span.start <= start && end <= pair.value.span.end)) return 'missed';
      current = pair.value;
    } else if (current.kind === 'seq') {
      const items = current.items;
      let low = 0;
      let high = items.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (items[mid].span.start <= start) low = mid;
        else high = mid - 1;
      }
      const item = items[low];
      if (!item) return 'missed';
      if (item === node) return { seq: current, index: low };
      if (!(item.span.start <= start && end <= item.span.end)) return 'missed';
      current = item;
    } else if (current.kind === 'intrinsic') {
      current = current.argument;
    } else return 'missed';
  }
  return 'missed';
}
