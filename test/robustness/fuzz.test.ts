/** A short seeded run of the mutation fuzzer (a few seconds); `npm run fuzz` runs the long one. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';
import { readCorpus } from '../bench/corpus';
import { fuzzCorpus } from './fuzz-corpus';
import { fuzz } from './fuzzer';

describe('mutation fuzzer, short seeded run', () => {
  it('neither crashes nor stalls, returns valid ranges, and analyzes edited text as it would fresh', { timeout: 120_000 }, async () => {
    const outDir = join(tmpdir(), 'pillar-fuzz-failures');
    const report = await fuzz({ seed: 11, cases: 16, lanes: 4, corpus: fuzzCorpus(readCorpus()), outDir, stallMs: 30_000 });
    const summary = JSON.stringify({ ...report, failures: report.failures.slice(0, 5) });
    assert.equal(report.cases, 16);
    assert.deepEqual(report.failures, [], `${summary}; documents in ${outDir}`);
    assert.equal(report.crashes + report.stalls + report.invalidRanges + report.mismatches, 0, summary);
  });
});
