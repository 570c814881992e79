import { readFileSync } from 'node:fs';
import type { ResolvedConfig } from '../engine/config';
import type { Analysis, Engine } from '../engine/engine';
import { ENGINE_CHECKS } from '../engine/engine-checks';
import type { LineIndex } from '../engine/positions';
import { replaceFile, type FileOps, type Replacement } from './atomic-write';
import { fixText, type AppliedFix } from './autofix';
import { unifiedDiff } from './diff';
import { ioError } from './errors';
import { displayPath } from './files';
import type { EngineNotification, FixedFinding } from './report';

export interface FixMode {
  /** Write the fixed files, or only show them as a diff. */
  readonly write: boolean;
  /** Also apply fixes that replace the resource. */
  readonly replacing: boolean;
  /** The file operations that write a fixed file; tests pass failing ones. */
  readonly ops?: FileOps;
}

export interface ScannedFile {
  readonly absolute: string;
  /** Relative to the working directory with forward slashes, absolute outside it. */
  readonly path: string;
  /** The findings of the file as it now is (or, with --fix-dry-run, would be), and the rules that failed on it. */
  readonly findings: Analysis['findings'];
  readonly ruleErrors: Analysis['ruleErrors'];
  /** Kept only where a finding has fixes, whose edits SARIF places by line. */
  readonly lines: LineIndex | undefined;
  readonly fixed: readonly FixedFinding[];
  /** With --fix-dry-run, the fixes as a unified diff. */
  readonly diff: string;
}

export interface Scan {
  readonly files: readonly ScannedFile[];
  /** What the user must hear about (a file not fixed, and why), one line each. */
  readonly notes: readonly string[];
  /** A fixed file could not be written: the scan still reports, and exits with 2. */
  readonly writeFailed: boolean;
}

const BOM = '\ufeff';

/** A file as read: its bytes, and its text without the byte order mark (kept apart, to write back). */
interface Source {
  readonly absolute: string;
  readonly path: string;
  readonly raw: Buffer;
  readonly bom: string;
  readonly text: string;
}

/**
 * Analyzes each file in order, and with a fix mode fixes it first. A file that cannot be read
 * stops the scan with a CliError; a file that cannot be fixed or written is left as it was, with
 * a note, and the scan goes on.
 */
export function scanFiles(engine: Engine, files: readonly string[], config: ResolvedConfig, cwd: string, fix?: FixMode): Scan {
  const notes: string[] = [];
  let writeFailed = false;
  const scanned = files.map((absolute) => {
    const source = read(absolute, displayPath(absolute, cwd));
    if (!fix) return scannedFile(source, engine.analyze(source.text, source.path, config));
    const outcome = fixFile(engine, source, config, fix);
    notes.push(...outcome.notes);
    writeFailed ||= outcome.writeFailed;
    return outcome.file;
  });
  return { files: scanned, notes, writeFailed };
}

function read(absolute: string, path: string): Source {
  let raw: Buffer;
  try {
    raw = readFileSync(absolute);
  } catch (error) {
    throw ioError('read', path, error);
  }
  const decoded = raw.toString('utf8');
  // Editors drop a byte order mark; dropping it too keeps columns on line 1 the same as theirs.
  const bom = decoded.startsWith(BOM) ? BOM : '';
  return { absolute, path, raw, bom, text: decoded.slice(bom.length) };
}

/** Fixes one file in memory, then writes it (or, for a dry run, diffs it); on any failure the file stays as it was. */
function fixFile(engine: Engine, source: Source, config: ResolvedConfig, fix: FixMode): { file: ScannedFile; notes: string[]; writeFailed: boolean } {
  const { path, raw, bom, text } = source;
  const unfixed = (note: string, writeFailed = false) => ({ file: scannedFile(source, engine.analyze(text, path, config)), notes: [note], writeFailed });
  // Writing back text that was not valid UTF-8 would replace the bytes that were not.
  if (!Buffer.from(bom + text, 'utf8').equals(raw)) return unfixed(`${path} is not valid UTF-8; it was not fixed.`);
  let outcome: ReturnType<typeof fixText>;
  try {
    outcome = fixText(engine, text, path, config, fix.replacing);
  } catch (error) {
    return unfixed(`${path} could not be fixed (${error instanceof Error ? error.message : String(error)}); it was left as it was (please report it).`);
  }
  const notes = outcome.stopped ? [`${path}: ${outcome.stopped}.`] : [];
  const fixed = outcome.applied.map((applied) => fixedFinding(path, applied));
  if (fixed.length === 0 || !fix.write) {
    const diff = fixed.length === 0 ? '' : unifiedDiff(path, bom + text, bom + outcome.text);
    return { file: scannedFile(source, outcome.analysis, fixed, diff), notes, writeFailed: false };
  }
  let result: Replacement;
  try {
    result = replaceFile(source.absolute, raw, bom + outcome.text, fix.ops);
  } catch (error) {
    return unfixed(`${ioError('write', path, error).message}; the file was left as it was.`, true);
  }
  if (result === 'changed') return unfixed(`${path} changed on disk during the scan; it was left as it is (run the scan again to fix it).`);
  if (result === 'linked') return unfixed(`${path} has other hard links, which replacing it would break; it was not fixed.`);
  return { file: scannedFile(source, outcome.analysis, fixed), notes, writeFailed: false };
}

function scannedFile(source: Source, analysis: Analysis, fixed: readonly FixedFinding[] = [], diff = ''): ScannedFile {
  return {
    absolute: source.absolute,
    path: source.path,
    findings: analysis.findings,
    ruleErrors: analysis.ruleErrors,
    lines: analysis.findings.some((finding) => finding.fixes.length > 0) ? analysis.source?.lines : undefined,
    fixed,
    diff,
  };
}

function fixedFinding(file: string, { finding, fix }: AppliedFix): FixedFinding {
  return { file, ruleId: finding.ruleId, severity: finding.severity, resource: finding.resource, path: finding.path ?? '', message: finding.message, fix: fix.title };
}

/** The file's problems with the analysis itself: what it could not read, and the rules that failed. */
export function notificationsOf(file: ScannedFile): EngineNotification[] {
  const { path } = file;
  const reading = file.findings
    .filter((finding) => finding.ruleId === ENGINE_CHECKS.parseError.id || finding.ruleId === ENGINE_CHECKS.inputLimit.id)
    .map((finding) => ({ file: path, checkId: finding.ruleId, level: finding.severity, message: finding.message, range: finding.range }));
  const failed = file.ruleErrors.map(({ ruleId, error }) => ({
    file: path,
    checkId: ENGINE_CHECKS.ruleError.id,
    level: ENGINE_CHECKS.ruleError.severity,
    message: `Rule ${ruleId} failed on this file; the other rules still ran.`,
    ruleId,
    exception: { kind: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : String(error) },
  }));
  return [...reading, ...failed];
}
