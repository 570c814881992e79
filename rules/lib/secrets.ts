import type { Candidate } from '../../server/src/engine/evaluate';
import type { Resource, Template } from '../../server/src/engine/model';
import { intrinsic, type FixSpec, type RuleContext } from '../../server/src/engine/rule';
import { conditionalBranches, scalarString, type Node } from '../../server/src/engine/tree';
import { environmentVariables } from './environment';
import { SECRET_PROPERTIES } from './generated/cloudformation-spec';
import { propertiesAt } from './properties';
import { nameWords, secretNameKind } from './secret-names';
import { addParameter, unusedParameterName } from './template';

/** A value as the template writes it: a literal, a branch of `!If`, a mapping value, or a composition of them. */
export interface WrittenText {
  readonly text: string;
  /** Where the text is written: the literal itself when it has one place, else the whole value. */
  readonly node: Node;
  readonly candidate: Candidate;
}

/**
 * The texts a value is written as in the template itself, branch by branch. What a parameter gives
 * is left out (a parameter is checked where it is declared), and so is anything only known at deploy time.
 */
export function writtenTexts(node: Node, context: RuleContext): WrittenText[] {
  const texts: WrittenText[] = [];
  for (const candidate of context.evaluator.candidates(node)) {
    const value = candidate.value;
    if (candidate.parameter || value.kind !== 'known' || (typeof value.value !== 'string' && typeof value.value !== 'number')) continue;
    // A value composed from pieces (`!Join`, `!Sub`) is written here only when no parameter takes part.
    if (!candidate.source && mentionsParameter(node, context.template)) continue;
    texts.push({ text: String(value.value), node: candidate.source ?? node, candidate });
  }
  return texts;
}

function mentionsParameter(node: Node, template: Template | undefined): boolean {
  if (!template) return false;
  if (node.kind === 'map') return node.pairs.some((pair) => mentionsParameter(pair.value, template));
  if (node.kind === 'seq') return node.items.some((item) => mentionsParameter(item, template));
  if (node.kind !== 'intrinsic') return false;
  if (node.name === 'Ref') return template.parameters.has(scalarString(node.argument) ?? '');
  if (node.name === 'Fn::Sub') {
    const text = scalarString(node.argument.kind === 'seq' ? node.argument.items[0] : node.argument) ?? '';
    if ([...text.matchAll(/\$\{([^}!.]+)\}/g)].some((match) => template.parameters.has(match[1].trim()))) return true;
  }
  return mentionsParameter(node.argument, template);
}

/** `{{resolve:secretsmanager:…}}` and `{{resolve:ssm-secure:…}}`: the secret stays out of the template and the stack. */
export function isSecureDynamicReference(text: string): boolean {
  return /^\{\{resolve:(secretsmanager|ssm-secure):/.test(text.trim());
}

/** Text that names where a secret is kept, or stands in for one: not a secret itself. */
export function isReferenceOrPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length === 0 ||
    trimmed.startsWith('{{resolve:') ||
    /^arn:aws[a-z-]*:/.test(trimmed) ||
    // An SSM parameter path, a file, a secret's name (`prod/db/password`), or an environment variable to read it from.
    /^\/[\w.\-/]+$/.test(trimmed) ||
    /^[a-z0-9_.-]+(\/[a-z0-9_.-]+)+$/.test(trimmed) ||
    /^\$\{?\w+\}?$/.test(trimmed) ||
    /^(<[^>]*>|\*+|x+|X+|-+|\.+|none|null|undefined|true|false|yes|no|n\/a|todo|tbd)$/i.test(trimmed) ||
    /example/i.test(trimmed)
  );
}

interface Shape {
  readonly pattern: RegExp;
  readonly what: string;
}

