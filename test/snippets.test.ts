/**
 * The snippets: the files VS Code reads are generated from their one source, and every snippet,
 * inserted as VS Code would (each tab stop at its default, then at each of its choices), gives a
 * document that parses the same in YAML and JSON, refers only to what it (or the snippets it
 * names) defines, and raises nothing above info from any rule, those off until configured included.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import { parse as parseYaml, type ScalarTag, type CollectionTag } from 'yaml';
import { RULES } from '../rules/index';
import { SNIPPETS } from '../snippets/src/catalog';
import type { SnippetSource } from '../snippets/src/define';
import { SNIPPET_FILES, snippetBody, snippetFiles, type SnippetFormat } from '../snippets/src/files';
import { definitions, expandSnippet, expandTokens, parseSnippet, renderTokens, tabStops } from '../snippets/src/syntax';
import { analyze } from './helpers/analyze';

const ROOT = resolve(__dirname, '..');
const FORMATS: readonly SnippetFormat[] = ['yaml', 'json'];
const BY_PREFIX = new Map(SNIPPETS.map((s) => [s.prefix, s]));
/** What VS Code gives the variables the snippets use, for a file named template.yaml. */
const VARIABLES = { TM_FILENAME_BASE: 'template' };

/** Every rule at its default severity, the ones off until configured too (the required-tags rule needs tags to look for). */
const ALL_RULES = {
  rules: Object.fromEntries(
    RULES.filter(({ meta }) => meta.enabledByDefault === false && !meta.resourceTypes.includes('account') && meta.id !== 'resource-required-tags').map(({ meta }) => [meta.id, meta.severity]),
  ),
};

/** The body as VS Code inserts it at a line indented by `indent`: the lines after the first take that indentation. */
function insert(snippet: SnippetSource, format: SnippetFormat, indent: string, choice: number): string {
  const text = snippetBody(snippet, format)
    .map((line, i) => (i === 0 ? line : `${indent}${line}`))
    .join('\n');
  return `${indent}${expandSnippet(text, { choice, variables: VARIABLES })}`;
}

/** The snippet and every snippet it expects (by default logical id), first to last, each once. */
function withDependencies(snippet: SnippetSource, into: SnippetSource[] = []): SnippetSource[] {
  if (into.includes(snippet)) return into;
  into.push(snippet);
  for (const provider of Object.values(snippet.assumes ?? {})) {
    const other = BY_PREFIX.get(provider);
    if (other) withDependencies(other, into);
  }
  return into;
}

/** The parameters a snippet's template declares: what its snippets expect and no snippet creates. */
function parameters(snippets: readonly SnippetSource[]): [string, string][] {
  const all = new Map<string, string>();
  for (const s of snippets) for (const [name, provider] of Object.entries(s.assumes ?? {})) if (!BY_PREFIX.has(provider)) all.set(name, provider);
  return [...all];
}

/** A whole document for the snippet, in the format, with the given choice index. */
function document(snippet: SnippetSource, format: SnippetFormat, choice: number): string {
  if (snippet.context !== 'resources') return insert(snippet, format, '', choice);
  const snippets = withDependencies(snippet);
  const params = parameters(snippets);
  if (format === 'yaml') {
    return [
      "AWSTemplateFormatVersion: '2010-09-09'",
      ...(params.length ? ['Parameters:', ...params.flatMap(([name, type]) => [`  ${name}:`, `    Type: ${type}`])] : []),
      'Resources:',
      ...snippets.map((s) => insert(s, format, '  ', choice)),
      '',
    ].join('\n');
  }
  const paramsJson = params.map(([name, type]) => `    "${name}": { "Type": "${type}" }`).join(',\n');
  return [
    '{',
    '  "AWSTemplateFormatVersion": "2010-09-09",',
    ...(params.length ? ['  "Parameters": {', paramsJson, '  },'] : []),
    '  "Resources": {',
    snippets.map((s) => insert(s, format, '    ', choice)).join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** CloudFormation's short-form tags, read into their long form (as the JSON variant writes them). */
const INTRINSICS = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'Base64', 'Cidr', 'ImportValue', 'GetAZs', 'Condition'];
const longName = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);
const CFN_TAGS: (ScalarTag | CollectionTag)[] = INTRINSICS.flatMap((name) => [
  {
    tag: `!${name}`,
    resolve: (value: string) => ({ [longName(name)]: name === 'GetAtt' ? value.split(/\.(.*)/s).slice(0, 2) : value }),
  } as ScalarTag,
  ...(['seq', 'map'] as const).map(
    (collection) =>
      ({
        tag: `!${name}`,
        collection,
        resolve: (value: { toJSON(): unknown }) => ({ [longName(name)]: value.toJSON() }),
      }) as unknown as CollectionTag,
  ),
]);

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/** Names a template's Refs, GetAtts, Subs and DependsOn point at that it does not define. */
function unresolved(template: { [key: string]: Json }): string[] {
  const resources = (template.Resources ?? {}) as { [key: string]: { [key: string]: Json } };
  const defined = new Set([...Object.keys(resources), ...Object.keys((template.Parameters as object) ?? {})]);
  const missing: string[] = [];
  const check = (name: string) => {
    if (!name.startsWith('AWS::') && !defined.has(name)) missing.push(name);
  };
  const walk = (value: Json): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      if (key === 'Ref' && typeof item === 'string') check(item);
      if (key === 'Fn::GetAtt' && Array.isArray(item)) check(String(item[0]));
      if (key === 'Fn::Sub') for (const match of String(Array.isArray(item) ? item[0] : item).matchAll(/\$\{([^!}][^}]*)\}/g)) check(match[1]!.split('.')[0]!);
      walk(item);
    }
  };
  for (const resource of Object.values(resources)) {
    [resource.DependsOn ?? []].flat().forEach((name) => check(String(name)));
    walk(resource);
  }
  return missing;
}

