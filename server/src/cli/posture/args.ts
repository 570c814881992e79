import { parseArgs } from 'node:util';
import { CliError } from '../errors';
import { FAIL_ON, type FailOn } from '../report';

export const POSTURE_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
export type PostureFormat = (typeof POSTURE_FORMATS)[number];

export interface PostureCommand {
  readonly profile?: string;
  readonly region?: string;
  readonly regions?: 'all' | readonly string[];
  readonly endpoint?: string;
  readonly orgRole?: string;
  readonly format: PostureFormat;
  readonly output?: string;
  readonly failOn: FailOn;
}

const OPTIONS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  regions: { type: 'string' },
  endpoint: { type: 'string' },
  'org-role': { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
} as const;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Parses `pillar posture`'s options (argv after the command name); throws CliError on any usage mistake. */
export function parsePostureCommand(argv: readonly string[]): PostureCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message.replace(/\. .*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw new CliError(`posture takes no arguments, got "${positionals[0]}"`);
  const format = oneOf('--format', values.format ?? 'text', POSTURE_FORMATS);
  const failOn = oneOf('--fail-on', values['fail-on'] ?? 'error', FAIL_ON);
  if (values.region !== undefined && !REGION.test(values.region)) throw new CliError(`--region must be a region name such as us-east-1, got "${values.region}"`);
  let regions: PostureCommand['regions'];
  if (values.regions !== undefined) {
    const list = values.regions.split(',').map((r) => r.trim()).filter(Boolean);
    if (list.length === 1 && list[0] === 'all') regions = 'all';
    else {
      const bad = list.find((r) => !REGION.test(r));
      if (list.length === 0 || bad !== undefined) throw new CliError(`--regions must be "all" or a comma-separated list of regions, got "${values.regions}"`);
      regions = list;
    }
  }
  if (values.endpoint !== undefined && !/^https?:\/\/[^/]/.test(values.endpoint)) throw new CliError(`--endpoint must be an http(s) URL, got "${values.endpoint}"`);
  if (values['org-role'] !== undefined && !/^[\w+=,.@/-]{1,512}$/.test(values['org-role'])) throw new CliError(`--org-role must be an IAM role name, got "${values['org-role']}"`);
  return { profile: values.profile, region: values.region, regions, endpoint: values.endpoint, orgRole: values['org-role'], format, output: values.output, failOn };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new CliError(`${option} must be one of ${allowed.join(', ')}, got "${value}"`);
}
