import type { Span } from '../api';
import { ValueRenderer } from '../render-value';
import { Intrinsic, type ChangeValue } from '../rule';
import { locateTemplatePlace, type TemplatePlace } from './locate';
import { CfnSchema, type CfnProperty, type CfnShape, type CfnValueType } from './schema';
import { secureValueAt, type SecureValue, type SecureValues } from './secure-values';
import type { Node } from '../tree';

export interface TemplateCompletion {
  readonly label: string;
  readonly kind: 'resourceType' | 'property' | 'attribute' | 'value';
  readonly detail: string;
  /** Markdown; for resource types, left to `resolve` (there are almost two thousand). */
  readonly documentation?: string;
  /** A snippet (`$1`, `${1|a,b|}`, `$0`) when `snippet`, else plain text. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly span: Span;
  readonly sortText: string;
  /** What the editor matches the typed text against: the label, with the opening quote when the span has it. */
  readonly filterText: string;
  readonly preselect?: boolean;
  /** Edits elsewhere that the completion needs: the comma after the previous JSON entry. */
  readonly additionalEdits?: readonly { readonly span: Span; readonly text: string }[];
}

export interface CompletionSources {
  readonly schema: CfnSchema;
  readonly secure: () => SecureValues;
}

const RESOURCE_ATTRIBUTES: readonly (readonly [string, string])[] = [
  ['Type', 'The resource type, such as `AWS::S3::Bucket`.'],
  ['Properties', 'The resource\'s properties.'],
  ['DeletionPolicy', 'What CloudFormation does with the resource when the stack deletes it: `Retain` or `Snapshot` keeps the data.'],
  ['UpdateReplacePolicy', 'What CloudFormation does with the old resource when an update replaces it: `Retain` or `Snapshot` keeps the data.'],
  ['DependsOn', 'Resources CloudFormation must create before this one.'],
  ['Condition', 'The condition that decides whether the resource is created.'],
  ['Metadata', 'Data about the resource (and suppressions of Pillar\'s findings).'],
];
/** Keeping data first: the pillar asks to retain or snapshot what holds data (stateful-resource-deletion-policy). */
const DELETION_POLICIES = ['Retain', 'Snapshot', 'RetainExceptOnCreate', 'Delete'];

/** Completions at `offset` of a template: resource types, resource keys, properties (secure ones first) and values. */
export function templateCompletions(text: string, offset: number, root: Node | null | undefined, sources: CompletionSources): TemplateCompletion[] {
  const place = locateTemplatePlace(text, offset, root);
  if (!place) return [];
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const renderer = new ValueRenderer(place.format, newline, place.indentUnit);
  switch (place.kind) {
    case 'resourceType':
      return resourceTypes(place, sources.schema);
    case 'resourceKey':
      return RESOURCE_ATTRIBUTES.filter(([name]) => !place.existing.includes(name)).map(([name, documentation], i) => ({
        label: name,
        kind: 'attribute',
        detail: 'resource attribute',
        documentation,
        ...keyInsert(place, name, attributeValue(name, place, newline), renderer),
        sortText: String(i).padStart(2, '0'),
      }));
    case 'attributeValue':
      if (place.attribute === 'DeletionPolicy' || place.attribute === 'UpdateReplacePolicy') return values(place, DELETION_POLICIES, 'Retain', renderer);
      // The template's conditions, or its other resources' logical ids.
      return values(place, keysOf(root, place.attribute === 'Condition' ? 'Conditions' : 'Resources').filter((id) => id !== place.logicalId), undefined, renderer);
    case 'propertyKey': {
      const shape = shapeAt(sources.schema, place.resourceType, place.path);
      if (!shape) return [];
      const secure = sources.secure();
      return shape.properties
        .filter((property) => !place.existing.includes(property.name))
        .map((property) => propertyItem(place, shape, property, secureFor(secure, place.resourceType, [...place.path, property.name], property), renderer, newline));
    }
    case 'propertyValue': {
      const property = propertyAt(sources.schema, place.resourceType, place.path);
      if (!property) return [];
      const secure = secureFor(sources.secure(), place.resourceType, place.path, property);
      const secureValue = secure && typeof secure.value !== 'object' ? String(secure.value) : undefined;
      const choices = property.allowedValues.length > 0 ? property.allowedValues : property.type.kind === 'primitive' && property.type.name === 'Boolean' ? ['true', 'false'] : [];
      return values(place, choices, secureValue, renderer, secure?.ruleIds);
    }
  }
}

