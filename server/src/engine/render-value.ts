import { stringify } from 'yaml';
import { Intrinsic, type ChangeValue } from './rule';

/** How each string is written as a YAML scalar, as `yaml` writes it (a document per call is costly). */
const SCALARS = new Map<string, string>();
const MAX_SCALARS = 4096;

/** A list or a plain map: what YAML lays out in block style. Intrinsics are written inline. */
export function isBlockCollection(value: ChangeValue): value is readonly unknown[] | Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !(value instanceof Intrinsic);
}

/** Writes a change's value as YAML (block or flow) or JSON, in the file's line endings and indentation. */
export class ValueRenderer {
  constructor(
    readonly format: 'yaml' | 'json',
    readonly newline: string,
    private readonly indentUnit: number,
  ) {}

  /** A value that stays on one line in YAML: a scalar, an intrinsic, or a flow collection. */
  inline(value: ChangeValue): string {
    return this.format === 'json' ? this.compactJson(value) : this.flowYaml(value);
  }

  /** A value in flow context: JSON laid out like the line `indent` starts, or one line of YAML flow. */
  flow(value: ChangeValue, indent: string): string {
    if (this.format === 'yaml') return this.flowYaml(value);
    const unit = indent.startsWith('\t') ? '\t' : ' '.repeat(this.indentUnit);
    return this.json(value, indent, unit);
  }

  flowKey(key: string): string {
    return this.format === 'json' ? JSON.stringify(key) : this.flowYaml(key);
  }

  /** `Key: value`, or `Key:` with the collection on the lines below, at `indent` spaces. */
  blockEntry(key: string, value: ChangeValue, indent: number): string {
    const pad = ' '.repeat(indent);
    if (!isBlockCollection(value)) return `${pad}${this.scalar(key)}: ${this.inline(value)}`;
    if (isEmpty(value)) return `${pad}${this.scalar(key)}: ${Array.isArray(value) ? '[]' : '{}'}`;
    return `${pad}${this.scalar(key)}:${this.newline}${this.blockLines(value, indent + this.indentUnit).join(this.newline)}`;
  }

  /** A block collection's lines, each starting with `indent` spaces. */
  blockLines(value: readonly unknown[] | Readonly<Record<string, unknown>>, indent: number): string[] {
    if (Array.isArray(value)) return value.map((item) => this.blockItem(item, indent));
    return Object.entries(value).map(([key, item]) => this.blockEntry(key, item, indent));
  }

  /** `- value` with its dash at `dashColumn`; a map's later keys line up under its first. */
  blockItem(value: ChangeValue, dashColumn: number): string {
    const pad = ' '.repeat(dashColumn);
    if (!isBlockCollection(value) || Array.isArray(value) || isEmpty(value)) return `${pad}- ${this.inline(value)}`;
    const lines = this.blockLines(value, dashColumn + 2);
    return [`${pad}- ${lines[0].trimStart()}`, ...lines.slice(1)].join(this.newline);
  }

  private scalar(value: unknown): string {
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isSafeInteger(value))) return String(value);
    if (typeof value !== 'string') return stringify(value, { lineWidth: 0 }).trimEnd();
    // Fixes write the same few keys and values (`DeletionPolicy`, `Enabled`) into many places.
    let text = SCALARS.get(value);
    if (text === undefined) {
      text = stringify(value, { lineWidth: 0 }).trimEnd();
      if (SCALARS.size >= MAX_SCALARS) SCALARS.clear();
      SCALARS.set(value, text);
    }
    return text;
  }

  private flowYaml(value: ChangeValue): string {
    if (value instanceof Intrinsic) return this.intrinsicYaml(value);
    if (Array.isArray(value)) return `[${value.map((item) => this.flowYaml(item)).join(', ')}]`;
    if (isBlockCollection(value)) return `{${Object.entries(value).map(([key, item]) => `${this.flowYaml(key)}: ${this.flowYaml(item)}`).join(', ')}}`;
    const plain = this.scalar(value);
    // Flow collections end at , ] and }: quote a scalar that holds them, or that would be a block scalar.
    return typeof value === 'string' && (/[,[\]{}\r\n]/.test(plain) || /^[|>]/.test(plain)) ? JSON.stringify(value) : plain;
  }

  private intrinsicYaml(call: Intrinsic): string {
    const argument = call.argument;
    if (call.name === 'Fn::GetAtt' && Array.isArray(argument) && argument.length === 2 && argument.every((part) => typeof part === 'string')) {
      return `!GetAtt ${argument.join('.')}`;
    }
    return `!${call.name.replace(/^Fn::/, '')} ${this.flowYaml(argument)}`;
  }

  /** JSON as JSON.stringify lays it out, with each intrinsic call kept on one line. */
  private json(value: ChangeValue, indent: string, unit: string): string {
    if (value instanceof Intrinsic || !isBlockCollection(value) || isEmpty(value)) return this.compactJson(value);
    const inner = `${indent}${unit}`;
    const items = Array.isArray(value)
      ? value.map((item) => `${inner}${this.json(item, inner, unit)}`)
      : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${this.json(item, inner, unit)}`);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return `${open}${this.newline}${items.join(`,${this.newline}`)}${this.newline}${indent}${close}`;
  }

  private compactJson(value: ChangeValue): string {
    if (value instanceof Intrinsic) return `{${JSON.stringify(value.name)}: ${this.compactJson(value.argument)}}`;
    if (Array.isArray(value)) return `[${value.map((item) => this.compactJson(item)).join(', ')}]`;
    if (isBlockCollection(value)) return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${this.compactJson(item)}`).join(', ')}}`;
    return JSON.stringify(value);
  }
}

function isEmpty(value: readonly unknown[] | Readonly<Record<string, unknown>>): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}
