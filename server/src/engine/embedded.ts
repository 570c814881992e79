import type { Span } from './api';
import { parseText } from './parse';
import { PairIndex, type MapNode, type Node, type Pair, type ScalarNode } from './tree';

/**
 * A document written inside a string (a policy as a JSON string, or `!Sub` of one), parsed on its
 * own and placed back in the file: each node's span points at its characters in the string when
 * the string's quoting can be undone exactly (JSON and YAML quoted strings, literal blocks), and
 * at the whole string otherwise.
 */
export interface EmbeddedDocument {
  readonly root: Node | null;
  /** Why the string could not be read as a document, if it could not. */
  readonly error: string | undefined;
  /** True when spans point into the string; false when every node spans the whole string. */
  readonly exact: boolean;
}

export function parseEmbedded(text: string | undefined, string: ScalarNode): EmbeddedDocument {
  const value = String(string.value);
  const parsed = parseText(value);
  const syntax = parsed.problems.find((problem) => problem.code !== 'duplicate-key');
  if (syntax || !parsed.root) return { root: null, error: syntax?.message ?? 'the string is empty', exact: false };
  const offsets = text === undefined ? undefined : contentOffsets(text, string.span, value);
  const map = offsets ? (span: Span) => ({ start: offsets[span.start], end: offsets[span.end] }) : () => string.span;
  return { root: remap(parsed.root, map), error: undefined, exact: offsets !== undefined };
}

/**
 * The offset in `text` of each character of the string's value, and one more where the value
 * ends; undefined when its quoting cannot be undone exactly.
 */
export function contentOffsets(text: string, span: Span, value: string): number[] | undefined {
  // A lone \r is a line break as \n is (same length: offsets unchanged).
  const raw = text.slice(span.start, span.end).replace(/\r(?!\n)/g, '\n');
  let decoded: Decoded | undefined;
  if (raw.startsWith('"')) decoded = doubleQuoted(raw);
  else if (raw.startsWith("'")) decoded = singleQuoted(raw);
  else if (raw.startsWith('|')) decoded = literalBlock(raw);
  else if (!raw.includes('\n')) decoded = { text: raw, offsets: Array.from(raw, (_, i) => i), end: raw.length };
  // Accept the mapping only if it reproduces the value (a literal block may differ in trailing line breaks).
  if (!decoded || decoded.text.trimEnd() !== value.trimEnd()) return undefined;
  return [...decoded.offsets, decoded.end].map((offset) => span.start + offset);
}

/** A string's value, where each of its characters is in the raw source, and where it ends there. */
interface Decoded {
  readonly text: string;
  readonly offsets: number[];
  readonly end: number;
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** A one-line double-quoted string; an escape maps to its backslash. */
function doubleQuoted(raw: string): Decoded | undefined {
  if (raw.includes('\n')) return undefined;
  let text = '';
  const offsets: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    offsets.push(i);
    if (raw[i] !== '\\') {
      text += raw[i];
      continue;
    }
    const next = raw[i + 1];
    if (next === 'u') {
      text += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (next in ESCAPES) {
      text += ESCAPES[next];
      i += 1;
    } else return undefined;
  }
  return { text, offsets, end: raw.length - 1 };
}

function singleQuoted(raw: string): Decoded | undefined {
  if (raw.includes('\n')) return undefined;
  let text = '';
  const offsets: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    offsets.push(i);
    text += raw[i];
    if (raw[i] === "'") i++;
  }
  return { text, offsets, end: raw.length - 1 };
}

/** A `|` block: every content line without its indentation, each ended by a line break. */
function literalBlock(raw: string): Decoded | undefined {
  const header = /^\|[-+]?[1-9]?[-+]?[ \t]*(#.*)?\r?\n/.exec(raw);
  if (!header) return undefined;
  let text = '';
  const offsets: number[] = [];
  let indent: number | undefined;
  let lineStart = header[0].length;
  while (lineStart < raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    const line = raw.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (indent === undefined && line.trim() !== '') indent = line.length - line.trimStart().length;
    for (let i = Math.min(indent ?? line.length, line.length); i < line.length; i++) {
      offsets.push(lineStart + i);
      text += line[i];
    }
    offsets.push(lineStart + line.length);
    text += '\n';
    lineStart = lineEnd + 1;
  }
  return { text, offsets, end: raw.length };
}

/** A copy of a tree with every span mapped. */
function remap(node: Node, map: (span: Span) => Span): Node {
  const span = map(node.span);
  switch (node.kind) {
    case 'scalar':
      return { ...node, span };
    case 'seq':
      return { ...node, span, items: node.items.map((item) => remap(item, map)) };
    case 'intrinsic':
      return { ...node, span, argument: remap(node.argument, map) };
    case 'map': {
      const pairs: Pair[] = node.pairs.map((pair) => ({ key: remap(pair.key, map) as ScalarNode, value: remap(pair.value, map) }));
      return { ...node, span, pairs, byKey: new PairIndex(pairs) } satisfies MapNode;
    }
  }
}
