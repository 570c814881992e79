import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, ConfigError, createPathFilter, parseConfigFile, pathWithin, resolveConfig, type PillarConfig, type ResolvedConfig } from '../engine/config';
import type { RuleMeta } from '../engine/api';
import { SETTINGS_SECTION, type PillarSettings } from '../protocol';

export interface DocumentConfig {
  readonly enabled: boolean;
  readonly config: ResolvedConfig;
  /** Whether the document's path passes the include/exclude globs. */
  readonly included: boolean;
}

/**
 * The configuration that applies to each document: `.pillar.json` in its workspace folder, then
 * the `pillar.*` settings for its resource. One cached promise per document, dropped when either
 * source changes.
 */
export class DocumentConfigs {
  private readonly cache = new Map<string, Promise<DocumentConfig>>();
  private readonly reported = new Set<string>();
  /** Settings a client pushes with didChangeConfiguration, for clients that cannot be asked for them. */
  private pushed: Partial<PillarSettings> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly rules: ReadonlyMap<string, RuleMeta>,
    private readonly capabilities: { readonly configuration: boolean },
    private readonly folders: () => readonly WorkspaceFolder[],
  ) {}

  get(uri: string): Promise<DocumentConfig> {
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.load(uri);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.reported.clear();
  }

  /** Takes the `pillar` section of a didChangeConfiguration notification (ignored when pulling). */
  push(settings: unknown): void {
    const section = (settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (section && typeof section === 'object') this.pushed = section as Partial<PillarSettings>;
  }

  /** The workspace folder path holding a file path, if any. */
  folderOf(path: string): string | undefined {
    const paths = this.folders().map((folder) => pathOf(folder.uri));
    return paths.filter((folder) => pathWithin(folder, path) !== undefined).sort((a, b) => b.length - a.length)[0];
  }

  private async load(uri: string): Promise<DocumentConfig> {
    const path = pathOf(uri);
    const folder = this.folderOf(path);
    const [fileConfig, settings] = await Promise.all([folder ? this.readConfigFile(folder) : undefined, this.settings(uri)]);
    const config = this.resolve([fileConfig, settingsLayer(settings)]);
    // Unsaved (untitled) documents have no path to filter; they are analyzed by content alone.
    const included = !uri.startsWith('file:') || createPathFilter(config)((folder && pathWithin(folder, path)) || path.replace(/^[/\\]+/, '').split(sep).join('/'));
    return { enabled: settings?.enable !== false, config, included };
  }

  /** A layer with a mistake is left out (and reported once); the valid ones still apply. */
  private resolve(layers: (PillarConfig | undefined)[]): ResolvedConfig {
    const valid = layers.filter((layer) => {
      try {
        resolveConfig([layer], this.rules);
        return true;
      } catch (error) {
        this.warnOnce(error);
        return false;
      }
    });
    return resolveConfig(valid, this.rules);
  }

  private async readConfigFile(folder: string): Promise<PillarConfig | undefined> {
    const file = join(folder, CONFIG_FILE_NAME);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return undefined; // no config file: defaults apply
    }
    try {
      return parseConfigFile(text, file);
    } catch (error) {
      this.warnOnce(error);
      return undefined;
    }
  }

  private async settings(uri: string): Promise<Partial<PillarSettings> | undefined> {
    if (!this.capabilities.configuration) return this.pushed;
    try {
      return (await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })) ?? undefined;
    } catch (error) {
      this.connection.console.error(`Could not read the pillar settings: ${String(error)}`);
      return undefined;
    }
  }

  private warnOnce(error: unknown): void {
    const message = error instanceof ConfigError ? error.message : String(error);
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.connection.console.warn(message);
    void this.connection.window.showWarningMessage(`Pillar configuration: ${message}`);
  }
}

function settingsLayer(settings: Partial<PillarSettings> | undefined): PillarConfig | undefined {
  if (!settings) return undefined;
  return {
    rules: settings.rules,
    include: settings.include?.length ? settings.include : undefined,
    exclude: settings.exclude,
    maxFileSize: settings.maxFileSize,
    maxDiagnostics: settings.maxDiagnostics,
  };
}

/** File path of a `file:` URI; other schemes (`untitled:`) keep their path part. */
export function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri.replace(/^[a-z-]+:/i, '');
}
