import { Composer, Parser, Schema, isAlias, isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, CST, Document, Node as YamlNode, Tags, YAMLMap } from 'yaml';
import type { Span } from './api';
import { INTRINSIC_SHORT_TAGS, longFormIntrinsicName, shortTagToName } from './intrinsics';
import { lastEntryEnd, PairIndex, type MapNode, type Node, type Pair, type ScalarNode, type SeqNode } from './tree';

/** A problem found while reading the text, before any rule runs. */
export interface ParseProblem {
  readonly code: 'syntax' | 'duplicate-key' | 'limit';
  readonly message: string;
  readonly span: Span;
}

export interface ParsedText {
  readonly text: string;
  /** The first document's root, or null when nothing could be read. */
  readonly root: Node | null;
  readonly format: 'yaml' | 'json';
  readonly problems: readonly ParseProblem[];
  /** The CST, kept to find comments (suppressions) without parsing again. */
  readonly cst: readonly CST.Token[];
  /** Whether the document uses anchors or aliases (one node may then appear in several places). */
  readonly hasAliases: boolean;
  /** The work the parse did, for tests and benchmarks that bound it (absent from incremental parses). */
  readonly stats?: ParseStats;
}

/** What building the tree cost: every figure grows with the text, never with aliases × nodes. */
export interface ParseStats {
  /** yaml nodes converted into the tree (each once). */
  readonly nodes: number;
  /** Aliases resolved (each once). */
  readonly aliases: number;
  /** Nodes visited to find the aliases' anchors: one walk of the document, or none without aliases. */
  readonly anchorScan: number;
  /** Nodes of the tree with aliases expanded: what a walk of the whole tree would visit. */
  readonly expandedNodes: number;
}

/** Bounds that keep hostile input (alias bombs, absurd nesting) from hanging the server. */
export const LIMITS = {
  /**
   * Nodes the tree may hold once aliases are expanded (a billion-laughs document stops there). The
   * engine's walks visit a node reached through several aliases once, so this bounds the tree, not
   * the work; the work grows with the text.
   */
  maxExpandedNodes: 2_000_000,
  maxDepth: 400,
};

const LONE_CR = /\r(?!\n)/g;

/** Up to this many pairs, a new key is checked against the earlier ones by a scan. */
const DUPLICATE_SCAN_LIMIT = 8;

const TOO_DEEP = `The document is nested more than ${LIMITS.maxDepth} levels deep; deeper content is not analyzed.`;

const CUSTOM_TAGS: Tags = INTRINSIC_SHORT_TAGS.flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value },
]) as unknown as Tags;

const COMPOSE_OPTIONS = { customTags: CUSTOM_TAGS, uniqueKeys: false, prettyErrors: false, strict: false } as const;

/**
 * The YAML 1.2 core schema with the intrinsics' tags, made once: yaml builds a schema for every
 * document it composes, merging custom tags one by one (quadratic in their number: with the 63
 * intrinsic tags that cost more than parsing a small template). A document that names its YAML
 * version (`%YAML 1.1`) still gets the schema of that version.
 */
const COMPOSE_WITH_SCHEMA = { ...COMPOSE_OPTIONS, schema: new Schema({ customTags: CUSTOM_TAGS, resolveKnownTags: true, schema: 'core' }) };

/**
 * Parses a whole document, or with `offset` a fragment of one that starts at that offset: spans
 * then count from the start of the whole document.
 */
