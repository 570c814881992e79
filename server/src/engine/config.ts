import { isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { SEVERITIES, type RuleMeta, type RuleOption, type Severity } from './api';

/** A rule's setting: 'off', or a severity that replaces its default. */
export type RuleSetting = 'off' | Severity;

/**
 * A rule's entry in configuration: its setting, or an object with an optional `severity` and the
 * rule's options (`{ "minimumDays": 365 }`). Configuring a rule that is off by default turns it on.
 */
export type RuleEntry = RuleSetting | { readonly severity?: RuleSetting; readonly [option: string]: unknown };

/** What users configure, in `.pillar.json` or in VS Code's `pillar.*` settings. */
export interface PillarConfig {
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  /** Globs of files to analyze, relative to the workspace folder. */
  readonly include?: readonly string[];
  /** Globs of files never analyzed, relative to the workspace folder. */
  readonly exclude?: readonly string[];
  /** Largest file analyzed, in bytes. */
  readonly maxFileSize?: number;
  /** Only the rules named in `rules` run: a pinned rule set that new Pillar versions do not grow. */
  readonly onlyConfiguredRules?: boolean;
  /** Most findings reported for one document; one more finding says how many were left out. */
  readonly maxDiagnostics?: number;
}

export const CONFIG_FILE_NAME = '.pillar.json';

export const DEFAULT_INCLUDE: readonly string[] = ['**/*.yaml', '**/*.yml', '**/*.json', '**/*.template'];
export const DEFAULT_EXCLUDE: readonly string[] = [
  '**/node_modules/**', '**/.git/**', '**/cdk.out/**', '**/.aws-sam/**', '**/package.json', '**/package-lock.json', '**/tsconfig*.json',
  '**/.pillar.json',
];
/** CloudFormation accepts templates of at most 1 MB from S3; anything far larger is not a template. */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;
/** Enough for any real template; a mutated or generated one can produce hundreds of thousands. */
export const DEFAULT_MAX_DIAGNOSTICS = 500;

/** Validated configuration, as the engine and its callers use it. */
export interface ResolvedConfig {
  /** Rules whose setting the user chose. */
  readonly ruleSettings: ReadonlyMap<string, RuleSetting>;
  /** Options the user gave, validated against each rule's metadata; defaults are not included. */
  readonly ruleOptions: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxFileSize: number;
  readonly onlyConfiguredRules: boolean;
  readonly maxDiagnostics: number;
}

export class ConfigError extends Error {}

/** Merges configurations, later ones winning; rule settings and options merge rule by rule. */
export function resolveConfig(layers: readonly (PillarConfig | undefined)[], rules: ReadonlyMap<string, RuleMeta>): ResolvedConfig {
  const ruleSettings = new Map<string, RuleSetting>();
  const ruleOptions = new Map<string, Readonly<Record<string, unknown>>>();
  let include = DEFAULT_INCLUDE;
  let exclude = DEFAULT_EXCLUDE;
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  let onlyConfiguredRules = false;
  let maxDiagnostics = DEFAULT_MAX_DIAGNOSTICS;
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, entry] of Object.entries(layer.rules ?? {})) {
      const meta = rules.get(id);
      if (!meta) throw new ConfigError(`Unknown rule "${id}" in configuration.`);
      const { severity, options } = readEntry(meta, entry);
      if (severity !== undefined) ruleSettings.set(id, severity);
      if (options) ruleOptions.set(id, { ...ruleOptions.get(id), ...options });
    }
    if (layer.include?.length) include = [...layer.include];
    if (layer.exclude) exclude = [...DEFAULT_EXCLUDE, ...layer.exclude];
    if (layer.maxFileSize !== undefined) {
      if (!Number.isFinite(layer.maxFileSize) || layer.maxFileSize <= 0) throw new ConfigError('maxFileSize must be a positive number of bytes.');
      maxFileSize = layer.maxFileSize;
    }
    if (layer.onlyConfiguredRules !== undefined) onlyConfiguredRules = layer.onlyConfiguredRules;
    if (layer.maxDiagnostics !== undefined) {
      if (!Number.isInteger(layer.maxDiagnostics) || layer.maxDiagnostics < 1) throw new ConfigError('maxDiagnostics must be a whole number of at least 1.');
      maxDiagnostics = layer.maxDiagnostics;
    }
  }
  return { ruleSettings, ruleOptions, include, exclude, maxFileSize, onlyConfiguredRules, maxDiagnostics };
}