interface SpecType {
  readonly type: string;
  readonly reference?: { readonly $ref: string };
  readonly element?: SpecType;
  readonly types?: readonly SpecType[];
}
type SpecProperties = Readonly<Record<string, { readonly type: SpecType; readonly previousTypes?: readonly SpecType[] }>>;

/**
 * What the snippets write that the CloudFormation resource specification (@aws-cdk/aws-service-spec)
 * does not know: resource types, property names at every depth, and GetAtt attributes.
 */
function unknownToTheSpec(template: { [key: string]: Json }): string[] {
  const db = loadAwsServiceSpecSync();
  const byType = new Map(db.all('resource').map((r) => [r.cloudFormationType, r]));
  const resources = (template.Resources ?? {}) as { [key: string]: { Type: string; Properties?: { [key: string]: Json } } };
  const problems: string[] = [];
  const isIntrinsic = (value: Json) => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && /^(Ref|Fn::)/.test(Object.keys(value)[0]!);
  const check = (properties: SpecProperties, value: Json, path: string): void => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || isIntrinsic(value)) return;
    for (const [name, item] of Object.entries(value)) {
      const property = properties[name];
      if (!property) {
        problems.push(`${path}.${name}`);
        continue;
      }
      for (const type of [property.type, ...(property.previousTypes ?? [])]) checkType(type, item, `${path}.${name}`);
    }
  };
  const checkType = (type: SpecType, value: Json, path: string): void => {
    if (isIntrinsic(value)) return;
    if (type.type === 'ref' && type.reference) {
      const definition = db.get('typeDefinition', type.reference.$ref) as unknown as { properties: SpecProperties } | undefined;
      if (definition) check(definition.properties, value, path);
    } else if (type.type === 'array' && type.element && Array.isArray(value)) {
      value.forEach((item, i) => checkType(type.element!, item, `${path}[${i}]`));
    } else if (type.type === 'map' && type.element && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) checkType(type.element, item, `${path}.${key}`);
    } else if (type.type === 'union') {
      // The first shape that the value fits without unknown names.
      const before = problems.length;
      for (const option of type.types ?? []) {
        const attempt = problems.length;
        checkType(option, value, path);
        if (problems.length === attempt) {
          problems.length = before;
          return;
        }
        problems.length = attempt;
      }
    }
  };
  for (const [id, resource] of Object.entries(resources)) {
    const spec = byType.get(resource.Type);
    if (!spec) {
      problems.push(`${id}: ${resource.Type}`);
      continue;
    }
    check(spec.properties as unknown as SpecProperties, resource.Properties ?? {}, id);
  }
  const walk = (value: Json): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      if (key === 'Fn::GetAtt' && Array.isArray(item)) {
        const [target, attribute] = item.map(String);
        const spec = byType.get(resources[target!]?.Type ?? '');
        if (spec && !(attribute! in spec.attributes)) problems.push(`GetAtt ${target}.${attribute}`);
      }
      walk(item);
    }
  };
  walk(resources as unknown as Json);
  return problems;
}

/** How many choice indexes to try: enough for the snippet's longest list of choices. */
function choiceCount(snippet: SnippetSource): number {
  let most = 1;
  for (const line of snippetBody(snippet, 'yaml')) for (const match of line.matchAll(/\$\{\d+\|([^|]*)\|\}/g)) most = Math.max(most, match[1]!.split(',').length);
  return most;
}

