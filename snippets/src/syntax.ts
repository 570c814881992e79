/**
 * The subset of VS Code's snippet syntax that Pillar's snippets use: `$1`, `${1}`, `${1:default}`,
 * `${1|a,b|}`, `$0`, `$NAME`, `${NAME}`, `${NAME:default}`, and backslash escapes. Parsed into tokens
 * so that the emitters can escape literal text for YAML or JSON without touching the markup, and so
 * that the tests can expand a snippet as VS Code would.
 * https://code.visualstudio.com/docs/editing/userdefinedsnippets#_snippet-syntax
 */

export type Token =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly placeholder?: readonly Token[]; readonly choices?: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly fallback?: readonly Token[] };

/** Parses snippet text; throws on markup VS Code would read differently from what was meant (a `${` left open, a transform). */
export function parseSnippet(text: string): Token[] {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at} in ${JSON.stringify(text)}`);
  };

  function parseSequence(inPlaceholder: boolean): Token[] {
    const tokens: Token[] = [];
    let literal = '';
    const flush = () => {
      if (literal) tokens.push({ kind: 'text', value: literal });
      literal = '';
    };
    while (at < text.length) {
      const c = text[at];
      if (c === '\\' && '$}\\'.includes(text[at + 1] ?? '')) {
        literal += text[at + 1];
        at += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const token = parseDollar();
        if (token) {
          flush();
          tokens.push(token);
        } else {
          literal += c;
          at++;
        }
      } else {
        literal += c;
        at++;
      }
    }
    flush();
    return tokens;
  }

  function parseDollar(): Token | undefined {
    const rest = text.slice(at);
    const simple = /^\$(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(rest);
    if (simple) {
      at += simple[0].length;
      return simple[1] !== undefined ? { kind: 'tabstop', index: Number(simple[1]) } : { kind: 'variable', name: simple[2]! };
    }
    const open = /^\$\{(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))([:|}]?)/.exec(rest);
    if (!open) return undefined;
    if (!open[3]) fail('unsupported snippet markup (a transform?)');
    at += open[0].length;
    const index = open[1] !== undefined ? Number(open[1]) : undefined;
    if (open[3] === '}') return index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name: open[2]! };
    if (open[3] === '|') {
      if (index === undefined) fail('choices on a variable');
      return { kind: 'tabstop', index: index!, choices: parseChoices() };
    }
    const children = parseSequence(true);
    if (text[at] !== '}') fail('a placeholder left open');
    at++;
    return index !== undefined ? { kind: 'tabstop', index, placeholder: children } : { kind: 'variable', name: open[2]!, fallback: children };
  }

  function parseChoices(): string[] {
    const choices: string[] = [];
    let current = '';
    while (at < text.length) {
      const c = text[at];
      if (c === '\\' && ',|\\'.includes(text[at + 1] ?? '')) {
        current += text[at + 1];
        at += 2;
      } else if (c === ',') {
        choices.push(current);
        current = '';
        at++;
      } else if (c === '|' && text[at + 1] === '}') {
        choices.push(current);
        at += 2;
        return choices;
      } else {
        current += c;
        at++;
      }
    }
    return fail('choices left open');
  }

  const tokens = parseSequence(false);
  if (at !== text.length) fail('an unexpected }');
  return tokens;
}

export interface ExpandOptions {
  /** Which choice each `${n|…|}` takes: the nth, or the last when it has fewer. */
  readonly choice?: number;
  readonly variables?: Readonly<Record<string, string>>;
}

/**
 * The text VS Code inserts when every tab stop keeps its default (or the chosen choice) and the user
 * types nothing: mirrors (`$1` beside a `${1:default}`) repeat it, empty stops and `$0` vanish.
 */
export function expandTokens(tokens: readonly Token[], options: ExpandOptions = {}, values = tabStopValues(tokens, options)): string {
  return tokens
    .map((token) => {
      if (token.kind === 'text') return token.value;
      if (token.kind === 'tabstop') return values.get(token.index) ?? '';
      const value = options.variables?.[token.name];
      if (value !== undefined) return value;
      if (token.fallback) return expandTokens(token.fallback, options, values);
      throw new Error(`no value for the snippet variable ${token.name}`);
    })
    .join('');
}

/** The value of each tab stop that has a default or choices. */
export function tabStopValues(tokens: readonly Token[], options: ExpandOptions = {}, values = new Map<number, string>()): Map<number, string> {
  for (const token of tokens) {
    if (token.kind === 'tabstop' && token.placeholder) {
      tabStopValues(token.placeholder, options, values);
      if (!values.has(token.index)) values.set(token.index, expandTokens(token.placeholder, options, values));
    } else if (token.kind === 'tabstop' && token.choices) {
      if (!values.has(token.index)) values.set(token.index, token.choices[Math.min(options.choice ?? 0, token.choices.length - 1)]!);
    } else if (token.kind === 'variable' && token.fallback) {
      tabStopValues(token.fallback, options, values);
    }
  }
  return values;
}

/** The tab stops a text defines (with a default or choices), in order, with their count. */
export function definitions(tokens: readonly Token[], into: number[] = []): number[] {
  for (const token of tokens) {
    if (token.kind === 'tabstop' && (token.placeholder || token.choices)) into.push(token.index);
    if (token.kind === 'tabstop' && token.placeholder) definitions(token.placeholder, into);
    if (token.kind === 'variable' && token.fallback) definitions(token.fallback, into);
  }
  return into;
}

/** Every tab stop index a text uses, mirrors included. */
export function tabStops(tokens: readonly Token[], into = new Set<number>()): Set<number> {
  for (const token of tokens) {
    if (token.kind === 'tabstop') into.add(token.index);
    if (token.kind === 'tabstop' && token.placeholder) tabStops(token.placeholder, into);
    if (token.kind === 'variable' && token.fallback) tabStops(token.fallback, into);
  }
  return into;
}

/**
 * Writes tokens back as snippet text, passing every literal piece (text, defaults, choices) through
 * `escape` first: the target format's quoting (JSON string escapes, doubled single quotes in YAML).
 */
export function renderTokens(tokens: readonly Token[], escape: (literal: string) => string = (s) => s, inPlaceholder = false): string {
  return tokens
    .map((token) => {
      if (token.kind === 'text') return escapeText(escape(token.value), inPlaceholder);
      if (token.kind === 'variable') return token.fallback ? `\${${token.name}:${renderTokens(token.fallback, escape, true)}}` : `\${${token.name}}`;
      if (token.placeholder) return `\${${token.index}:${renderTokens(token.placeholder, escape, true)}}`;
      if (token.choices) return `\${${token.index}|${token.choices.map((c) => escape(c).replace(/[\\,|]/g, (m) => `\\${m}`)).join(',')}|}`;
      // The braced form, so that a digit after a mirror cannot join its index.
      return `\${${token.index}}`;
    })
    .join('');
}

function escapeText(text: string, inPlaceholder: boolean): string {
  return text.replace(inPlaceholder ? /[\\$}]/g : /[\\$]/g, (m) => `\\${m}`);
}

/** Convenience: snippet text expanded as VS Code would insert it. */
export function expandSnippet(text: string, options: ExpandOptions = {}): string {
  return expandTokens(parseSnippet(text), options);
}
