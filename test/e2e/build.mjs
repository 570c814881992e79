// Bundles the extension-host suite (test/e2e/suite/*.ts) into dist-test/suite/, one file per
// entry: index.js (the runner VS Code calls) and one *.e2e.js per test file. `vscode` comes from
// the extension host and mocha from node_modules, so both stay external.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const dir = 'test/e2e/suite';
const entryPoints = readdirSync(dir).filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts')).map((f) => `${dir}/${f}`);
rmSync('dist-test', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist-test/suite',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
