import { RULES } from '../../../rules';
import { ConfigError } from '../engine/config';
import { Engine } from '../engine/engine';
import { parseCommand, type Command } from './args';
import { CliError } from './errors';
import { formatRulesJson, formatRulesText } from './formatters/rules';
import { HELP } from './help';
import { emit, type Io } from './io';
import { runScan } from './scan-command';
import { TOOL } from './tool';

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
  switch (command.kind) {
    case 'help':
      io.stdout.write(HELP);
      return 0;
    case 'version':
      io.stdout.write(`${TOOL.version}\n`);
      return 0;
    case 'rules': {
      const metas = new Engine(RULES).metas;
      emit(command.format === 'json' ? formatRulesJson(metas) : formatRulesText(metas), command.output, io);
      return 0;
    }
    case 'scan':
      return runScan(command, new Engine(RULES), io);
  }
}