/**
 * Whether a rule runs: not turned off, and either configured by the user or on by default (unless
 * the configuration runs only the rules it names).
 */
export function isRuleEnabled(config: ResolvedConfig, meta: RuleMeta): boolean {
  const setting = config.ruleSettings.get(meta.id);
  if (setting === 'off') return false;
  const configured = setting !== undefined || config.ruleOptions.has(meta.id);
  return configured || (meta.enabledByDefault !== false && !config.onlyConfiguredRules);
}

/** A rule's options: its defaults, overridden by what the user configured. */
export function ruleOptionsOf(config: ResolvedConfig, meta: RuleMeta): Readonly<Record<string, unknown>> {
  const defaults = Object.fromEntries(Object.entries(meta.options ?? {}).map(([name, option]) => [name, option.default]));
  return { ...defaults, ...config.ruleOptions.get(meta.id) };
}

function readEntry(meta: RuleMeta, entry: RuleEntry): { severity?: RuleSetting; options?: Record<string, unknown> } {
  const checkSetting = (setting: unknown): RuleSetting => {
    if (setting !== 'off' && !SEVERITIES.includes(setting as Severity)) {
      throw new ConfigError(`Rule "${meta.id}": "${String(setting)}" is not one of off, ${SEVERITIES.join(', ')}.`);
    }
    return setting as RuleSetting;
  };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { severity: checkSetting(entry) };
  const { severity, ...options } = entry;
  for (const [name, value] of Object.entries(options)) {
    const option = meta.options?.[name];
    if (!option) {
      const known = Object.keys(meta.options ?? {});
      throw new ConfigError(`Rule "${meta.id}" has no option "${name}"${known.length > 0 ? ` (it has ${known.join(', ')})` : ''}.`);
    }
    if (!fitsOption(option, value)) throw new ConfigError(`Rule "${meta.id}": option "${name}" must be ${describeType(option)}.`);
  }
  return { severity: severity === undefined ? undefined : checkSetting(severity), options: Object.keys(options).length > 0 ? options : undefined };
}

function fitsOption(option: RuleOption, value: unknown): boolean {
  if (option.type === 'string[]') return Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (option.type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === option.type;
}

function describeType(option: RuleOption): string {
  return option.type === 'string[]' ? 'a list of strings' : `a ${option.type}`;
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
    if (!['rules', 'include', 'exclude', 'maxFileSize', 'maxDiagnostics', 'onlyConfiguredRules', '$schema'].includes(key)) throw new ConfigError(`${source}: unknown setting "${key}".`);
  }
  for (const key of ['include', 'exclude'] as const) {
    const globs = config[key];
    if (globs !== undefined && (!Array.isArray(globs) || globs.some((g) => typeof g !== 'string'))) throw new ConfigError(`${source}: "${key}" must be a list of glob strings.`);
  }
  if (config.onlyConfiguredRules !== undefined && typeof config.onlyConfiguredRules !== 'boolean') {
    throw new ConfigError(`${source}: "onlyConfiguredRules" must be true or false.`);
  }
  if (config.rules !== undefined && (typeof config.rules !== 'object' || config.rules === null || Array.isArray(config.rules))) {
    throw new ConfigError(`${source}: "rules" must map rule ids to off, error, warning, info, or an object of severity and options.`);
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
