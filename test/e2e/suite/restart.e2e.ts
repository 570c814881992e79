import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, FIRST_DIAGNOSTICS_TIMEOUT_MS, openFixture, pillarDiagnostics, waitForDiagnostics } from './helpers';

interface PillarApi {
  serverProcessId(): number | undefined;
  restarts(): number;
  restartMessages(): readonly string[];
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = FIRST_DIAGNOSTICS_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

suite('a server that dies', () => {
  test('is restarted by the client, which says so once, and the open documents are analyzed again', async () => {
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as PillarApi;
    const uri = (await openFixture('logging.yaml')).document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 4, 'four findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    const before = api.restarts();
    for (let death = 1; death <= 2; death++) {
      const pid = await waitFor('the server process', () => api.serverProcessId());
      // Diagnostics published after the kill come from the new server: it analyzed the document again.
      let republished = false;
      const watch = vscode.languages.onDidChangeDiagnostics((event) => {
        if (api.serverProcessId() !== pid && event.uris.some((u) => u.toString() === uri.toString()) && pillarDiagnostics(uri).length === 4) republished = true;
      });
      process.kill(pid, 'SIGKILL');
      const next = await waitFor('a restarted server', () => {
        const current = api.serverProcessId();
        return api.restarts() === before + death && current !== undefined && current !== pid ? current : undefined;
      });
      assert.notEqual(next, pid);
      try {
        await waitFor('the restarted server to publish', () => (republished ? true : undefined));
      } finally {
        watch.dispose();
      }
    }
    // Told once, not once per death.
    assert.equal(api.restartMessages().length, 1);
    assert.match(api.restartMessages()[0], /stopped unexpectedly and was restarted/);
  });
});
