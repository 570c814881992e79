import { isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { SEVERITIES, type Severity } from './api';

/** A rule's setting: 'off', or a severity that replaces its default. */
export type RuleSetting = 'off' | Severity;

/** What users configure, in `.pillar.json` or in VS Code's `pillar.*` settings. */
export interface PillarConfig {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Globs of files to analyze, relative to the workspace folder. */
  readonly include?: readonly string[];
  /** Globs of files never analyzed, relative to the workspace folder. */
  readonly exclude?: readonly string[];
  /** Largest file analyzed, in bytes. */
  readonly maxFileSize?: number;
}

export const CONFIG_FILE_NAME = '.pillar.json';

export const DEFAULT_INCLUDE: readonly string[] = ['**/*.yaml', '**/*.yml', '**/*.json', '**/*.template'];
export const DEFAULT_EXCLUDE: readonly string[] = [
  '**/node_modules/**', '**/.git/**', '**/cdk.out/**', '**/.aws-sam/**', '**/package.json', '**/package-lock.json', '**/tsconfig*.json',
  '**/.pillar.json',
];
/** CloudFormation accepts templates of at most 1 MB from S3; anything far larger is not a template. */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

/** Validated configuration, as the engine and its callers use it. */
export interface ResolvedConfig {
  readonly ruleSettings: ReadonlyMap<string, RuleSetting>;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxFileSize: number;
}

export class ConfigError extends Error {}

/** Merges configurations, later ones winning; rule settings merge rule by rule. */
export function resolveConfig(layers: readonly (PillarConfig | undefined)[], knownRuleIds: ReadonlySet<string>): ResolvedConfig {
  const ruleSettings = new Map<string, RuleSetting>();
  let include = DEFAULT_INCLUDE;
  let exclude = DEFAULT_EXCLUDE;
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      if (!knownRuleIds.has(id)) throw new ConfigError(`Unknown rule "${id}" in configuration.`);
      if (setting !== 'off' && !SEVERITIES.includes(setting as Severity)) {
        throw new ConfigError(`Rule "${id}": "${String(setting)}" is not one of off, ${SEVERITIES.join(', ')}.`);
      }
      ruleSettings.set(id, setting);
    }
    if (layer.include?.length) include = [...layer.include];
    if (layer.exclude) exclude = [...DEFAULT_EXCLUDE, ...layer.exclude];
    if (layer.maxFileSize !== undefined) {
      if (!Number.isFinite(layer.maxFileSize) || layer.maxFileSize <= 0) throw new ConfigError('maxFileSize must be a positive number of bytes.');
      maxFileSize = layer.maxFileSize;
    }
  }
  return { ruleSettings, include, exclude, maxFileSize };
}

/** Parses the text of a `.pillar.json` file; throws ConfigError with a readable message. */
export function parseConfigFile(text: string, source: string): PillarConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source}: not valid JSON (${(error as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${source}: expected a JSON object.`);
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!['rules', 'include', 'exclude', 'maxFileSize', '$schema'].includes(key)) throw new ConfigError(`${source}: unknown setting "${key}".`);
  }
  for (const key of ['include', 'exclude'] as const) {
    const globs = config[key];
    if (globs !== undefined && (!Array.isArray(globs) || globs.some((g) => typeof g !== 'string'))) throw new ConfigError(`${source}: "${key}" must be a list of glob strings.`);
  }
  if (config.rules !== undefined && (typeof config.rules !== 'object' || config.rules === null || Array.isArray(config.rules))) {
    throw new ConfigError(`${source}: "rules" must map rule ids to off, error, warning or info.`);
  }
  return config as PillarConfig;
}

/** Whether a path (relative to its workspace folder, with forward slashes) is analyzed. */
export function createPathFilter(config: ResolvedConfig): (relativePath: string) => boolean {
  const included = picomatch([...config.include], { dot: true });
  const excluded = picomatch([...config.exclude], { dot: true });
  return (relativePath) => included(relativePath) && !excluded(relativePath);
}

/**
 * `file` relative to `folder`, with forward slashes, as include and exclude globs are written; or
 * undefined when the file lies outside the folder.
 */
export function pathWithin(folder: string, file: string): string | undefined {
  const path = relative(folder, file);
  return path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path) ? undefined : path.split(sep).join('/');
}
