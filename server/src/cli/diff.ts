import { isAbsolute } from 'node:path';
import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of one file with three lines of context, headed `--- a/path` / `+++ b/path` so
 * that `git apply` and `patch -p1` take it from the working directory. Empty when nothing changed.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const [from, to] = isAbsolute(path) ? [path, path] : [`a/${path}`, `b/${path}`];
  // jsdiff starts with a line of "=" that no patch tool needs.
  return createTwoFilesPatch(from, to, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