describe('snippet syntax', () => {
  it('expands defaults, mirrors, choices, variables and the final stop', () => {
    assert.equal(expandSnippet('${1:Bucket}: !Ref $1 ${2|a,b|} $0 ${TM_FILENAME_BASE}', { variables: VARIABLES }), 'Bucket: !Ref Bucket a  template');
    assert.equal(expandSnippet('${1|a,b,c|}-$1', { choice: 1 }), 'b-b');
    assert.equal(expandSnippet('${1|a,b|}', { choice: 5 }), 'b');
    assert.equal(expandSnippet('${1:${TM_FILENAME_BASE}: x}', { variables: VARIABLES }), 'template: x');
  });
  it('reads escapes as text', () => {
    assert.equal(expandSnippet('!Sub \\${AWS::Region} \\\\ ${1:a\\}b} {}'), '!Sub ${AWS::Region} \\ a}b {}');
  });
  it('rejects markup it does not support instead of misreading it', () => {
    assert.throws(() => parseSnippet('${1/(.*)/$1/}'));
    assert.throws(() => parseSnippet('${1:open'));
  });
  it('writes tokens back with the literal parts escaped for the format', () => {
    const tokens = parseSnippet('say "${1:hi}" \\$x');
    assert.equal(renderTokens(tokens, (s) => JSON.stringify(s).slice(1, -1)), 'say \\\\"${1:hi}\\\\" \\$x');
    assert.equal(expandTokens(parseSnippet(renderTokens(tokens))), 'say "hi" $x');
  });
});

describe('snippet files', () => {
  const files = snippetFiles();
  for (const [path, content] of files) {
    it(`${path} is up to date (npm run snippets)`, () => assert.equal(readFileSync(resolve(ROOT, path), 'utf8'), content));
  }
  it('package.json contributes them for YAML and JSON', () => {
    const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.snippets, [
      { language: 'yaml', path: `./${SNIPPET_FILES.yaml}` },
      { language: 'json', path: `./${SNIPPET_FILES.json}` },
    ]);
  });
  it('at least 30 snippets, each with a unique pillar- prefix, a unique name and a description of what makes it secure', () => {
    assert.ok(SNIPPETS.length >= 30, `${SNIPPETS.length} snippets`);
    assert.equal(new Set(SNIPPETS.map((s) => s.prefix)).size, SNIPPETS.length);
    assert.equal(new Set(SNIPPETS.map((s) => s.name)).size, SNIPPETS.length);
    for (const s of SNIPPETS) {
      assert.match(s.prefix, /^pillar-[a-z0-9-]+$/);
      assert.ok(s.description.length >= 80, `${s.prefix}: a description that says what makes it secure`);
    }
  });
  it('each snippet expects only snippets that exist or parameter types', () => {
    for (const s of SNIPPETS) {
      for (const [name, provider] of Object.entries(s.assumes ?? {})) {
        assert.ok(BY_PREFIX.has(provider) || /^(String|AWS::[A-Za-z0-9:]+|List<.+>)$/.test(provider), `${s.prefix}: ${name} from ${provider}`);
      }
    }
  });
});

describe('snippets', () => {
  for (const snippet of SNIPPETS) {
    describe(snippet.prefix, () => {
      for (const format of FORMATS) {
        it(`${format}: each tab stop is defined once, and every mirror has its definition`, () => {
          const tokens = parseSnippet(snippetBody(snippet, format).join('\n'));
          const defined = definitions(tokens);
          assert.deepEqual(defined, [...new Set(defined)], 'a tab stop with two defaults');
          for (const index of tabStops(tokens)) assert.ok(index === 0 || defined.includes(index), `$${index} has no default`);
        });
      }
      it('the YAML and the JSON variants insert the same document', () => {
        for (let choice = 0; choice < choiceCount(snippet); choice++) {
          const yaml = parseYaml(document(snippet, 'yaml', choice), { customTags: CFN_TAGS, uniqueKeys: true });
          // The skeleton's empty Resources, where the cursor ends: null in YAML, {} in JSON.
          if (yaml.Resources === null) yaml.Resources = {};
          const json = JSON.parse(document(snippet, 'json', choice));
          assert.deepEqual(yaml, json, `choice ${choice}`);
        }
      });
      it('refers only to what its template defines', () => {
        if (snippet.context !== 'resources') return;
        assert.deepEqual(unresolved(JSON.parse(document(snippet, 'json', 0))), []);
      });
      it('writes only types, properties and attributes the CloudFormation specification knows', () => {
        if (snippet.context !== 'resources') return;
        assert.deepEqual(unknownToTheSpec(JSON.parse(document(snippet, 'json', 0))), []);
      });
      for (const format of FORMATS) {
        it(`${format}: raises nothing above info, at its defaults and at each choice, with every rule on`, () => {
          for (let choice = 0; choice < choiceCount(snippet); choice++) {
            const text = document(snippet, format, choice);
            const file = `template.${format}`;
            for (const config of [{}, ALL_RULES]) {
              const analysis = analyze(text, file, config);
              assert.equal(analysis.kind, snippet.context === 'policy' ? 'policy' : 'template');
              const serious = analysis.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} (line ${f.range.start.line + 1}): ${f.message}`);
              assert.deepEqual(serious, [], `choice ${choice}:\n${text}`);
            }
          }
        });
      }
    });
  }
});