export function parseText(text: string, offset = 0, depth = 0): ParsedText {
  const format = looksLikeJson(text) ? 'json' : 'yaml';
  const problems: ParseProblem[] = [];
  let cst: CST.Token[] = [];
  let doc: Document.Parsed | undefined;
  try {
    // YAML and the LSP count a lone \r as a line break, the yaml lexer does not: read it as \n
    // (same length, so every offset stays that of the text).
    const source = text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
    cst = Array.from(new Parser().parse(source));
    // yaml's parser keeps its own stack, its composer recurses: cut what is too deep before composing.
    const cut = cutDeepNesting(cst, depth);
    if (cut) problems.push({ code: 'limit', message: TOO_DEEP, span: { start: cut.start + offset, end: cut.end + offset } });
    const composer = new Composer(source.includes('%YAML') ? COMPOSE_OPTIONS : COMPOSE_WITH_SCHEMA);
    for (const composed of composer.compose(cst, true, source.length)) {
      if (!doc) doc = composed;
      else {
        problems.push({ code: 'syntax', message: 'The file holds more than one YAML document; only the first is analyzed.', span: spanOf(composed.range, offset) });
        break;
      }
    }
  } catch (error) {
    // The yaml composer recurses; pathological nesting can exhaust the stack.
    const message = error instanceof RangeError ? 'The document is nested too deeply to analyze.' : `The document could not be read: ${String(error)}`;
    return { text, root: null, format, problems: [{ code: 'limit', message, span: { start: offset, end: offset + Math.min(text.length, 1) } }], cst: [], hasAliases: false };
  }
  if (!doc) return { text, root: null, format, problems, cst, hasAliases: false };
  for (const error of doc.errors) {
    // yaml's composer recurses, and reports running out of stack as RESOURCE_EXHAUSTION.
    if (error.code === 'RESOURCE_EXHAUSTION') problems.push({ code: 'limit', message: TOO_DEEP, span: spanOf(error.pos, offset) });
    else problems.push({ code: 'syntax', message: syntaxMessage(error.message), span: spanOf(error.pos, offset) });
  }
  const builder = new TreeBuilder(text, offset, doc, problems, problems.some((p) => p.code === 'limit'));
  const root = doc.contents ? builder.build(doc.contents as YamlNode, depth) : null;
  return { text, root, format, problems, cst, hasAliases: builder.hasAliases, stats: builder.stats() };
}

function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff') continue;
    return c === '{' || c === '[';
  }
  return false;
}

function syntaxMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return first.endsWith('.') ? first : `${first}.`;
}

function spanOf(pos: readonly number[] | undefined, offset: number): Span {
  const start = pos?.[0] ?? 0;
  return { start: start + offset, end: Math.max(start, pos?.[1] ?? start) + offset };
}

/** Converts the yaml AST into the positioned tree, expanding aliases within a budget. */
class TreeBuilder {
  private readonly converted = new Map<YamlNode, Node>();
  private readonly measures = new Map<Node, { readonly size: number; readonly height: number }>();
  private expandedNodes = 0;
  /** Each alias's anchored node, found in one pass over the document on the first alias. */
  private aliasTargets: { readonly targets: Map<Alias, YamlNode | undefined>; readonly visited: number } | undefined;
  private aliasesResolved = 0;
  private nodes = 0;
  /**
   * Without an anchor (no `&` in the text) no alias can resolve, so no node is reached twice and
   * no alias can lead back into its own collection: the cache of converted nodes and the path
   * being built are then skipped (Map and Set operations on every node, ~2% of an analysis).
   */
  private readonly mayReuse: boolean;
  /** Collections being converted: the path from the root, where an alias must not lead back to. */
  private readonly building = new Set<YamlNode>();
  hasAliases = false;

  constructor(
    private readonly text: string,
    private readonly offset: number,
    private readonly doc: Document.Parsed,
    private readonly problems: ParseProblem[],
    private reportedLimit: boolean,
  ) {
    this.mayReuse = text.includes('&');
  }

  stats(): ParseStats {
    return { nodes: this.nodes, aliases: this.aliasesResolved, anchorScan: this.aliasTargets?.visited ?? 0, expandedNodes: this.expandedNodes };
  }

  build(node: YamlNode, depth: number): Node {
    const cached = this.mayReuse ? this.converted.get(node) : undefined;
    if (cached) return this.reuse(cached, node, depth);
    if (depth > LIMITS.maxDepth) return this.limit(node, TOO_DEEP);
    let result: Node;
    if (isAlias(node) || (node as { anchor?: string }).anchor) this.hasAliases = true;
    if (isAlias(node)) {
      const target = this.resolveAlias(node);
      if (!target) {
        this.problems.push({ code: 'syntax', message: `The alias *${node.source} refers to no anchor before it.`, span: this.span(node) });
        result = this.nullAt(node);
      } else if (this.building.has(target)) {
        this.problems.push({ code: 'syntax', message: `The alias *${node.source} refers to a node that contains it.`, span: this.span(node) });
        result = this.nullAt(node);
      } else result = this.build(target, depth);
    } else if (isMap(node)) {
      if (this.mayReuse) this.building.add(node);
      result = this.buildMap(node, depth);
      this.building.delete(node);
    } else if (isSeq(node)) {
      if (this.mayReuse) this.building.add(node);
      const items = node.items.map((item) => this.build(item as YamlNode, depth + 1));
      this.building.delete(node);
      const span = this.collectionSpan(node, items[items.length - 1]?.span.end);
      result = this.tag(node, { kind: 'seq', span, flow: Boolean(node.flow), items } satisfies SeqNode);
    } else if (isScalar(node)) {
      const value = node.value;
      const scalar: ScalarNode = {
        kind: 'scalar',
        span: this.scalarSpan(node),
        value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : value === null || value === undefined ? null : String(value),
      };
      result = this.tag(node, scalar);
    } else {
      result = this.nullAt(node);
    }
    if (this.mayReuse) this.converted.set(node, result);
    this.nodes++;
    this.expandedNodes++;
    return result;
  }