/** Secrets recognized by their form wherever they appear. `EXAMPLE` keys from AWS's documentation are not secrets. */
const SHAPES: readonly Shape[] = [
  { pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/, what: 'an AWS access key ID' },
  { pattern: /-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----/, what: 'a private key' },
  { pattern: /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{40,}/, what: 'a GitHub token' },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, what: 'a GitLab token' },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
  { pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{20,}/, what: 'a Slack webhook URL' },
  { pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}/, what: 'a Stripe secret key' },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, what: 'a Google API key' },
  { pattern: /\bnpm_[A-Za-z0-9]{36}\b/, what: 'an npm token' },
  { pattern: /\bSG\.[\w-]{22}\.[\w-]{43}\b/, what: 'a SendGrid API key' },
];

/** What secret a text holds by its form alone ("an AWS access key ID"), with where it starts; undefined when none. */
export function secretShapeIn(text: string): { what: string; index: number } | undefined {
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(text);
    if (match && !/EXAMPLE/.test(match[0])) return { what: shape.what, index: match.index };
  }
  return undefined;
}

/** Names of values that are long and random without being secret: hashes, ids, versions, public keys. */
const NOT_SECRET_WORDS = new Set(['public', 'id', 'arn', 'hash', 'sha', 'digest', 'checksum', 'fingerprint', 'version', 'etag', 'url', 'uri', 'endpoint', 'path', 'bucket', 'table', 'queue', 'topic', 'name', 'region', 'account', 'image', 'cert', 'certificate']);

/**
 * What secret a named value holds, by its name or its form: "a password" for `DB_PASSWORD: hunter2`,
 * "an AWS access key ID" for any name, "a random token" for a long high-entropy string under a name
 * that does not say it is a hash or an id. Undefined for references, placeholders and ordinary values.
 */
export function secretIn(name: string | undefined, text: string): string | undefined {
  if (isReferenceOrPlaceholder(text)) return undefined;
  const shape = secretShapeIn(text);
  if (shape) return shape.what;
  const kind = name === undefined ? undefined : secretNameKind(name);
  if (kind) return kind === 'key' ? 'a secret key' : `a ${kind}`;
  const words = name === undefined ? [] : nameWords(name);
  if (!words.some((word) => NOT_SECRET_WORDS.has(word)) && isRandomToken(text.trim())) return 'a random token';
  return undefined;
}

/**
 * A long string of letters and digits, mixed case, with the entropy of random data: hex digests
 * (at most 4 bits a character) and words fall short of it.
 */
function isRandomToken(text: string): boolean {
  if (text.length < 24 || text.length > 512 || !/^[A-Za-z0-9+/=_-]+$/.test(text)) return false;
  if (!/[a-z]/.test(text) || !/[A-Z]/.test(text) || !/[0-9]/.test(text)) return false;
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) entropy -= (count / text.length) * Math.log2(count / text.length);
  return entropy >= 4.2;
}

/** A place of a resource whose value is a secret by what the property is: `MasterUserPassword`, `LoginProfile.Password`. */
export interface SecretPlace {
  /** As the user reads it: `MasterUserPassword`, `Users[0].Password`, `Metadata AWS::CloudFormation::Authentication S3Access.secretKey`. */
  readonly label: string;
  readonly value: Node;
}

/** Keys of `AWS::CloudFormation::Authentication` entries that hold credentials. */
const AUTHENTICATION_SECRETS = ['secretKey', 'password'];

/** The secret-holding properties a resource writes (from the resource specification), and the credentials of its cfn-init authentication metadata. */
export function secretPlaces(resource: Resource, context: RuleContext): SecretPlace[] {
  const places: SecretPlace[] = [];
  for (const path of SECRET_PROPERTIES[resource.type] ?? []) {
    for (const at of propertiesAt(resource, path, context)) if (at.pair) places.push({ label: at.label, value: at.pair.value });
  }
  const authentication = resource.metadata?.byKey.get('AWS::CloudFormation::Authentication')?.value;
  if (authentication?.kind === 'map') {
    for (const entry of authentication.pairs) {
      if (entry.value.kind !== 'map') continue;
      for (const key of AUTHENTICATION_SECRETS) {
        const pair = entry.value.byKey.get(key);
        if (pair) places.push({ label: `${entry.key.value}.${key} (AWS::CloudFormation::Authentication)`, value: pair.value });
      }
    }
  }
  return places;
}

