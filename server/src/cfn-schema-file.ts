import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CfnSchema, type CfnSchemaData } from './engine/cfn/schema';

/** Where the build writes the CloudFormation schema: beside the bundles (dist/server.js). */
export const CFN_SCHEMA_FILE = join(__dirname, 'cfn-schema.json');

const loaded = new Map<string, CfnSchema>();

/**
 * A loader for the Engine's `cfnSchema` option: reads the data file on the first completion or
 * hover in a template, once per process and file.
 */
export function cfnSchemaLoader(file = CFN_SCHEMA_FILE): () => CfnSchema {
  return () => {
    let schema = loaded.get(file);
    if (!schema) {
      schema = new CfnSchema(JSON.parse(readFileSync(file, 'utf8')) as CfnSchemaData);
      loaded.set(file, schema);
    }
    return schema;
  };
}