  private buildMap(node: YAMLMap, depth: number): Node {
    const pairs: Pair[] = [];
    // Keys seen, for duplicates: a scan of the few pairs of a small map, a set for a large one.
    let keys: Set<string> | undefined;
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YamlNode | null;
      const key = keyNode && isScalar(keyNode) ? keyNode : null;
      if (!key) continue; // complex keys never occur in templates
      const name = key.value === null || key.value === undefined ? '' : String(key.value);
      const keyScalar: ScalarNode = { kind: 'scalar', span: this.span(key), value: name };
      const value = item.value ? this.build(item.value as YamlNode, depth + 1) : this.emptyValueAfter(keyScalar);
      if (pairs.length >= DUPLICATE_SCAN_LIMIT && !keys) keys = new Set(pairs.map((pair) => pair.key.value as string));
      if (keys ? keys.has(name) : pairs.some((pair) => pair.key.value === name)) {
        this.problems.push({
          code: 'duplicate-key',
          message: `Duplicate key "${name}": CloudFormation rejects the template. This analysis uses the last value.`,
          span: keyScalar.span,
        });
      }
      keys?.add(name);
      pairs.push({ key: keyScalar, value });
    }
    const span = this.collectionSpan(node, lastEntryEnd(pairs));
    const map: MapNode = { kind: 'map', span, flow: Boolean(node.flow), pairs, byKey: new PairIndex(pairs) };
    if (pairs.length === 1) {
      const longName = longFormIntrinsicName(String(pairs[0].key.value));
      if (longName) return { kind: 'intrinsic', span: map.span, name: longName, argument: pairs[0].value };
    }
    return this.tag(node, map);
  }

  /**
   * The node an alias stands for: the last node before it with that anchor, in document order, as
   * yaml's own `Alias.resolve` decides. That walks the whole document for every alias (aliases ×
   * nodes); this walks it once and looks each alias up.
   */
  private resolveAlias(alias: Alias): YamlNode | undefined {
    this.aliasesResolved++;
    this.aliasTargets ??= aliasTargets(this.doc);
    return this.aliasTargets.targets.get(alias);
  }

  /** Wraps a node that carries a CloudFormation short-form tag (`!Ref`) into an intrinsic. */
  private tag(node: YamlNode, converted: Node): Node {
    const name = node.tag ? shortTagToName(node.tag) : undefined;
    if (!name) return converted;
    return { kind: 'intrinsic', span: { start: this.tagStart(node.tag!, converted.span.start), end: converted.span.end }, name, argument: converted };
  }

  /**
   * The yaml AST gives a node's range without its tag; the tag is the text right before it,
   * separated by white space, so step back over that to include it in the intrinsic's span.
   */
  private tagStart(tag: string, valueStart: number): number {
    let i = valueStart - this.offset;
    while (i > 0 && isWhiteSpace(this.text.charCodeAt(i - 1))) i--;
    return this.text.startsWith(tag, i - tag.length) ? i - tag.length + this.offset : valueStart;
  }

  private reuse(node: Node, source: YamlNode, depth: number): Node {
    // An alias splices in a whole subtree: keep the tree within maxDepth wherever it lands.
    const { size, height } = this.measure(node);
    if (depth + height > LIMITS.maxDepth) return this.limit(source, TOO_DEEP);
    this.expandedNodes += size;
    if (this.expandedNodes > LIMITS.maxExpandedNodes) {
      this.expandedNodes -= size;
      return this.limit(source, `Aliases expand this document to more than ${LIMITS.maxExpandedNodes.toLocaleString('en-US')} nodes; the rest is not analyzed.`);
    }
    return node;
  }

  /** How many nodes a subtree holds once expanded, and how deep it goes; once per subtree. */
  private measure(node: Node): { readonly size: number; readonly height: number } {
    const known = this.measures.get(node);
    if (known) return known;
    let size = 1;
    let height = 0;
    const add = (child: Node, keys: number, levels: number) => {
      const inner = this.measure(child);
      size += keys + inner.size;
      height = Math.max(height, levels + inner.height);
    };
    if (node.kind === 'map') for (const pair of node.pairs) add(pair.value, 1, 1);
    else if (node.kind === 'seq') for (const item of node.items) add(item, 0, 1);
    else if (node.kind === 'intrinsic') add(node.argument, 0, 0);
    const measured = { size, height };
    this.measures.set(node, measured);
    return measured;
  }

  private limit(node: YamlNode, message: string): Node {
    if (!this.reportedLimit) {
      this.reportedLimit = true;
      this.problems.push({ code: 'limit', message, span: this.span(node) });
    }
    return this.nullAt(node);
  }

  private nullAt(node: YamlNode): ScalarNode {
    return { kind: 'scalar', span: this.span(node), value: null };
  }

  private emptyValueAfter(key: ScalarNode): ScalarNode {
    return { kind: 'scalar', span: { start: key.span.end, end: key.span.end }, value: null };
  }

  /**
   * A scalar ends with its last character of text. (yaml's end of a block or multi-line plain
   * scalar can take in the blank lines after it, depending on what follows them.)
   */
  private scalarSpan(node: YamlNode): Span {
    const start = this.at(node, 0);
    let end = this.at(node, 1);
    while (end > start && isWhiteSpace(this.text.charCodeAt(end - this.offset - 1))) end--;
    return { start, end };
  }

  /**
   * A block collection ends where its last entry ends. (yaml's own end can take in the comments
   * that follow, depending on what comes after them; this end depends on the collection alone.)
   */
  private collectionSpan(node: YamlNode & { flow?: boolean }, lastEnd: number | undefined): Span {
    if (node.flow || lastEnd === undefined) return this.span(node);
    return { start: this.at(node, 0), end: lastEnd };
  }

  private span(node: YamlNode): Span {
    return { start: this.at(node, 0), end: this.at(node, 1) };
  }

  /** Where a yaml node starts (0) or ends (1) in the whole document. */
  private at(node: YamlNode, end: 0 | 1): number {
    return (node.range?.[end] ?? 0) + this.offset;
  }
}