function keysOf(root: Node | null | undefined, section: string): string[] {
  const map = root?.kind === 'map' ? root.byKey.get(section)?.value : undefined;
  return map?.kind === 'map' ? map.pairs.map((pair) => String(pair.key.value)) : [];
}

/** Markdown for a resource type: its description and reference page (completion's resolve, and hover). */
export function resourceTypeMarkdown(schema: CfnSchema, type: string): string | undefined {
  const shape = schema.resource(type);
  if (!shape) return undefined;
  return `${shape.documentation}\n\n[CloudFormation reference](${CfnSchema.docUrl(type)})`;
}

/** The types under the service typed so far (`AWS::S3::`), or every type. */
function resourceTypes(place: TemplatePlace, schema: CfnSchema): TemplateCompletion[] {
  const span = innerSpan(place);
  const prefix = place.typed.slice(0, place.typed.lastIndexOf('::') + 2).toLowerCase();
  return schema.resourceTypes.filter((type) => type.toLowerCase().startsWith(prefix)).map((type) => ({
    label: type,
    kind: 'resourceType',
    // The item's kind says what it is; the description comes on resolve.
    detail: '',
    insertText: type,
    snippet: false,
    span,
    sortText: type,
    filterText: type,
  }));
}

/** Scalar values (allowed values, booleans), the secure one first and preselected. */
function values(place: TemplatePlace, choices: readonly string[], secure: string | undefined, renderer: ValueRenderer, ruleIds?: readonly string[]): TemplateCompletion[] {
  const span = innerSpan(place);
  const ordered = secure !== undefined && choices.includes(secure) ? [secure, ...choices.filter((c) => c !== secure)] : choices;
  return ordered.map((choice, i) => {
    const isSecure = choice === secure;
    // Inside quotes the value is written as it is; bare, YAML may need to quote it, JSON always does.
    const boolean = choice === 'true' || choice === 'false';
    const bare = place.quote ? choice : boolean ? choice : place.format === 'json' ? JSON.stringify(choice) : renderer.inline(choice);
    return {
      label: choice,
      kind: 'value',
      detail: isSecure ? `secure value${ruleIds?.length ? ` (${ruleIds.join(', ')})` : ''}` : place.kind === 'attributeValue' && !DELETION_POLICIES.includes(choice) ? (place.attribute === 'Condition' ? 'condition' : 'resource') : 'allowed value',
      insertText: bare,
      snippet: false,
      span,
      sortText: String(i).padStart(3, '0'),
      filterText: choice,
      ...(isSecure ? { preselect: true } : {}),
    };
  });
}

