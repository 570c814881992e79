// Writes snippets/yaml.json and snippets/json.json from the one source in snippets/src (npm run snippets).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { snippetFiles } from '../snippets/src/files';

const root = resolve(__dirname, '..');
for (const [path, content] of snippetFiles()) {
  writeFileSync(resolve(root, path), content);
  console.log(`wrote ${path}`);
}
