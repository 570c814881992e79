/**
 * Entry point VS Code calls in the extension host (`extensionTestsPath`): runs every
 * `*.e2e.js` file next to it with mocha (tdd). The result also goes to the JSON file named by
 * PILLAR_E2E_RESULT, a second channel for launchers that cannot read the host's exit code.
 * PILLAR_E2E_GREP runs only the tests whose full title matches.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

interface TestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs?: number;
  readonly error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 120_000, color: false, reporter: 'spec' });
  if (process.env.PILLAR_E2E_GREP) mocha.grep(process.env.PILLAR_E2E_GREP);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort()) mocha.addFile(join(__dirname, file));
  const results: TestResult[] = [];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = results.filter((r) => r.state === 'passed').length;
      const report = { passed, failed: results.filter((r) => r.state === 'failed').length, pending: results.filter((r) => r.state === 'pending').length, durationMs: Date.now() - started, tests: results };
      if (process.env.PILLAR_E2E_RESULT) writeFileSync(process.env.PILLAR_E2E_RESULT, JSON.stringify(report, null, 2));
      console.log(`${passed} passed, ${report.failed} failed`);
      if (failures > 0 || report.failed > 0) reject(new Error(`${report.failed} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, error: Error) => results.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? String(error) }));
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending' }));
  });
}
