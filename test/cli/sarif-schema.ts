import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { REPO } from './helpers';

const schema = JSON.parse(readFileSync(join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// unicodeRegExp: false because the official schema's language pattern ends in a stray `]`, invalid under the u flag.
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);

/** Parses a SARIF log and fails the test unless it is valid against the SARIF 2.1.0 schema. */
export function parseSarif<T>(text: string): T {
  const log: unknown = JSON.parse(text);
  if (!validate(log)) assert.fail(JSON.stringify(validate.errors, null, 2));
  return log as T;
}