function propertyItem(place: TemplatePlace, shape: CfnShape, property: CfnProperty, secure: (SecureValue & { readonly referenceName?: string }) | undefined, renderer: ValueRenderer, newline: string): TemplateCompletion {
  const resourceType = place.kind === 'propertyKey' ? place.resourceType : '';
  const url = CfnSchema.docUrl(resourceType, shape.name.includes('::') ? undefined : shape.name, property.name);
  const notes = [
    ...(secure ? [`**Pillar:** pre-filled with the secure setting that ${secure.ruleIds.map((id) => `\`${id}\``).join(', ')} ask${secure.ruleIds.length === 1 ? 's' : ''} for.`] : []),
    ...(property.allowedValues.length ? [`Allowed values: ${property.allowedValues.map((v) => `\`${v}\``).join(', ')}.`] : []),
  ];
  const documentation = [property.documentation, ...notes, `[CloudFormation reference](${url})`].filter(Boolean).join('\n\n');
  const rank = secure ? 0 : property.required ? 1 : 2;
  return {
    label: property.name,
    kind: 'property',
    detail: `${typeText(property.type)}${property.required ? ' (required)' : ''}${secure ? ' · secure default' : ''}`,
    documentation,
    ...keyInsert(place, property.name, secure ? secureSnippet(secure.value, place, renderer, secure.referenceName) : emptyValue(property, place, newline), renderer),
    sortText: `${rank}${property.name}`,
  };
}

/** `Name: value` (YAML) or `"Name": value` (JSON), the value a snippet already laid out at the key's column. */
function keyInsert(place: TemplatePlace, name: string, value: string, renderer: ValueRenderer): Pick<TemplateCompletion, 'insertText' | 'snippet' | 'span' | 'filterText' | 'additionalEdits'> {
  const key = place.format === 'json' ? JSON.stringify(name) : renderer.flowKey(name);
  const comma = place.commaAfter ? ',' : '';
  // The final cursor goes after the comma that separates the entry from the next.
  const body = value.endsWith('$0') ? value.slice(0, -2) : value;
  const insertText = place.keyOnly ? escapeSnippet(key) : `${escapeSnippet(key)}:${/^\r?\n/.test(body) ? '' : ' '}${body}${comma}${body === value ? '' : '$0'}`;
  const additionalEdits = place.commaBefore === undefined ? undefined : [{ span: { start: place.commaBefore, end: place.commaBefore }, text: ',' }];
  return { insertText, snippet: true, span: place.span, filterText: place.quote ? `${place.quote}${name}` : name, ...(additionalEdits ? { additionalEdits } : {}) };
}

/** A property's value when no rule has a secure one: a placeholder of its type, laid out for nested completion. */
function emptyValue(property: CfnProperty, place: TemplatePlace, newline: string): string {
  const inner = ' '.repeat(place.column + place.indentUnit);
  const here = ' '.repeat(place.lineIndent);
  const type = property.type;
  if (type.kind === 'primitive') {
    const choices = property.allowedValues.length ? property.allowedValues : type.name === 'Boolean' ? ['true', 'false'] : [];
    if (choices.length) {
      const choice = `\${1|${choices.map((c) => c.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
      return place.format === 'json' && type.name !== 'Boolean' ? `"${choice}"` : choice;
    }
    return place.format === 'json' && (type.name === 'String' || type.name === 'Timestamp') ? '"$1"' : '$1';
  }
  if (place.format === 'json') {
    const [open, close] = type.kind === 'list' ? ['[', ']'] : ['{', '}'];
    return `${open}${newline}${here}${' '.repeat(place.indentUnit)}$1${newline}${here}${close}`;
  }
  if (type.kind === 'list') return `${newline}${inner}- $1`;
  return `${newline}${inner}$1`;
}

/** A resource attribute's value: a choice for the policies, a nested block for Properties. */
function attributeValue(name: string, place: TemplatePlace, newline: string): string {
  if (name === 'DeletionPolicy' || name === 'UpdateReplacePolicy') return place.format === 'json' ? `"\${1|${DELETION_POLICIES.join(',')}|}"` : `\${1|${DELETION_POLICIES.join(',')}|}`;
  if (name === 'Properties' || name === 'Metadata') {
    if (place.format === 'json') return `{${newline}${' '.repeat(place.lineIndent + place.indentUnit)}$1${newline}${' '.repeat(place.lineIndent)}}`;
    return `${newline}${' '.repeat(place.column + place.indentUnit)}$1`;
  }
  return place.format === 'json' ? '"$1"' : '$1';
}

/**
 * A secure value laid out at the key's column, as a snippet: values that only make sense in the
 * rule's example (logical ids of other resources, account ids, subnet ids) become placeholders.
 */
function secureSnippet(value: ChangeValue, place: TemplatePlace, renderer: ValueRenderer, referenceName?: string): string {
  const placeholders: string[] = [];
  const marked = markPlaceholders(value, placeholders, false, referenceName);
  let text: string;
  if (place.format === 'json') text = renderer.flow(marked, ' '.repeat(place.lineIndent));
  else {
    const entry = renderer.blockEntry('k', marked, place.column);
    text = entry.slice(entry.indexOf(':') + 1).replace(/^ /, '');
  }
  text = escapeSnippet(text);
  placeholders.forEach((original, i) => {
    // JSON keeps its quotes around the placeholder, so that typing over it leaves a string.
    const [token, shown] = place.format === 'json' ? [`PILLARPLACEHOLDER${i}X`, JSON.stringify(original).slice(1, -1)] : [renderer.inline(`PILLARPLACEHOLDER${i}X`), renderer.inline(original)];
    text = text.replace(token, `\${${i + 1}:${escapeSnippet(shown)}}`);
  });
  return `${text}$0`;
}

/** Replaces example-specific strings with tokens, recording the originals (a referenced logical id: `referenceName` when given). */
function markPlaceholders(value: ChangeValue, placeholders: string[], reference: boolean, referenceName?: string): ChangeValue {
  const mark = (inner: ChangeValue, isReference: boolean) => markPlaceholders(inner, placeholders, isReference, referenceName);
  if (value instanceof Intrinsic) {
    const isReference = value.name === 'Ref' || value.name === 'Fn::GetAtt';
    if (value.name === 'Fn::GetAtt' && Array.isArray(value.argument)) return new Intrinsic(value.name, [mark(value.argument[0], true), ...value.argument.slice(1)]);
    return new Intrinsic(value.name, mark(value.argument, isReference));
  }
  if (Array.isArray(value)) return value.map((item) => mark(item, reference));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mark(item, false)]));
  if (typeof value === 'string' && (reference || /\d{12}|^(subnet|sg|ami|vpc|vpce)-|^arn:|^alias\//.test(value))) {
    placeholders.push(reference && referenceName ? referenceName : value);
    return `PILLARPLACEHOLDER${placeholders.length - 1}X`;
  }
  return value;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The span inside quotes: a value replaces what was typed, not its quotes. */
function innerSpan(place: TemplatePlace): Span {
  if (!place.quote) return place.span;
  return { start: place.span.start + 1, end: Math.max(place.span.start + 1, place.span.end - (place.closed ? 1 : 0)) };
}

function typeText(type: CfnValueType): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'object':
      return type.shape.name;
    case 'list':
      return `List of ${typeText(type.element)}`;
    case 'map':
      return `Map of ${typeText(type.element)}`;
  }
}

