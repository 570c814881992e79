import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, FIRST_DIAGNOSTICS_TIMEOUT_MS, openFixture, waitForDiagnostics } from './helpers';

suite('activation', () => {
  test('the extension is installed from this folder and activates on a template', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.packageJSON.main, './dist/client.js');
    const wasActive = extension.isActive;
    const started = Date.now();
    const editor = await openFixture('logging.yaml');
    await extension.activate();
    assert.equal(extension.isActive, true);
    await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'the first diagnostics', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    console.log(`      (extension ${wasActive ? 'already active at suite start' : 'activated by the test'}; first diagnostics ${Date.now() - started} ms after opening)`);
  });

  test('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['pillar.scanWorkspace', 'pillar.restartServer', 'pillar.showOutput']) {
      assert.ok(commands.includes(command), `${command} is not registered`);
    }
  });
});
