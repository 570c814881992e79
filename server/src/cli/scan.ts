import { readFileSync } from 'node:fs';
import type { ResolvedConfig } from '../engine/config';
import type { Analysis, Engine } from '../engine/engine';
import { ENGINE_CHECKS } from '../engine/engine-checks';
import type { LineIndex } from '../engine/positions';
import { replaceFile, type FileOps } from './atomic-write';
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

/**
 * Analyzes each file in order, and with a fix mode fixes it first. A file that cannot be read
 * stops the scan with a CliError; a file that cannot be fixed or written is left as it was, with
 * a note, and the scan goes on.
 */
export function scanFiles(engine: Engine, files: readonly string[], config: ResolvedConfig, cwd: string, fix?: FixMode): Scan {
  const scanned: ScannedFile[] = [];
  const notes: string[] = [];
  let writeFailed = false;
  for (const absolute of files) {
    const path = displayPath(absolute, cwd);
    let raw: Buffer;
    try {
      raw = readFileSync(absolute);
    } catch (error) {
      throw ioError('read', path, error);
    }
    const decoded = raw.toString('utf8');
    // Editors drop a byte order mark; dropping it too keeps columns on line 1 the same as theirs.
    const bom = decoded.startsWith(BOM) ? BOM : '';
    const text = decoded.slice(bom.length);
    const file = (analysis: Analysis, fixed: readonly FixedFinding[] = [], diff = ''): ScannedFile => ({
      absolute,
      path,
      findings: analysis.findings,
      ruleErrors: analysis.ruleErrors,
      lines: analysis.findings.some((finding) => finding.fixes.length > 0) ? analysis.source?.lines : undefined,
      fixed,
      diff,
    });
    const unfixed = (note?: string) => {
      if (note) notes.push(note);
      return file(engine.analyze(text, path, config));
    };
    if (!fix) {
      scanned.push(unfixed());
      continue;
    }
    // Writing back text that was not valid UTF-8 would replace the bytes that were not.
    if (!Buffer.from(decoded, 'utf8').equals(raw)) {
      scanned.push(unfixed(`${path} is not valid UTF-8; it was not fixed.`));
      continue;
    }
    let outcome: ReturnType<typeof fixText>;
    try {
      outcome = fixText(engine, text, path, config, fix.replacing);
    } catch (error) {
      scanned.push(unfixed(`${path} could not be fixed (${error instanceof Error ? error.message : String(error)}); it was left as it was (please report it).`));
      continue;
    }
    if (outcome.stopped) notes.push(`${path}: ${outcome.stopped}.`);
    const fixed = outcome.applied.map((applied) => fixedFinding(path, applied));
    if (fixed.length === 0 || !fix.write) {
      scanned.push(file(outcome.analysis, fixed, fixed.length === 0 ? '' : unifiedDiff(path, decoded, bom + outcome.text)));
      continue;
    }
    try {
      const result = replaceFile(absolute, raw, bom + outcome.text, fix.ops);
      if (result === 'written') scanned.push(file(outcome.analysis, fixed));
      else if (result === 'changed') scanned.push(unfixed(`${path} changed on disk during the scan; it was left as it is (run the scan again to fix it).`));
      else scanned.push(unfixed(`${path} has other hard links, which replacing it would break; it was not fixed.`));
    } catch (error) {
      writeFailed = true;
      scanned.push(unfixed(`${ioError('write', path, error).message}; the file was left as it was.`));
    }
  }
  return { files: scanned, notes, writeFailed };
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
