import type { Span } from '../api';
import { parseText } from '../parse';
import type { MapNode, Node } from '../tree';

/**
 * Where the cursor is in a template being written, for completion. Half-written text parses in
 * surprising ways (`Type: AWS::S3::` reads as a nested map, `Ver` under `Properties:` as its scalar
 * value), so the word being typed is replaced by a marker that parses predictably, as a key or as a
 * value, and the marker is looked for in the tree of the patched text: its path says what to offer.
 */
export type TemplatePlace =
  /** The value of a resource's `Type`. */
  | (PlaceBase & { readonly kind: 'resourceType' })
  /** A key of a resource (`Type`, `Properties`, `DeletionPolicy`…). */
  | (PlaceBase & { readonly kind: 'resourceKey'; readonly existing: readonly string[] })
  /** A key in a resource's `Properties`, or in a property below them: `path` names the properties on the way. */
  | (PlaceBase & { readonly kind: 'propertyKey'; readonly resourceType: string; readonly path: readonly string[]; readonly existing: readonly string[] })
  /** A scalar value of a property (`SSEAlgorithm: aws:kms`), or a resource attribute's (`DeletionPolicy`). */
  | (PlaceBase & { readonly kind: 'propertyValue'; readonly resourceType: string; readonly path: readonly string[] })
  | (PlaceBase & { readonly kind: 'attributeValue'; readonly attribute: string; readonly logicalId: string });

interface PlaceBase {
  readonly format: 'yaml' | 'json';
  /** What a completion replaces: the word typed so far (with its quotes, if any). */
  readonly span: Span;
  /** The text typed before the cursor, without quotes. */
  readonly typed: string;
  /** The quote the value was opened with, or ''. */
  readonly quote: string;
  /** Column where the key (or value) starts: nested lines are indented from here. */
  readonly column: number;
  /** Spaces per indentation level in this document. */
  readonly indentUnit: number;
  /** JSON: whether a comma must follow the inserted entry (another key comes next). */
  readonly commaAfter: boolean;
  /** JSON: where a comma must be added after the previous entry, which has none. */
  readonly commaBefore: number | undefined;
  /** The key typed already has its colon (and value): a completion replaces the name only. */
  readonly keyOnly: boolean;
  /** Whether the quoted word's closing quote is in the span. */
  readonly closed: boolean;
  /** Indentation of the line the word is on. */
  readonly lineIndent: number;
}