/**
 * Replaces a secret written in the template with a new NoEcho parameter without a default, so that
 * each deployment gives it and the template holds none. Not preferred: the value must then be
 * given at every deployment (and the exposed secret changed), which is the user's to arrange.
 */
export function noEchoParameterFix(context: RuleContext, written: Node, baseName: string, description: string): FixSpec[] {
  const template = context.template;
  if (!template || written.kind !== 'scalar') return [];
  const name = unusedParameterName(template, pascalCase(baseName));
  return [
    {
      title: `Move the secret into a new NoEcho parameter ${name}`,
      preferred: false,
      changes: [{ kind: 'replace', node: written, value: intrinsic.ref(name) }, addParameter(template, name, { Type: 'String', NoEcho: true, Description: description })],
    },
  ];
}

/** `Database` + `MasterUserPassword`, `api_token` → `ApiToken`: a name CloudFormation accepts for a parameter. */
function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => (/[a-z]/.test(part) ? part[0].toUpperCase() + part.slice(1) : part[0] + part.slice(1).toLowerCase()))
    .join('');
}

/** A secret found inside a longer text (a script), by form or as the value of a named assignment. */
export interface SecretInText {
  readonly index: number;
  readonly what: string;
  /** The name it is assigned to, when found by an assignment: `DB_PASSWORD`. */
  readonly name: string | undefined;
}

/** Stands for what the template does not write itself (`${Param}`, `!Ref`): never part of a secret. */
export const UNKNOWN_PART = '\u0000';

