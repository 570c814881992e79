import { statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { createPathFilter, pathWithin, type ResolvedConfig } from '../engine/config';
import { CliError, ioError } from './errors';

/**
 * Absolute paths of the files to scan, sorted and without duplicates. An explicit file is always
 * scanned (the engine ignores what is not a template); a folder's files are filtered by the
 * configured include/exclude globs, relative to `root` (where the configuration lives), as the
 * editor does; a glob is expanded from the working directory, minus excludes.
 */
export function discoverFiles(args: readonly string[], config: ResolvedConfig, root: string, cwd: string): string[] {
  const found = new Set<string>();
  const included = createPathFilter(config);
  for (const arg of args) {
    for (const file of expand(arg, config, included, root, cwd)) found.add(file);
  }
  return [...found].sort();
}

function expand(arg: string, config: ResolvedConfig, included: (path: string) => boolean, root: string, cwd: string): readonly string[] {
  const path = resolve(cwd, arg);
  const stats = stat(path, arg);
  if (stats?.isDirectory()) {
    // Excludes like `**/node_modules/**` hold wherever the walk starts, so they prune it early.
    const everywhere = config.exclude.filter((pattern) => pattern.startsWith('**/'));
    const files = walk(['**/*'], everywhere, path).filter((file) => included(pathWithin(root, file) ?? pathWithin(path, file)!));
    if (files.length === 0) throw new CliError(`no files to scan in ${arg} (check include and exclude in the configuration)`);
    return files;
  }
  if (stats) return [path];
  if (!isDynamicPattern(arg)) throw new CliError(`no such file or folder: ${arg}`);
  const matches = walk([arg], config.exclude, cwd);
  // A glob that matches nothing is most likely a typo that would otherwise pass CI silently.
  if (matches.length === 0) throw new CliError(`no files match ${arg}`);
  return matches;
}

/** undefined when nothing is there (the argument may be a glob); other failures (a symlink loop) are I/O errors. */
function stat(path: string, arg: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw ioError('read', arg, error);
  }
}

function walk(patterns: readonly string[], exclude: readonly string[], cwd: string): string[] {
  // dot: true so that the walk agrees with createPathFilter, which the language server uses.
  return globSync([...patterns], { cwd, ignore: [...exclude], dot: true, absolute: true, onlyFiles: true, expandDirectories: false }).map((file) => resolve(file));
}

/** The path users see: relative to the working directory with forward slashes, absolute outside it. */
export function displayPath(file: string, cwd: string): string {
  return pathWithin(cwd, file) ?? file;
}
