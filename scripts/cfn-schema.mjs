// Compacts @aws-cdk/aws-service-spec (Apache-2.0; the CloudFormation resource specification as a
// database) into the one data file Pillar ships beside its bundles for completion and hover in
// templates, dist/cfn-schema.json: resource types, their properties and nested property types (type,
// required, allowed values), each with the first paragraph of its documentation, shortened.
//   node scripts/cfn-schema.mjs [--out dist/cfn-schema.json]
// The build writes it (scripts/build.mjs); the server reads it on the first completion or hover.
// The shape is server/src/engine/cfn/schema.ts's CfnSchemaData.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Documentation is cut to its first paragraph, then to a sentence within these lengths: the link has the rest. */
const MAX_RESOURCE_DOC = 400;
const MAX_PROPERTY_DOC = 240;
/** Allowed values past this count are dropped (a few properties list every instance type). */
const MAX_ALLOWED_VALUES = 60;

const PRIMITIVES = { string: 'String', integer: 'Integer', number: 'Number', boolean: 'Boolean', json: 'Json', 'date-time': 'Timestamp' };

/** The first paragraph, without Markdown links' targets, shortened at a sentence end when it is long. */
export function shortDoc(text, max) {
  if (!text) return '';
  let first = text.split('\n\n')[0].replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 3 ? cut.slice(0, sentence + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export function buildCfnSchema() {
  const { loadAwsServiceSpecSync } = require('@aws-cdk/aws-service-spec');
  const db = loadAwsServiceSpecSync();
  const version = require('@aws-cdk/aws-service-spec/package.json').version;
  const types = [];
  const typeIndex = new Map();
  const typeOf = (type) => {
    switch (type.type) {
      case 'ref': {
        const definition = db.get('typeDefinition', type.reference.$ref);
        if (!typeIndex.has(definition.$id)) {
          const entry = [definition.name, shortDoc(definition.documentation, MAX_PROPERTY_DOC), []];
          typeIndex.set(definition.$id, types.length);
          types.push(entry);
          entry[2] = properties(definition.properties);
        }
        return typeIndex.get(definition.$id);
      }
      case 'array':
        return ['List', typeOf(type.element)];
      case 'map':
        return ['Map', typeOf(type.element)];
      case 'tag':
        return 'Tag';
      case 'union': {
        // A union of a structure and a scalar (a policy as JSON or as a string): the structure completes.
        const structured = type.types.find((t) => t.type === 'ref') ?? type.types.find((t) => t.type === 'json') ?? type.types[0];
        return typeOf(structured);
      }
      default:
        return PRIMITIVES[type.type] ?? 'String';
    }
  };
  /** [name, type, required (1/0), documentation, allowed values?] */
  const properties = (record) =>
    Object.entries(record ?? {})
      .filter(([, property]) => !property.deprecated)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, property]) => {
        const entry = [name, typeOf(property.type), property.required ? 1 : 0, shortDoc(property.documentation, MAX_PROPERTY_DOC)];
        const allowed = property.type.type === 'string' ? property.type.allowedValues : undefined;
        if (allowed?.length && allowed.length <= MAX_ALLOWED_VALUES) entry.push(allowed);
        return entry;
      });
  const resources = {};
  for (const resource of db.all('resource').sort((a, b) => a.cloudFormationType.localeCompare(b.cloudFormationType))) {
    resources[resource.cloudFormationType] = [shortDoc(resource.documentation, MAX_RESOURCE_DOC), properties(resource.properties)];
  }
  return { source: '@aws-cdk/aws-service-spec', version, resources, types };
}

export function writeCfnSchema(out) {
  const path = resolve(ROOT, out);
  mkdirSync(dirname(path), { recursive: true });
  const text = JSON.stringify(buildCfnSchema());
  writeFileSync(path, text);
  return text.length;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1] : 'dist/cfn-schema.json';
  const size = writeCfnSchema(out);
  console.log(`wrote ${out} (${(size / 1024).toFixed(0)} KB)`);
}