/** `NAME=value`, `export NAME="value"`, `--name=value`, `name: value`, `"name": "value"`. */
const ASSIGNMENT = /(?:^|[\s;'"({,])(?:export\s+)?-{0,2}([A-Za-z_][\w.-]*)["']?[ \t]*[:=][ \t]*(["']?)([^\s"'`;&|()<>,}\u0000]+)\2/gm;

/** Every secret a script writes: by form (keys, tokens), and by the names it assigns values to. */
export function secretsInText(text: string): SecretInText[] {
  const found: SecretInText[] = [];
  for (const shape of SHAPES) {
    for (const match of text.matchAll(new RegExp(shape.pattern.source, 'g'))) {
      if (!/EXAMPLE/.test(match[0])) found.push({ index: match.index, what: shape.what, name: undefined });
    }
  }
  for (const match of text.matchAll(ASSIGNMENT)) {
    const [, name, , value] = match;
    // Shell expansions and values cut by a part the template does not write are not literals.
    if (value.startsWith('$') || text[match.index + match[0].length] === UNKNOWN_PART) continue;
    const what = secretIn(name, value);
    if (what && !secretShapeIn(value)) found.push({ index: match.index + match[0].lastIndexOf(value), what, name });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Parameter types whose value names something (a key pair, an SSM parameter), never a secret itself. */
const NAMING_PARAMETER_TYPE = /^(AWS::|List<AWS::|Number|List<Number>)/;

const secretParametersOf = new WeakMap<Template, ReadonlyMap<string, string>>();

/**
 * The parameters that hold secrets, each with why: its name says so (`DBPassword`, `GitHubToken`,
 * `ApiKeyParam`), or a secret property or variable takes its value whole (`MasterUserPassword: !Ref
 * AdminLogin`). Computed once per template.
 */
export function secretParameters(template: Template, context: RuleContext): ReadonlyMap<string, string> {
  const known = secretParametersOf.get(template);
  if (known) return known;
  const found = new Map<string, string>();
  for (const resource of template.resources) {
    const places = [
      ...secretPlaces(resource, context).map((place) => ({ label: place.label, value: place.value })),
      ...environmentVariables(resource, context).filter((variable) => secretNameKind(variable.name)),
    ];
    for (const place of places) {
      for (const name of parametersTakenWhole(place.value, template)) found.set(name, `it is used as ${place.label} of ${resource.logicalId}`);
    }
  }
  for (const parameter of template.parameters.values()) {
    // A value chosen from a published list (`AllowUsersToChangePassword: [true, false]`) is no secret.
    if (NAMING_PARAMETER_TYPE.test(parameter.type ?? '') || parameter.allowedValues.length > 0) {
      found.delete(parameter.name);
      continue;
    }
    const kind = secretNameKind(parameter.name.replace(/_?(Param|Parameter)$/i, ''));
    if (kind) found.set(parameter.name, `its name says it holds a ${kind === 'key' ? 'secret key' : kind}`);
  }
  secretParametersOf.set(template, found);
  return found;
}

/** `!Ref P`, `!Sub "${P}"`, in any branch of `!If`. */
function parametersTakenWhole(node: Node, template: Template): string[] {
  return conditionalBranches(node).flatMap((branch) => {
    if (branch.kind !== 'intrinsic') return [];
    const name = branch.name === 'Ref' ? scalarString(branch.argument) : branch.name === 'Fn::Sub' ? /^\$\{([^}!.]+)\}$/.exec(scalarString(branch.argument) ?? '')?.[1] : undefined;
    return name !== undefined && template.parameters.has(name) ? [name] : [];
  });
}

/** A secret that a store of secrets holds as written in the template: a Secrets Manager string, an SSM parameter named like a secret. */
export interface StoredSecret {
  readonly at: Node;
  readonly label: string;
  readonly what: string;
  readonly candidate: Candidate;
  /** What to do instead, for this store. */
  readonly remedy: string;
}

const GENERATE = 'let Secrets Manager generate it (GenerateSecretString), or set it outside the template';
const SECURE_STRING = 'keep it in an SSM SecureString or in Secrets Manager, set outside the template';

/**
 * Secrets written into a secret store by the template: `SecretString` of a Secrets Manager secret
 * (a JSON object is read key by key: `{"username": "app"}` holds none), and the `Value` of an SSM
 * parameter whose name says it holds one (`/app/db/password`).
 */
export function storedSecrets(resource: Resource, context: RuleContext): StoredSecret[] {
  const properties = resource.properties;
  const found: StoredSecret[] = [];
  if (resource.type === 'AWS::SecretsManager::Secret') {
    const value = properties?.byKey.get('SecretString')?.value;
    for (const written of value ? writtenTexts(value, context) : []) {
      const what = secretInSecretString(written.text);
      if (what) found.push({ at: written.node, label: 'SecretString', what, candidate: written.candidate, remedy: GENERATE });
    }
  } else if (resource.type === 'AWS::SSM::Parameter') {
    const name = properties?.byKey.get('Name')?.value;
    const last = name && context.evaluator.single(name);
    const kind = last?.kind === 'known' ? secretNameKind(String(last.value).split(/[/.]/).pop() ?? '') : undefined;
    const value = properties?.byKey.get('Value')?.value;
    for (const written of kind && value ? writtenTexts(value, context) : []) {
      if (!isReferenceOrPlaceholder(written.text)) found.push({ at: written.node, label: 'Value', what: `a ${kind === 'key' ? 'secret key' : kind}`, candidate: written.candidate, remedy: SECURE_STRING });
    }
  }
  return found;
}

function secretInSecretString(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return isReferenceOrPlaceholder(text) ? undefined : 'a secret';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return isReferenceOrPlaceholder(text) ? undefined : 'a secret';
  for (const [key, value] of Object.entries(parsed)) {
    const what = typeof value === 'string' || typeof value === 'number' ? secretIn(key, String(value)) : undefined;
    if (what) return `${what} (${key})`;
  }
  return undefined;
}