const MARKER = '__pillar_completion__';
const WORD = /[A-Za-z0-9_:.\-/*]/;
const RESOURCE_ATTRIBUTES_WITH_VALUES = ['DeletionPolicy', 'UpdateReplacePolicy', 'Condition', 'DependsOn'];

/** A parsed tree of the whole text, when the caller has one: its resources let a fragment be parsed instead. */
export function locateTemplatePlace(text: string, offset: number, root?: Node | null): TemplatePlace | undefined {
  const format = looksLikeJson(text) ? 'json' : 'yaml';
  const patch = format === 'yaml' ? patchYaml(text, offset) : patchJson(text, offset);
  if (!patch || outsideResources(root, patch.start, text)) return undefined;
  const patched = text.slice(0, patch.start) + patch.text + text.slice(patch.end);
  // A YAML template's resource is parsed alone, so that a large template costs no more than a small one.
  const block = format === 'yaml' ? resourceBlock(root, patch.start, patch.end, text) : undefined;
  let found: Found | undefined;
  if (block) {
    const delta = patch.text.length - (patch.end - patch.start);
    const fragment = parseText(patched.slice(block.start, block.end + delta), block.start).root;
    const inner = fragment && findMarker(fragment);
    // The fragment's root stands for `Resources`, whose map holds the logical ids.
    // Not found there (the word is glued to other text): the whole text would not say more.
    if (!inner || fragment.kind !== 'map') return undefined;
    found = { ...inner, path: ['Resources', ...inner.path], maps: [fragment, ...inner.maps] };
  } else if (format === 'yaml' && isBlockResources(root)) {
    // In the Resources block but in no resource's body (a logical id being typed): nothing to offer.
    return undefined;
  }
  found ??= (() => {
    const whole = parseText(patched).root;
    return whole ? findMarker(whole) : undefined;
  })();
  if (!found) return undefined;
  const base: PlaceBase = {
    format,
    span: patch.replaced,
    typed: patch.typed,
    quote: patch.quote,
    column: patch.column,
    indentUnit: indentUnit(text, root, format),
    commaAfter: patch.commaAfter,
    keyOnly: patch.keyOnly,
    commaBefore: patch.commaBefore,
    closed: patch.quote !== '' && patch.replaced.end - patch.replaced.start >= 2 && text[patch.replaced.end - 1] === patch.quote,
    lineIndent: /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', patch.replaced.start - 1) + 1))![0].length,
  };
  const { path, asKey, maps } = found;
  if (path[0] !== 'Resources' || path.length < 2) return undefined;
  const resourceMap = maps[2];
  const resourceType = typeOf(resourceMap);
  if (path.length === 2 && asKey) return { ...base, kind: 'resourceKey', existing: keysOf(resourceMap) };
  if (path.length === 3 && path[2] === 'Type' && !asKey) return { ...base, kind: 'resourceType' };
  // A list item being started (`- `) reads as a key; under DependsOn it is a value.
  if (path.length === 3 && RESOURCE_ATTRIBUTES_WITH_VALUES.includes(path[2])) return { ...base, kind: 'attributeValue', attribute: path[2], logicalId: path[1] };
  if (path[2] !== 'Properties' || !resourceType) return undefined;
  const propertyPath = path.slice(3);
  if (asKey) return { ...base, kind: 'propertyKey', resourceType, path: propertyPath, existing: keysOf(maps[maps.length - 1]) };
  if (propertyPath.length === 0) return undefined;
  return { ...base, kind: 'propertyValue', resourceType, path: propertyPath };
}

interface Patch {
  /** The text replaced in the copy that is parsed, and what replaces it. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** What a completion replaces in the user's text. */
  readonly replaced: Span;
  readonly typed: string;
  readonly quote: string;
  readonly column: number;
  readonly commaAfter: boolean;
  readonly keyOnly: boolean;
  /** JSON: where a comma must go after the previous entry. */
  readonly commaBefore?: number;
}

/** The word at the cursor, as a key (`Ver` → `MARKER:`) or as a value (`Type: AWS::S3::` → `Type: MARKER`). */
function patchYaml(text: string, offset: number): Patch | undefined {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  let quote = '';
  if (text[start - 1] === '"' || text[start - 1] === "'") {
    quote = text[start - 1];
    start--;
    end = text[end] === quote ? end + 1 : end;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // A key's word ends at its colon (`Version: {}`); a value's colons are its own (`AWS::S3::`).
  if (!quote && /^[ \t]*(- +)*$/.test(text.slice(lineStart, start))) {
    const colon = /:(?=[ \t\r\n]|$)/.exec(text.slice(start, end));
    if (colon && start + colon.index >= offset) end = start + colon.index;
  }
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  const typed = text.slice(start + quote.length, offset);
  const common = { replaced: { start, end }, typed, quote, column: start - lineStart, commaAfter: false, keyOnly: false };
  // A key: nothing but indentation (and list dashes) before it on its line.
  if (/^[ \t]*(- +)*$/.test(before)) {
    if (/^\s*:/.test(after)) return { start, end, text: MARKER, ...common, keyOnly: true };
    // Whatever follows on the line is not part of the key being typed.
    return { start, end: lineEnd, text: `${MARKER}:`, ...common };
  }
  // A value: after `Key: ` or a list dash.
  if (/(:|^[ \t]*(- +)+)[ \t]*$/.test(before) || /^[ \t]*- +$/.test(before)) return { start, end, text: MARKER, ...common };
  return undefined;
}

/** Inside a string (`"Ver|"`) or between entries of an object, in JSON. */
function patchJson(text: string, offset: number): Patch | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const beforeOnLine = text.slice(lineStart, offset);
  const quotes = (beforeOnLine.match(/(?<!\\)"/g) ?? []).length;
  let start: number;
  let end: number;
  let typed: string;
  let quote = '';
  if (quotes % 2 === 1) {
    start = text.lastIndexOf('"', offset - 1);
    end = offset;
    while (end < text.length && text[end] !== '"' && text[end] !== '\n') end++;
    if (text[end] === '"') end++;
    typed = text.slice(start + 1, offset);
    quote = '"';
  } else {
    start = end = offset;
    typed = '';
  }
  const previousAt = significantBefore(text, start);
  const previous = text[previousAt] ?? '';
  const next = significantAfter(text, end);
  // A new line after an entry that has no comma yet (the editor adds none): the key needs one before it.
  const commaBefore = /["}\]\del]/.test(previous) && text.slice(previousAt, start).includes('\n') ? previousAt + 1 : undefined;
  const asKey = previous === '{' || previous === ',' || commaBefore !== undefined;
  const value = previous === ':' || previous === '[';
  if (!asKey && !value) return undefined;
  const commaAfter = asKey && (next === '"' || next === '{');
  const marker = asKey ? `"${MARKER}": null${commaAfter ? ',' : ''}` : `"${MARKER}"`;
  const common = { replaced: { start, end }, typed, quote, column: start - lineStart, commaBefore };
  // The parsed copy gets the comma too: from the previous entry's end, the same text with a comma.
  const from = commaBefore ?? start;
  const lead = commaBefore === undefined ? '' : `,${text.slice(commaBefore, start)}`;
  // A key typed inside quotes that already has its colon keeps it.
  if (asKey && quote && next === ':') return { start: from, end, text: `${lead}"${MARKER}"`, ...common, commaAfter: false, keyOnly: true };
  return { start: from, end, text: `${lead}${marker}`, ...common, commaAfter, keyOnly: false };
}

/** The offset of the last character before `offset` that is not white space (-1 when none). */
function significantBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

function significantAfter(text: string, offset: number): string {
  let i = offset;
  while (i < text.length && /\s/.test(text[i])) i++;
  return text[i] ?? '';
}

interface Found {
  /** Keys from the root to the marker; list positions are left out. */
  readonly path: readonly string[];
  /** The maps on the way: maps[i] holds path[i]. */
  readonly maps: readonly MapNode[];
  readonly asKey: boolean;
}

function findMarker(node: Node, path: string[] = [], maps: MapNode[] = []): Found | undefined {
  if (node.kind === 'map') {
    for (const pair of node.pairs) {
      if (pair.key.value === MARKER) return { path, maps: [...maps, node], asKey: true };
      if (pair.value.kind === 'scalar' && pair.value.value === MARKER) return { path: [...path, String(pair.key.value)], maps: [...maps, node], asKey: false };
      if (pair.value.kind !== 'scalar') {
        const found = findMarker(pair.value, [...path, String(pair.key.value)], [...maps, node]);
        if (found) return found;
      }
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) {
      if (item.kind === 'scalar' && item.value === MARKER) return { path, maps, asKey: false };
      const found = item.kind === 'scalar' ? undefined : findMarker(item, path, maps);
      if (found) return found;
    }
  }
  return undefined;
}

function typeOf(resource: MapNode | undefined): string | undefined {
  const type = resource?.byKey.get('Type')?.value;
  return type?.kind === 'scalar' && typeof type.value === 'string' && type.value !== MARKER ? type.value : undefined;
}

function keysOf(map: MapNode | undefined): string[] {
  return (map?.pairs ?? []).map((pair) => String(pair.key.value)).filter((key) => key !== MARKER);
}

function isBlockResources(root: Node | null | undefined): boolean {
  const resources = root?.kind === 'map' && !root.flow ? root.byKey.get('Resources')?.value : undefined;
  return resources?.kind === 'map' && !resources.flow;
}

/** Whether an offset lies before `Resources` or after it, in the next top-level section: nothing to complete there. */
function outsideResources(root: Node | null | undefined, offset: number, text: string): boolean {
  const resources = root?.kind === 'map' ? root.byKey.get('Resources') : undefined;
  if (!resources || root?.kind !== 'map') return false;
  const next = root.pairs[root.pairs.indexOf(resources) + 1];
  return offset < resources.key.span.start || offset >= (next ? next.key.span.start : text.length);
}

/** The lines of the resource (in the block `Resources` map of `root`) that hold the patched span. */
function resourceBlock(root: Node | null | undefined, start: number, end: number, text: string): Span | undefined {
  if (root?.kind !== 'map' || root.flow) return undefined;
  const resources = root.byKey.get('Resources');
  if (resources?.value.kind !== 'map' || resources.value.flow) return undefined;
  const pairs = resources.value.pairs;
  const rootIndex = root.pairs.indexOf(resources);
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  for (let i = 0; i < pairs.length; i++) {
    const blockStart = lineStart(pairs[i].key.span.start);
    const next = pairs[i + 1] ?? root.pairs[rootIndex + 1];
    const blockEnd = next ? lineStart(next.key.span.start) : text.length;
    // The patched word must lie below the resource's key line, within its lines.
    if (blockStart < start && end <= blockEnd && text.indexOf('\n', blockStart) < start) return { start: blockStart, end: blockEnd };
  }
  return undefined;
}

/** Spaces per level: how far the first resource is indented from `Resources`. */
function indentUnit(text: string, root: Node | null | undefined, format: 'yaml' | 'json'): number {
  const column = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const resources = root?.kind === 'map' ? root.byKey.get('Resources') : undefined;
  const first = resources?.value.kind === 'map' ? resources.value.pairs[0] : undefined;
  if (resources && first) {
    const step = column(first.key.span.start) - column(resources.key.span.start);
    if (step > 0 && step <= 8) return step;
  }
  return format === 'json' ? 2 : 2;
}

function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text);
  return first !== null && (first[0] === '{' || first[0] === '[');
}
