// Launcher one: runs the extension-host suite (dist-test/suite) in desktop VS Code through
// @vscode/test-electron, for developers who have VS Code or can download it. CI, which cannot
// download VS Code, runs the same suite in code-server instead (scripts/e2e.sh host).
//
//   npm run test:vscode                                   # downloads VS Code (stable) into .vscode-test/
//   VSCODE_EXECUTABLE_PATH=/usr/bin/code npm run test:vscode   # uses an installed VS Code
//   PILLAR_VSCODE_VERSION=1.100.3 npm run test:vscode     # the oldest version engines.vscode allows
// On Linux without a display, run it under `xvfb-run -a`.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tests = join(root, 'dist-test/suite/index.js');
for (const needed of [join(root, 'dist/client.js'), join(root, 'dist/server.js'), tests]) {
  if (!existsSync(needed)) {
    console.error(`${needed} is missing: run \`npm run build && npm run build:e2e\` first.`);
    process.exit(2);
  }
}

let executable = process.env.VSCODE_EXECUTABLE_PATH;
if (!executable) {
  const version = process.env.PILLAR_VSCODE_VERSION ?? 'stable';
  try {
    executable = await downloadAndUnzipVSCode({ version, cachePath: join(root, '.vscode-test') });
  } catch (error) {
    console.error(`\nCannot run the extension-host suite in desktop VS Code: no VS Code is installed for the tests and downloading VS Code ${version} failed:\n  ${error instanceof Error ? error.message : String(error)}\n`);
    console.error('Either set VSCODE_EXECUTABLE_PATH to a VS Code (1.100 or later) executable, for example /usr/share/code/code,');
    console.error('or run the same suite in code-server, which needs only npm and apt: `bash scripts/e2e.sh host`.');
    process.exit(1);
  }
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('No DISPLAY: if VS Code fails to start, run this under `xvfb-run -a`.');
}

// Fresh folders for every run: user data, extensions, and a copy of the fixture workspace.
const work = mkdtempSync(join(tmpdir(), 'pillar-vscode-'));
const workspace = join(work, 'workspace');
cpSync(join(root, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
mkdirSync(join(work, 'data/User'), { recursive: true });
writeFileSync(
  join(work, 'data/User/settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoUpdate': false, 'files.autoSave': 'off', 'workbench.localHistory.enabled': false }),
);
const result = join(work, 'result.json');

let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: tests,
    extensionTestsEnv: { PILLAR_E2E_RESULT: result },
    launchArgs: [workspace, '--user-data-dir', join(work, 'data'), '--extensions-dir', join(work, 'extensions'), '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-gpu'],
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode = 1;
}
let report;
try {
  report = JSON.parse(readFileSync(result, 'utf8'));
} catch {
  report = undefined;
}
rmSync(work, { recursive: true, force: true });
console.log(`extension host (VS Code desktop): ${report?.passed ?? 0} passed, ${report ? report.failed : 1} failed${report?.pending ? `, ${report.pending} pending` : ''}`);
process.exit(exitCode === 0 && report?.failed === 0 && report.passed > 0 ? 0 : 1);
