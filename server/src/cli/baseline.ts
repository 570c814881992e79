import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Finding } from '../engine/api';
import { CliError, ioError } from './errors';
import { identityOf } from './identity';
import type { ReportedFinding } from './report';
import { TOOL } from './tool';

/** The format of the baseline file; a reader refuses other versions rather than misread them. */
export const BASELINE_VERSION = 1;

/** One known finding: its identity (no line numbers) and, for people reviewing the file, its message. */
export interface BaselineEntry {
  /** Relative to the baseline file's folder, with forward slashes, so the baseline works from any working directory. */
  readonly file: string;
  readonly ruleId: string;
  readonly resource: string | null;
  readonly path: string;
  readonly message: string;
}

export interface Baseline {
  readonly folder: string;
  readonly entries: readonly BaselineEntry[];
}

export interface BaselineMatch {
  readonly fresh: readonly ReportedFinding[];
  readonly known: number;
  readonly stale: readonly BaselineEntry[];
}

/** Reads a baseline; a missing, unreadable or malformed one is a CliError naming it. */
export function readBaseline(file: string, cwd: string): Baseline {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw ioError('read baseline', file, error);
  }
  return { folder: dirname(path), entries: parseBaseline(text, file) };
}

/**
 * Records the rule findings of the scanned files in the baseline file. Entries for files this
 * run did not scan are kept, so a scan of part of a repository updates only that part.
 */
export function writeBaseline(file: string, cwd: string, findings: readonly Finding[], scanned: readonly string[]): number {
  const path = resolve(cwd, file);
  const folder = dirname(path);
  const scannedHere = new Set(scanned.map((absolute) => relativeTo(folder, absolute)));
  const kept = existsSync(path) ? readBaseline(file, cwd).entries.filter((entry) => !scannedHere.has(entry.file)) : [];
  const recorded = findings
    .filter((finding) => finding.area !== null)
    .map((finding) => ({ file: relativeTo(folder, resolve(cwd, finding.file)), ruleId: finding.ruleId, resource: finding.resource, path: finding.path ?? '', message: finding.message }));
  const entries = [...kept, ...recorded].sort(compareEntries);
  try {
    writeFileSync(path, `${JSON.stringify({ version: BASELINE_VERSION, generator: `${TOOL.name} ${TOOL.version}`, findings: entries }, null, 2)}\n`);
  } catch (error) {
    throw ioError('write baseline', file, error);
  }
  return recorded.length;
}

/**
 * Splits the findings into new ones and those the baseline knows. Identities are compared with
 * their count: a baseline with two entries at one identity hides two findings there, not three.
 * The engine's own findings (parse errors, failed rules) are never hidden. Entries of scanned
 * files that match nothing are stale.
 */
export function matchBaseline(baseline: Baseline, findings: readonly ReportedFinding[], scanned: readonly string[], cwd: string): BaselineMatch {
  const scannedHere = new Set(scanned.map((absolute) => relativeTo(baseline.folder, absolute)));
  const waiting = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) {
    if (!scannedHere.has(entry.file)) continue;
    const identity = identityOf(entry, entry.file);
    const same = waiting.get(identity);
    if (same) same.push(entry);
    else waiting.set(identity, [entry]);
  }
  const fresh: ReportedFinding[] = [];
  let known = 0;
  for (const finding of findings) {
    const entries = finding.area === null ? undefined : waiting.get(identityOf(finding, relativeTo(baseline.folder, resolve(cwd, finding.file))));
    if (entries?.length) {
      entries.shift();
      known++;
    } else fresh.push(finding);
  }
  return { fresh, known, stale: [...waiting.values()].flat().sort(compareEntries) };
}

function parseBaseline(text: string, file: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`baseline ${file} is not valid JSON (${(error as Error).message})`);
  }
  const record = data as { version?: unknown; findings?: unknown };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CliError(`baseline ${file} is not a Pillar baseline (expected an object with "version" and "findings")`);
  if (record.version !== BASELINE_VERSION) throw new CliError(`baseline ${file} has version ${JSON.stringify(record.version)}; this Pillar reads version ${BASELINE_VERSION}`);
  if (!Array.isArray(record.findings)) throw new CliError(`baseline ${file} has no "findings" list`);
  return record.findings.map((entry: unknown, index: number) => {
    const e = entry as Partial<Record<keyof BaselineEntry, unknown>>;
    const valid = typeof entry === 'object' && entry !== null && typeof e.file === 'string' && typeof e.ruleId === 'string' && typeof e.path === 'string' && (e.resource === null || typeof e.resource === 'string');
    if (!valid) throw new CliError(`baseline ${file}: finding ${index + 1} needs "file", "ruleId", "path" (strings) and "resource" (a string or null)`);
    return { file: e.file as string, ruleId: e.ruleId as string, resource: e.resource as string | null, path: e.path as string, message: typeof e.message === 'string' ? e.message : '' };
  });
}

function relativeTo(folder: string, absolute: string): string {
  return relative(folder, absolute).split(sep).join('/');
}

/** By file, resource, path, rule and message, in code-unit order: the same file on every machine, whatever its locale. */
function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const keys = (e: BaselineEntry) => [e.file, e.resource ?? '', e.path, e.ruleId, e.message];
  const [x, y] = [keys(a), keys(b)];
  const index = x.findIndex((value, i) => value !== y[i]);
  return index < 0 ? 0 : x[index] < y[index] ? -1 : 1;
}
