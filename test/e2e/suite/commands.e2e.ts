import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { FIRST_DIAGNOSTICS_TIMEOUT_MS, fixtureUri, openFixture, pillarDiagnostics, summary, waitForDiagnostics } from './helpers';

interface ScanResult {
  files: number;
  templates: number;
  findings: number;
  bySeverity: Record<'error' | 'warning' | 'info', number>;
}

suite('commands', () => {
  test('Pillar: Scan Workspace Templates scans every file and publishes findings for unopened ones', async () => {
    const result = await vscode.commands.executeCommand<ScanResult>('pillar.scanWorkspace');
    // Six YAML/JSON/template files, five of them templates or policies (config/app.yaml is neither).
    assert.deepEqual(result, { files: 6, templates: 5, findings: 11, bySeverity: { error: 9, warning: 2, info: 0 } });
    assert.deepEqual(summary(pillarDiagnostics(fixtureUri('legacy/network.template'))), ['9:74-9:85 error ec2-security-group-no-public-admin-ingress']);
    assert.equal(pillarDiagnostics(fixtureUri('storage.json')).length, 3);
    assert.deepEqual(pillarDiagnostics(fixtureUri('config/app.yaml')), []);
  });

  test('Pillar: Show Output runs', async () => {
    await vscode.commands.executeCommand('pillar.showOutput');
  });

  test('Pillar: Restart Language Server brings the diagnostics back', async () => {
    const uri = (await openFixture('logging.yaml')).document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 4, 'four findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    let cleared = false;
    const watch = vscode.languages.onDidChangeDiagnostics(() => {
      if (pillarDiagnostics(uri).length === 0) cleared = true;
    });
    try {
      await vscode.commands.executeCommand('pillar.restartServer');
      await waitForDiagnostics(uri, (d) => cleared && d.length === 4, 'the restarted server to publish again', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    } finally {
      watch.dispose();
    }
  });
});
