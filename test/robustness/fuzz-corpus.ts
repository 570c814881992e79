import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CorpusFile } from '../bench/corpus';

/** The real-world corpus when it is there, else the repository's example (CI without ../shared). */
export function fuzzCorpus(corpus: readonly CorpusFile[] | undefined): readonly CorpusFile[] {
  if (corpus?.length) return corpus;
  const name = 'insecure-stack.yaml';
  return [{ name, text: readFileSync(resolve(__dirname, '../../examples', name), 'utf8') }];
}
