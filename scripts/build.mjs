// Writes the IAM catalog (dist/iam-catalog.json) and the CloudFormation schema (dist/cfn-schema.json), and bundles the extension client, the language server,
// the CLI, the posture scan (the AWS SDK, loaded by the server and the CLI only when a scan is asked
// for) and the benchmark, one file each.
// `--production` minifies and drops source maps (the packaged extension); the default keeps maps.
import { build } from 'esbuild';
import { writeCfnSchema } from './cfn-schema.mjs';
import { writeIamCatalog } from './iam-catalog.mjs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  // yaml's Node build reads process.env.LOG_TOKENS for every token (about 20% of parse time).
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  // ESM dependencies (fdir, under tinyglobby) read import.meta.url, which a CJS bundle lacks.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// The IAM catalog is data beside the bundles, read when a policy is first analyzed, never at start-up.
writeIamCatalog('dist/iam-catalog.json');
// Likewise the CloudFormation resource specification, read on the first completion or hover in a template.
writeCfnSchema('dist/cfn-schema.json');

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } }),
  // The SDK's ES module builds let esbuild drop the commands the collectors never send (half the size).
  build({ ...common, entryPoints: ['server/src/aws/posture.ts'], outfile: 'dist/posture.js', mainFields: ['module', 'main'] }),
  ...(production ? [] : [build({ ...common, entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench.js' })]),
]);
