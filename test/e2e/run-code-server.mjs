// Launcher two: runs the extension-host suite (dist-test/suite) inside code-server's real extension
// host, driven from headless Chromium. code-server must already be running (scripts/e2e.sh starts
// it with fresh folders and PILLAR_E2E_RESULT in its environment). The workbench `payload` URL
// parameter loads this folder as a development extension and runs the tests, the way VS Code's
// own browser integration tests do; the exit code comes back through `codeAutomationExit`.
//
//   node test/e2e/run-code-server.mjs --url http://127.0.0.1:PORT --workspace DIR --result FILE
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { openBrowser, options } from './browser.mjs';

const { url, workspace, result } = options(['url', 'workspace', 'result']);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tests = resolve(root, 'dist-test/suite/index.js');
const TIMEOUT_MS = Number(process.env.PILLAR_E2E_TIMEOUT_MS ?? 10 * 60_000);

for (const needed of [resolve(root, 'dist/client.js'), resolve(root, 'dist/server.js'), tests]) {
  if (!existsSync(needed)) {
    console.error(`${needed} is missing: run \`npm run build && npm run build:e2e\` first.`);
    process.exit(2);
  }
}

// The payload URIs must name the same host:port as the page, with the remote scheme.
const host = new URL(url).host;
const remote = (path) => `vscode-remote://${host}${path}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(root)],
  ['extensionTestsPath', remote(tests)],
  ['skipWelcome', 'true'],
]);

const browser = await openBrowser();
let code;
try {
  let exit;
  const exited = new Promise((done) => (exit = done));
  // Mocha's output arrives as printf-style arguments.
  await browser.page.exposeFunction('codeAutomationLog', (_type, args) => console.log(format(...(args ?? []))));
  await browser.page.exposeFunction('codeAutomationExit', (exitCode) => exit(exitCode));
  const timeout = new Promise((done) => setTimeout(() => done('timeout'), TIMEOUT_MS).unref());
  await browser.page.goto(`${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  code = await Promise.race([exited, timeout]);
} finally {
  await browser.close();
}

// The exit code and the JSON written by the suite must agree: a crash before mocha ran leaves no JSON.
let report;
try {
  report = JSON.parse(readFileSync(result, 'utf8'));
} catch {
  report = undefined;
}
if (code === 'timeout') console.error(`The extension-host suite did not finish within ${TIMEOUT_MS / 1000} s.`);
else if (!report) console.error(`The extension host exited with ${code} and wrote no result to ${result}.`);
const passed = report?.passed ?? 0;
const failed = report ? report.failed : 1;
console.log(`extension host (code-server): ${passed} passed, ${failed} failed${report?.pending ? `, ${report.pending} pending` : ''}`);
process.exit(code === 0 && report && report.failed === 0 && report.passed > 0 ? 0 : 1);
