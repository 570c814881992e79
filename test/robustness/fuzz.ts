/**
 * `npm run fuzz`: a long seeded run of the mutation fuzzer (test/robustness/fuzzer.ts) against the
 * bundled server. Options: --seed N (default: the time), --cases N (default 10000), --lanes N
 * (default 4), --edits N per case (default 4), --out DIR for failing documents (default
 * fuzz-failures/), --json. Exits 1 when anything failed.
 */
import { resolve } from 'node:path';
import { readCorpus } from '../bench/corpus';
import { fuzz } from './fuzzer';
import { fuzzCorpus } from './fuzz-corpus';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const seed = option('seed', Date.now() % 1_000_000);
  const cases = option('cases', 10_000);
  const at = process.argv.indexOf('--out');
  const outDir = resolve(at >= 0 ? process.argv[at + 1] : 'fuzz-failures');
  const corpus = fuzzCorpus(readCorpus());
  console.error(`fuzzing ${cases} cases over ${corpus.length} documents, seed ${seed}; failing documents go to ${outDir}`);
  const report = await fuzz({ seed, cases, corpus, lanes: option('lanes', 4), editsPerCase: option('edits', 4), outDir, hugeEdits: true, log: (line) => console.error(line) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    const l = report.latency;
    console.log(
      [
        `seed ${report.seed}: ${report.cases} cases, ${report.edits} edits, ${report.requests} hovers and code actions in ${report.durationS.toFixed(0)} s`,
        `crashes ${report.crashes}, stalls ${report.stalls}, invalid ranges ${report.invalidRanges}, incremental ≠ fresh ${report.mismatches}`,
        `p99 latency: edit → diagnostics ${l.diagnosticsP99Ms.toFixed(0)} ms (max ${l.diagnosticsMaxMs.toFixed(0)}), hover ${l.hoverP99Ms.toFixed(0)} ms (max ${l.hoverMaxMs.toFixed(0)}), code action ${l.codeActionP99Ms.toFixed(0)} ms (max ${l.codeActionMaxMs.toFixed(0)})`,
        `peak resident memory ${report.peakRssMb?.toFixed(0) ?? '?'} MB`,
        ...report.failures.map((name) => `  failed: ${name}`),
      ].join('\n'),
    );
  }
  process.exit(report.failures.length > 0 ? 1 : 0);
}

void main();
