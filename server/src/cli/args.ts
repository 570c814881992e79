import { parseArgs } from 'node:util';
import { CliError } from './errors';
import { FAIL_ON, type FailOn } from './report';

const SCAN_FORMATS = ['text', 'json', 'sarif', 'junit', 'gitlab'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];
const RULES_FORMATS = ['text', 'json'] as const;
type RulesFormat = (typeof RULES_FORMATS)[number];

export interface ScanCommand {
  readonly kind: 'scan';
  readonly paths: readonly string[];
  readonly format: ScanFormat;
  readonly failOn: FailOn;
  /** Exit 1 when more warnings than this are reported; undefined for no limit. */
  readonly maxWarnings: number | undefined;
  /** Report errors only (warnings and info still count for --fail-on and --max-warnings). */
  readonly quiet: boolean;
  readonly config?: string;
  readonly output?: string;
  /** --color or --no-color; undefined lets the terminal and the environment decide. */
  readonly color: boolean | undefined;
  /** --fix writes the fixed files; --fix-dry-run prints them as a diff. */
  readonly fix: 'write' | 'dry-run' | undefined;
  /** Also apply fixes that make CloudFormation replace the resource. */
  readonly fixReplacing: boolean;
  readonly baseline?: string;
  readonly writeBaseline?: string;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | ScanCommand
  | { readonly kind: 'rules'; readonly format: RulesFormat; readonly output?: string };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  config: { type: 'string', short: 'c' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'fix-replacing': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parse>['values'];

/** Each command: the options it accepts besides --help and --version, and how it reads them. */
const COMMANDS = {
  scan: {
    options: ['format', 'fail-on', 'max-warnings', 'quiet', 'config', 'output', 'color', 'no-color', 'fix', 'fix-dry-run', 'fix-replacing', 'baseline', 'write-baseline'],
    read: scanCommand,
  },
  rules: { options: ['format', 'output'], read: rulesCommand },
} as const satisfies Record<string, { options: readonly (keyof typeof OPTIONS)[]; read: (values: Values, rest: readonly string[]) => Command }>;

/** Parses argv (without node and the script); throws CliError on any usage mistake. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [name, ...rest] = positionals;
  const names = Object.keys(COMMANDS).join(' or ');
  if (name === undefined) throw new CliError(`missing command: ${names} (see pillar --help)`);
  if (!Object.hasOwn(COMMANDS, name)) throw new CliError(`unknown command "${name}": expected ${names} (see pillar --help)`);
  const command = COMMANDS[name as keyof typeof COMMANDS];
  const misplaced = Object.keys(values).find((option) => !(command.options as readonly string[]).includes(option));
  if (misplaced) throw new CliError(`--${misplaced} does not apply to ${name}`);
  return command.read(values, rest);
}

function rulesCommand(values: Values, rest: readonly string[]): Command {
  if (rest.length > 0) throw new CliError(`rules takes no arguments, got "${rest[0]}"`);
  return { kind: 'rules', format: oneOf('--format', values.format ?? 'text', RULES_FORMATS), output: values.output };
}

function scanCommand(values: Values, rest: readonly string[]): ScanCommand {
  if (rest.length === 0) throw new CliError('scan needs at least one file, folder or glob');
  const format = oneOf('--format', values.format ?? 'text', SCAN_FORMATS);
  if (values.fix && values['fix-dry-run']) throw new CliError('--fix and --fix-dry-run exclude each other: --fix writes the files, --fix-dry-run prints a diff');
  if (values['fix-replacing'] && !values.fix && !values['fix-dry-run']) throw new CliError('--fix-replacing goes with --fix or --fix-dry-run');
  if (values['fix-dry-run'] && values.format !== undefined) throw new CliError('--fix-dry-run prints a diff, so it takes no --format');
  if (values['fix-dry-run'] && values['write-baseline'] !== undefined) throw new CliError('--write-baseline records the files as they are, so it does not go with --fix-dry-run');
  if (values.color && values['no-color']) throw new CliError('--color and --no-color exclude each other');
  return {
    kind: 'scan',
    paths: rest,
    format,
    // The default fails CI on errors only: warnings are advice a team may accept for a while.
    failOn: oneOf('--fail-on', values['fail-on'] ?? 'error', FAIL_ON),
    maxWarnings: values['max-warnings'] === undefined ? undefined : count('--max-warnings', values['max-warnings']),
    quiet: values.quiet === true,
    config: values.config,
    output: values.output,
    color: values.color ? true : values['no-color'] ? false : undefined,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined,
    fixReplacing: values['fix-replacing'] === true,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
  };
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages end with advice about `--` that only confuses here; keep the first sentence.
    throw new CliError((error as Error).message.replace(/\. .*$/s, ''));
  }
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new CliError(`${option} must be one of ${allowed.join(', ')}, got "${value}"`);
}

function count(option: string, value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  throw new CliError(`${option} must be a whole number of 0 or more, got "${value}"`);
}