/** The shape whose keys go at `path` below a resource's Properties (list items and map keys passed through). */
export function shapeAt(schema: CfnSchema, resourceType: string, path: readonly string[]): CfnShape | undefined {
  let shape = schema.resource(resourceType);
  let pendingMapKey = false;
  for (const segment of path) {
    if (!shape) return undefined;
    if (pendingMapKey) {
      pendingMapKey = false;
      continue;
    }
    let type = shape.property(segment)?.type;
    while (type?.kind === 'list') type = type.element;
    if (type?.kind === 'map') {
      pendingMapKey = true;
      type = type.element;
      while (type.kind === 'list') type = type.element;
    }
    shape = type?.kind === 'object' ? type.shape : undefined;
  }
  return pendingMapKey ? undefined : shape;
}

function propertyAt(schema: CfnSchema, resourceType: string, path: readonly string[]): CfnProperty | undefined {
  const shape = shapeAt(schema, resourceType, path.slice(0, -1));
  return shape?.property(path[path.length - 1]);
}

/** The rules' secure value for a property: by resource type and path, else by name where it fits the property. */
function secureFor(values: SecureValues, resourceType: string, path: readonly string[], property: CfnProperty): (SecureValue & { readonly referenceName?: string }) | undefined {
  const exact = secureValueAt(values, resourceType, path);
  if (exact && fits(exact.value, property.type, property)) return exact;
  const byName = values.byName.get(property.name);
  // Seen on another type: the example's logical ids mean nothing here, the property's name says what to refer to.
  return byName && fits(byName.value, property.type, property, true) ? { ...byName, referenceName: property.name.replace(/(Id|Arn|Name)$/, '') } : undefined;
}

/** Whether a value has the property's shape; `strict` (a value seen on another type) wants strings among the allowed values. */
function fits(value: ChangeValue, type: CfnValueType, property: CfnProperty | undefined, strict = false): boolean {
  if (value instanceof Intrinsic) return !strict || type.kind === 'primitive';
  if (Array.isArray(value)) return type.kind === 'list' && value.every((item) => fits(item, type.element, undefined, strict));
  if (typeof value === 'object' && value !== null) {
    // A map's keys are the example's own (environment variables): a demonstration, not a default.
    if (type.kind === 'map') return false;
    if (type.kind !== 'object') return type.kind === 'primitive' && type.name === 'Json';
    return Object.entries(value).every(([key, inner]) => {
      const nested = type.shape.property(key);
      return nested !== undefined && fits(inner, nested.type, nested, strict);
    });
  }
  if (type.kind !== 'primitive') return false;
  if (typeof value === 'boolean') return type.name === 'Boolean';
  if (typeof value === 'number') return type.name === 'Integer' || type.name === 'Number';
  if (typeof value === 'string') {
    if (property?.allowedValues.length) return property.allowedValues.includes(value);
    return !strict && (type.name === 'String' || type.name === 'Integer' || type.name === 'Number');
  }
  return false;
}
