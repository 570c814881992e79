/** The real-world corpus, kept beside the repository in ../shared; the benchmark and the robustness tests read it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Relative to the working directory: `npm test` and `npm run bench` both run from the repository
 * root. PILLAR_CORPUS points elsewhere (a worktree whose parent has no shared/).
 */
export const CORPUS_DIR = process.env.PILLAR_CORPUS ?? resolve(process.cwd(), '../shared/corpus/real-world');

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

/** Every corpus file in name order, or undefined when the corpus is not there. */
export function readCorpus(dir = CORPUS_DIR): CorpusFile[] | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
