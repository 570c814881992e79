/**
 * One snippet source, two formats. A snippet body is written once as plain data (maps, lists,
 * CloudFormation intrinsics in their long form) whose strings are snippet text (`${1:Bucket}`,
 * `\\${AWS::Partition}` for a literal `${`); these emitters write it as YAML (short-form intrinsics
 * such as `!Ref`) and as JSON, escaping only the literal parts of each string for its format.
 */
import { expandTokens, parseSnippet, renderTokens, tabStopValues, type Token } from './syntax';

/** Snippet text written without quotes in both formats: a tab stop whose values are numbers or booleans. */
export class Raw {
  constructor(readonly text: string) {}
}

/** Where the cursor ends (`$0`) as the content of an empty mapping: `Resources:` then the cursor below it. */
export class Cursor {}

export type Value = string | number | boolean | Raw | Cursor | readonly Value[] | { readonly [key: string]: Value };

/** A number or boolean with a tab stop, e.g. `raw('${4|365,731,1827|}')`. */
export const raw = (text: string): Raw => new Raw(text);
export const cursor = new Cursor();

const INDENT = '  ';

function isMap(value: Value): value is { readonly [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Raw) && !(value instanceof Cursor);
}

/** The single key of a `{ Ref: … }` or `{ 'Fn::…': … }` map, written as a short-form tag in YAML. */
function intrinsicName(value: Value): string | undefined {
  if (!isMap(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  if (key === 'Ref') return 'Ref';
  if (key.startsWith('Fn::')) return key.slice(4);
  return undefined;
}

const CHOICE_INDEXES = [0, 1, 2, 3, 4, 5, 6, 7];
// Variables take a name-like stand-in: they expand to file names and the like.
const VARIABLES = new Proxy({}, { get: (_, name) => (typeof name === 'string' ? 'name' : undefined) }) as Record<string, string>;

/**
 * The values of the tab stops of the body being written, per choice index: a string that only
 * mirrors a tab stop (`$1`) is quoted or not by what that tab stop holds, which is defined elsewhere.
 */
let bodyValues: readonly Map<number, string>[] = [];

function collectValues(body: Value): Map<number, string>[] {
  const texts: string[] = [];
  const walk = (value: Value): void => {
    if (typeof value === 'string') texts.push(value);
    else if (value instanceof Raw) texts.push(value.text);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (isMap(value)) for (const [key, item] of Object.entries(value)) texts.push(key), walk(item);
  };
  walk(body);
  const tokens = texts.flatMap((text) => parseSnippet(text));
  return CHOICE_INDEXES.map((choice) => tabStopValues(tokens, { choice, variables: VARIABLES }));
}

/** Every text the tokens can expand to (one per choice index), to choose a YAML scalar style that fits all. */
function expansions(tokens: readonly Token[]): string[] {
  const results = new Set<string>();
  for (const choice of CHOICE_INDEXES) {
    const values = new Map([...(bodyValues[choice] ?? []), ...tabStopValues(tokens, { choice, variables: VARIABLES })]);
    results.add(expandTokens(tokens, { choice, variables: VARIABLES }, values));
  }
  return [...results];
}

const YAML_KEYWORD = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
// A letter first; then word characters and . / @ + - * ( ), commas outside flow lists; a colon only
// before a non-space (`AWS::S3::Bucket`, `s3:Get*`); single spaces between words. Anything else is
// quoted, which YAML reads the same.
const YAML_PLAIN = /^[A-Za-z_](?:[\w./@+*(),-]|:(?=\S)|(?<=\S) (?=\S))*$/;

function yamlPlainSafe(text: string, inFlow: boolean): boolean {
  return YAML_PLAIN.test(text) && !YAML_KEYWORD.test(text) && !(inFlow && /[,[\]{}]/.test(text));
}

/** A YAML scalar for snippet text: plain when every expansion allows it, else single-quoted. */
function yamlString(text: string, inFlow: boolean): string {
  const tokens = parseSnippet(text);
  const all = expansions(tokens);
  if (all.some((s) => s.includes('\n'))) throw new Error(`a multi-line string must be a block: ${JSON.stringify(text)}`);
  if (all.every((s) => yamlPlainSafe(s, inFlow))) return renderTokens(tokens);
  return `'${renderTokens(tokens, (s) => s.replace(/'/g, "''"))}'`;
}

function yamlScalar(value: Value, inFlow: boolean): string | undefined {
  if (typeof value === 'string') return value.includes('\n') ? undefined : yamlString(value, inFlow);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Raw) return value.text;
  return undefined;
}

/** A value that fits on its key's line: a scalar, a short-form intrinsic of a scalar, or a flow list of those. */
function yamlInline(value: Value, inFlow = false): string | undefined {
  const scalar = yamlScalar(value, inFlow);
  if (scalar !== undefined) return scalar;
  const name = intrinsicName(value);
  if (name && isMap(value)) {
    const argument = Object.values(value)[0]!;
    if (name === 'GetAtt' && Array.isArray(argument) && argument.length === 2 && argument.every((a) => typeof a === 'string')) {
      return `!GetAtt ${yamlString(`${argument[0]}.${argument[1]}`, inFlow)}`;
    }
    const inner = yamlInline(argument, inFlow);
    return inner === undefined ? undefined : `!${name} ${inner}`;
  }
  if (Array.isArray(value)) {
    const items = value.map((item: Value) => yamlInline(item, true));
    if (items.some((item) => item === undefined)) return undefined;
    const flow = `[${items.join(', ')}]`;
    return flow.length <= 80 ? flow : undefined;
  }
  if (isMap(value) && Object.keys(value).length === 0) return '{}';
  return undefined;
}

/** A literal block (`|`) for multi-line text such as inline code; its lines are indented by VS Code with the rest. */
function yamlBlock(text: string, indent: string): string[] {
  // A final line break is the `|` header's to keep (`|-` drops it); the lines before it are indented.
  const header = text.endsWith('\n') ? '|' : '|-';
  const tokens = parseSnippet(text.endsWith('\n') ? text.slice(0, -1) : text);
  return [header, ...`${indent}${renderTokens(tokens, (s) => s.replace(/\n/g, `\n${indent}`))}`.split('\n')];
}

/** Lines of a mapping's entries (or a list's items) at `indent`. */
function yamlLines(value: Value, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: Value) => {
      const inline = yamlInline(item);
      if (inline !== undefined) return [`${indent}- ${inline}`];
      const name = intrinsicName(item);
      if (name) {
        const argument = Object.values(item as object)[0] as Value;
        return [`${indent}- !${name}`, ...yamlLines(argument, `${indent}${INDENT}`)];
      }
      if (typeof item === 'string') {
        const [header, ...rest] = yamlBlock(item, `${indent}${INDENT}`);
        return [`${indent}- ${header}`, ...rest];
      }
      // A map item: its first entry on the dash's line, the others aligned under it.
      const lines = yamlLines(item, `${indent}${INDENT}`);
      return [`${indent}- ${lines[0]!.slice(indent.length + INDENT.length)}`, ...lines.slice(1)];
    });
  }
  if (!isMap(value)) throw new Error(`not a mapping or a list: ${JSON.stringify(value)}`);
  return Object.entries(value).flatMap(([key, item]) => {
    const k = yamlString(key, false);
    if (item instanceof Cursor) return [`${indent}${k}:`, `${indent}${INDENT}$0`];
    const inline = yamlInline(item);
    if (inline !== undefined) return [`${indent}${k}: ${inline}`];
    if (typeof item === 'string') {
      const [header, ...rest] = yamlBlock(item, `${indent}${INDENT}`);
      return [`${indent}${k}: ${header}`, ...rest];
    }
    const name = intrinsicName(item);
    if (name) return [`${indent}${k}: !${name}`, ...yamlLines(Object.values(item)[0]!, `${indent}${INDENT}`)];
    // Lists under a key are indented, as most CloudFormation templates (and the AWS docs) write them.
    return [`${indent}${k}:`, ...yamlLines(item, `${indent}${INDENT}`)];
  });
}

