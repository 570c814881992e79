import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, parseConfigFile, resolveConfig, type ResolvedConfig } from '../engine/config';
import type { RuleMeta } from '../engine/api';
import { ioError } from './errors';

export interface LoadedConfig {
  readonly config: ResolvedConfig;
  /** The folder its include/exclude globs are relative to: the config file's, else the working directory. */
  readonly root: string;
}

/**
 * The configuration for a scan: the file named by --config, else `.pillar.json` in the working
 * directory when there is one, else the defaults. Throws CliError or ConfigError naming the file.
 */
export function loadConfig(explicitPath: string | undefined, cwd: string, knownRules: ReadonlyMap<string, RuleMeta>): LoadedConfig {
  const source = explicitPath ?? CONFIG_FILE_NAME;
  const path = resolve(cwd, source);
  if (explicitPath === undefined && !existsSync(path)) return { config: resolveConfig([], knownRules), root: cwd };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw ioError('read config', source, error);
  }
  const config = parseConfigFile(text, source);
  try {
    return { config: resolveConfig([config], knownRules), root: dirname(path) };
  } catch (error) {
    // parseConfigFile names the file in its messages; resolveConfig does not.
    throw error instanceof ConfigError ? new ConfigError(`${source}: ${error.message}`) : error;
  }
}
