import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { manyBuckets } from '../helpers/hostile-documents';
import { fileUri, LspClient } from '../helpers/lsp-client';

const EXAMPLE = readFileSync(resolve(__dirname, '../../examples/insecure-stack.yaml'), 'utf8');
const TIME_BUDGET_MS = 4000;

describe('language server under a slow document', () => {
  let workspace: string;
  let client: LspClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'pillar-lsp-slow-'));
    process.env.PILLAR_ANALYSIS_TIME_BUDGET_MS = String(TIME_BUDGET_MS);
    client = new LspClient();
    delete process.env.PILLAR_ANALYSIS_TIME_BUDGET_MS;
    await client.initialize(workspace);
    // Warm up: the workers load the rules.
    const warm = fileUri(join(workspace, 'warm.yaml'));
    await client.open(warm, EXAMPLE);
    await client.diagnostics(warm);
  });

  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
    rmSync(workspace, { recursive: true, force: true });
  });

  it("answers hovers on another document at once while one is analyzed, and stops an analysis over its time budget", async () => {
    const slow = fileUri(join(workspace, 'slow.yaml'));
    const small = fileUri(join(workspace, 'small.yaml'));
    const opened = performance.now();
    await client.open(slow, manyBuckets(1024));
    await client.open(small, EXAMPLE);
    // The small document is analyzed beside the slow one (in another worker), not after it.
    await client.diagnostics(small);
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 47, character: 22 } });
      latencies.push(performance.now() - started);
      assert.ok(hover);
      await new Promise((wake) => setTimeout(wake, 50));
    }
    assert.ok(Math.max(...latencies) < 500, `hover latencies ${latencies.map((l) => l.toFixed(0)).join(', ')} ms`);
    assert.ok(performance.now() - opened < TIME_BUDGET_MS, 'the hovers were measured while the slow document was analyzed');
    const diagnostics = await client.diagnostics(slow, undefined, 20_000);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.match(diagnostics[0].message, /stopped after 4 s, its time budget|needed more than its \d+ MB of memory/);
    assert.equal(diagnostics[0].code, 'input-limit');
  });

  it('stops the analysis of an older version when a newer one arrives', async () => {
    const doc = fileUri(join(workspace, 'edited.yaml'));
    await client.open(doc, manyBuckets(512));
    await new Promise((wake) => setTimeout(wake, 100));
    const started = performance.now();
    await client.change(doc, EXAMPLE, 2);
    const diagnostics = await client.diagnostics(doc, (p) => p.version === 2, 20_000);
    const elapsed = performance.now() - started;
    assert.ok(diagnostics.some((d) => d.code === 's3-bucket-public-access-block'));
    assert.ok(elapsed < 5000, `version 2 analyzed after ${elapsed.toFixed(0)} ms`);
    // The older analysis (seconds of work) was stopped, not left to run into its time budget.
    await new Promise((wake) => setTimeout(wake, TIME_BUDGET_MS));
    assert.deepEqual(client.messages.filter((m) => m.includes('edited.yaml')), []);
  });

  it('reports at most maxDiagnostics diagnostics, one of them counting the rest', async () => {
    client.settings = { maxDiagnostics: 5 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const doc = fileUri(join(workspace, 'many.yaml'));
    await client.open(doc, manyBuckets(4));
    const diagnostics = await client.diagnostics(doc);
    assert.equal(diagnostics.length, 5);
    assert.equal(diagnostics.filter((d) => /more problems are not shown/.test(d.message)).length, 1);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
});