function jsonString(text: string): string {
  return `"${renderTokens(parseSnippet(text), (s) => JSON.stringify(s).slice(1, -1))}"`;
}

function jsonInline(value: Value): string | undefined {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isMap(value) && Object.keys(value).length === 0) return '{}';
  if (Array.isArray(value) && value.every((item: Value) => typeof item !== 'object' || item instanceof Raw)) {
    const flow = `[${value.map((item: Value) => jsonInline(item)).join(', ')}]`;
    if (flow.length <= 80) return flow;
  }
  return undefined;
}

function jsonLines(value: Value, indent: string): string[] {
  const inline = jsonInline(value);
  if (inline !== undefined) return [inline];
  if (value instanceof Cursor) return ['{', `${indent}${INDENT}$0`, `${indent}}`];
  const inner = `${indent}${INDENT}`;
  const entries: string[][] = Array.isArray(value)
    ? value.map((item: Value) => indentFirst(jsonLines(item, inner), inner))
    : Object.entries(value as object).map(([key, item]) => indentFirst(jsonLines(item as Value, inner), `${inner}${jsonString(key)}: `));
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return [open, ...entries.flatMap((lines, i) => withComma(lines, i < entries.length - 1)), `${indent}${close}`];
}

function indentFirst(lines: string[], prefix: string): string[] {
  return [`${prefix}${lines[0]}`, ...lines.slice(1)];
}

function withComma(lines: string[], comma: boolean): string[] {
  return comma ? [...lines.slice(0, -1), `${lines[lines.length - 1]},`] : lines;
}

/** The YAML body: a mapping's entries at column 0 (VS Code indents the lines after the first to the cursor's line). */
export function toYaml(body: { readonly [key: string]: Value }): string[] {
  bodyValues = collectValues(body);
  try {
    return yamlLines(body, '');
  } finally {
    bodyValues = [];
  }
}

/**
 * The JSON body. `entries` writes a mapping's entries without the braces around them (resources
 * inserted into an existing `Resources` object, separated by commas); otherwise a whole document.
 */
export function toJson(body: { readonly [key: string]: Value }, entries: boolean): string[] {
  const lines = jsonLines(body, '');
  if (!entries) return lines;
  return lines.slice(1, -1).map((line) => line.slice(INDENT.length));
}