/** Space, tab or line break: what separates a tag from its value and trails a scalar's range. */
function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Every alias of the document with the node it refers to: one pre-order walk (keys before values,
 * as yaml's `visit` goes) with the anchors seen so far. Iterative: the document may be deep.
 */
export function aliasTargets(doc: Document.Parsed): { targets: Map<Alias, YamlNode | undefined>; visited: number } {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode | undefined>();
  const stack: unknown[] = [doc.contents];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    visited++;
    if (isAlias(node)) targets.set(node, anchors.get(node.source));
    else if (isPair(node)) stack.push(node.value, node.key);
    else if (isScalar(node) || isCollection(node)) {
      if (node.anchor) anchors.set(node.anchor, node);
      if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return { targets, visited };
}

/**
 * Replaces every node nested deeper than LIMITS.maxDepth in the CST with an empty scalar, so that
 * the composer's recursion stays bounded, and returns where the first one was (in document order).
 * Depth is counted as the tree builder counts it: an entry's key and value one level below their
 * collection; `depth` is that of the document's root (a fragment's root may sit deeper). An explicit
 * stack, not recursion: where the limit is hit depends on the text alone, never on the stack left.
 */
export function cutDeepNesting(tokens: CST.Token[], depth = 0): Span | undefined {
  let first: Span | undefined;
  type Holder = { value?: CST.Token; key?: CST.Token | null };
  // The slots still to visit, as three parallel stacks (an object per slot was most of the cost).
  const holders: Holder[] = [];
  const fields: ('value' | 'key')[] = [];
  const levels: number[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.type !== 'document') continue;
    holders.push(token);
    fields.push('value');
    levels.push(depth);
  }
  while (holders.length > 0) {
    const holder = holders.pop()!;
    const field = fields.pop()!;
    const level = levels.pop()!;
    const token = holder[field];
    if (!token) continue;
    if (level > LIMITS.maxDepth) {
      const at = 'offset' in token ? token.offset : 0;
      first ??= { start: at, end: at + 1 };
      holder[field] = { type: 'scalar', offset: at, indent: 'indent' in token ? token.indent : 0, source: '' } as CST.FlowScalar;
      continue;
    }
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      const items = token.items as Holder[];
      for (let i = items.length - 1; i >= 0; i--) {
        holders.push(items[i], items[i]);
        fields.push('value', 'key');
        levels.push(level + 1, level + 1);
      }
    }
  }
  return first;
}
