import { parseArgs } from 'node:util';
import { CliError } from './errors';
import { FAIL_ON, type FailOn } from './report';

const SCAN_FORMATS = ['text', 'json', 'sarif'] as const;
type ScanFormat = (typeof SCAN_FORMATS)[number];
const RULES_FORMATS = ['text', 'json'] as const;
type RulesFormat = (typeof RULES_FORMATS)[number];

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'scan'; readonly paths: readonly string[]; readonly format: ScanFormat; readonly failOn: FailOn; readonly config?: string; readonly output?: string }
  | { readonly kind: 'rules'; readonly format: RulesFormat; readonly output?: string };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  config: { type: 'string', short: 'c' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Options each command accepts besides --help and --version. */
const ALLOWED: Readonly<Record<'scan' | 'rules', readonly string[]>> = {
  scan: ['format', 'fail-on', 'config', 'output'],
  rules: ['format', 'output'],
};

/** Parses argv (without node and the script); throws CliError on any usage mistake. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parse(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [name, ...rest] = positionals;
  if (name === undefined) throw new CliError('missing command: scan or rules (see pillar --help)');
  if (name !== 'scan' && name !== 'rules') throw new CliError(`unknown command "${name}": expected scan or rules (see pillar --help)`);
  const misplaced = Object.keys(values).find((option) => !ALLOWED[name].includes(option));
  if (misplaced) throw new CliError(`--${misplaced} does not apply to ${name}`);
  if (name === 'rules') {
    if (rest.length > 0) throw new CliError(`rules takes no arguments, got "${rest[0]}"`);
    return { kind: 'rules', format: oneOf('--format', values.format ?? 'text', RULES_FORMATS), output: values.output };
  }
  if (rest.length === 0) throw new CliError('scan needs at least one file, folder or glob');
  return {
    kind: 'scan',
    paths: rest,
    format: oneOf('--format', values.format ?? 'text', SCAN_FORMATS),
    // The default fails CI on errors only: warnings are advice a team may accept for a while.
    failOn: oneOf('--fail-on', values['fail-on'] ?? 'error', FAIL_ON),
    config: values.config,
    output: values.output,
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
