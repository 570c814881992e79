import { stringify } from 'yaml';
import type { FixSpec } from './rule';
import type { Fix, TextEdit } from './api';
import type { ParsedText } from './parse';
import type { LineIndex } from './positions';
import { asMap, getProperty, type MapNode, type Node } from './tree';

/**
 * Turns a rule's changes into minimal text edits on the user's text: a replaced scalar, or an
 * inserted property at the indentation of its siblings. Comments, quoting and key order outside
 * the edited span are left as they are; the document is never re-serialised.
 */
export class FixRenderer {
  private readonly indentUnit: number;

  constructor(
    private readonly parsed: ParsedText,
    private readonly lines: LineIndex,
  ) {
    this.indentUnit = this.detectIndentUnit();
  }

  render(spec: FixSpec): Fix {
    const edits: TextEdit[] = [];
    // New keys for the same map are inserted together, so they get one separator each.
    const insertions = new Map<MapNode, [string, unknown][]>();
    for (const change of spec.changes) {
      const existing = change.kind === 'set' ? change.map.byKey.get(change.key) : undefined;
      if (change.kind === 'replace') edits.push(this.replace(change.node, change.value));
      else if (existing) edits.push(this.replace(existing.value, change.value));
      else insertions.set(change.map, [...(insertions.get(change.map) ?? []), [change.key, change.value]]);
    }
    for (const [map, entries] of insertions) edits.push(map.flow ? this.insertFlow(map, entries) : this.insertBlock(map, entries));
    return { title: spec.title, preferred: spec.preferred, edits: edits.sort((a, b) => a.start - b.start) };
  }

  private replace(node: Node, value: unknown): TextEdit {
    if (!isCollection(value)) return { start: node.span.start, end: node.span.end, text: this.scalar(value) };
    const emptyBlockValue = node.span.start === node.span.end && this.parsed.format === 'yaml';
    if (emptyBlockValue) {
      // `Key:` with nothing after it (but perhaps a comment): the collection goes on the following lines.
      const lines = this.yamlLines(value, this.lineIndent(node.span.start) + this.indentUnit);
      const at = this.lines.lineEnd(this.lines.positionAt(node.span.start).line);
      return { start: at, end: at, text: `${this.newline()}${lines.join(this.newline())}` };
    }
    return { start: node.span.start, end: node.span.end, text: this.flowValue(value, this.leadingWhitespace(node.span.start)) };
  }

  private insertBlock(map: MapNode, entries: [string, unknown][]): TextEdit {
    const last = map.pairs[map.pairs.length - 1];
    const indent = last ? this.column(last.key.span.start) : this.column(map.span.start);
    const at = last ? this.endOfLineAfter(last.value, last.key.span.end) : map.span.end;
    const text = entries.map(([key, value]) => `${this.newline()}${this.yamlEntry(key, value, indent)}`).join('');
    return { start: at, end: at, text };
  }

  private insertFlow(map: MapNode, entries: [string, unknown][]): TextEdit {
    const last = map.pairs[map.pairs.length - 1];
    const multiLine = last !== undefined && this.lines.positionAt(last.key.span.start).line !== this.lines.positionAt(map.span.start).line;
    const indent = this.leadingWhitespace(multiLine ? last.key.span.start : map.span.start);
    const separator = multiLine ? `,${this.newline()}${indent}` : ', ';
    const text = entries.map(([key, value]) => `${JSON.stringify(key)}: ${this.flowValue(value, indent)}`).join(separator);
    if (!last) return { start: map.span.start + 1, end: map.span.start + 1, text };
    return { start: last.value.span.end, end: last.value.span.end, text: `${separator}${text}` };
  }

  /** A value in flow style: JSON laid out like the file around it, or one line of YAML flow. */
  private flowValue(value: unknown, indent: string): string {
    if (this.parsed.format !== 'json') return JSON.stringify(value);
    const unit = indent.startsWith('\t') ? '\t' : this.indentUnit;
    return JSON.stringify(value, null, unit).replace(/\n/g, `${this.newline()}${indent}`);
  }

  private yamlEntry(key: string, value: unknown, indent: number): string {
    const pad = ' '.repeat(indent);
    if (!isCollection(value)) return `${pad}${this.scalar(key)}: ${this.scalar(value)}`;
    return `${pad}${this.scalar(key)}:${this.newline()}${this.yamlLines(value, indent + this.indentUnit).join(this.newline())}`;
  }

  private yamlLines(value: unknown, indent: number): string[] {
    const pad = ' '.repeat(indent);
    if (Array.isArray(value)) {
      return value.flatMap((item) => {
        if (!isCollection(item)) return [`${pad}- ${this.scalar(item)}`];
        const [first, ...rest] = this.yamlLines(item, indent + 2);
        return [`${pad}- ${first.trimStart()}`, ...rest];
      });
    }
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => this.yamlEntry(k, v, indent));
  }

  private scalar(value: unknown): string {
    if (this.parsed.format === 'json') return JSON.stringify(value);
    return stringify(value, { lineWidth: 0 }).trimEnd();
  }

  /**
   * Where a new sibling goes after a block value: past the end of the value's last line, so a
   * trailing comment stays on its own line; past the blank lines a keep-chomped block scalar
   * (`|+`) holds, so that its value keeps them.
   */
  private endOfLineAfter(value: Node, keyEnd: number): number {
    const text = this.parsed.text;
    let line = this.lines.positionAt(Math.max(value.span.end, keyEnd)).line;
    if (/^[|>][1-9]?\+/.test(text.slice(value.span.start, value.span.start + 3))) {
      // Not into the empty line after the file's last line break: that is the end of the file.
      const blank = (l: number) => text.slice(this.lines.lineStart(l), this.lines.lineEnd(l)).trim() === '';
      while (line + 1 < this.lines.lineCount - 1 && blank(line + 1)) line++;
    }
    return this.lines.lineEnd(line);
  }

  private column(offset: number): number {
    return this.lines.positionAt(offset).character;
  }

  /** The spaces and tabs that start the line holding `offset`. */
  private leadingWhitespace(offset: number): string {
    const start = this.lines.lineStart(this.lines.positionAt(offset).line);
    let end = start;
    while (this.parsed.text[end] === ' ' || this.parsed.text[end] === '\t') end++;
    return this.parsed.text.slice(start, end);
  }

  /** Leading spaces of the line holding `offset` (YAML indents with spaces only). */
  private lineIndent(offset: number): number {
    const line = this.lines.positionAt(offset).line;
    const start = this.lines.lineStart(line);
    let i = start;
    while (this.parsed.text[i] === ' ') i++;
    return i - start;
  }

  private newline(): string {
    return this.parsed.text.includes('\r\n') ? '\r\n' : '\n';
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

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
