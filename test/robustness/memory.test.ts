/**
 * The language server holds its memory budget whatever is open (issue 11): the worst documents
 * under the size limit, opened at once, analyzed (or stopped) while resident memory is sampled.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { aliasBomb, aliasList, deepList, manyBuckets, wideList, wideMap } from '../helpers/hostile-documents';
import { fileUri, LspClient } from '../helpers/lsp-client';

export const MEMORY_BUDGET_MB = 300;
const SIZE_LIMIT = 4 * 1024 * 1024;

/** Under the 4 MB limit: repeated up to just below it. */
function fill(unit: string, head = ''): string {
  return head + unit.repeat(Math.floor((SIZE_LIMIT - 1024 - head.length) / unit.length));
}

export function worstDocuments(): Record<string, string> {
  const topic = 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n';
  return {
    'buckets.yaml': manyBuckets(4000),
    'parse-errors.yaml': fill('K: "a\n  b: [\n', topic),
    'aliases.yaml': aliasList(900_000),
    'bomb.yaml': aliasBomb(9),
    'wide-map.yaml': wideMap(300_000),
    'wide-list.yaml': wideList(250_000),
    'deep.yaml': deepList(1_900_000),
    'long-scalar.yaml': `${topic}Big: "${'x'.repeat(SIZE_LIMIT - 100)}"\n`,
  };
}

function residentMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

describe('memory budget', { skip: !existsSync('/proc/self/status') && 'needs /proc' }, () => {
  it(`stays under ${MEMORY_BUDGET_MB} MB resident with the worst documents under the size limit open at once`, { timeout: 180_000 }, async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'pillar-memory-'));
    const client = new LspClient();
    try {
      await client.initialize(workspace);
      const documents = Object.entries(worstDocuments());
      for (const [, text] of documents) assert.ok(text.length < SIZE_LIMIT, `${text.length}`);
      await Promise.all(documents.map(([name, text]) => client.open(fileUri(join(workspace, name)), text)));
      const done = Promise.all(documents.map(([name]) => client.diagnostics(fileUri(join(workspace, name)), () => true, 120_000)));
      let finished = false;
      void done.finally(() => (finished = true));
      while (!finished) await new Promise((wake) => setTimeout(wake, 100));
      const results = await done;
      const memory = residentMb(client.process.pid!);
      const summary = documents.map(([name], k) => `${name}: ${results[k].length} ${results[k][0]?.message.slice(0, 70) ?? ''}`).join('\n');
      console.log(`peak resident ${memory.peak.toFixed(0)} MB, now ${memory.rss.toFixed(0)} MB; ${summary}`);
      for (const diagnostics of results) assert.ok(diagnostics.length <= 500);
      assert.ok(memory.peak < MEMORY_BUDGET_MB, `peak resident ${memory.peak.toFixed(0)} MB`);
      // Still answering.
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(join(workspace, 'bomb.yaml')) }, position: { line: 0, character: 0 } });
      assert.equal(hover, null);
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
