import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IamCatalog, type IamCatalogData } from './engine/iam/catalog';

/** Where the build writes the catalog: beside the bundles (dist/server.js, dist/cli.js). */
export const IAM_CATALOG_FILE = join(__dirname, 'iam-catalog.json');

const loaded = new Map<string, IamCatalog>();

/**
 * A loader for the Engine's `iamCatalog` option: reads and indexes the data file when first
 * called, once per process and file, however many engines use it.
 */
export function iamCatalogLoader(file = IAM_CATALOG_FILE): () => IamCatalog {
  return () => {
    let catalog = loaded.get(file);
    if (!catalog) {
      catalog = new IamCatalog(JSON.parse(readFileSync(file, 'utf8')) as IamCatalogData);
      loaded.set(file, catalog);
    }
    return catalog;
  };
}
