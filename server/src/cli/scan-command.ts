import { resolve } from 'node:path';
import type { Engine } from '../engine/engine';
import type { LineIndex } from '../engine/positions';
import type { ScanCommand } from './args';
import { matchBaseline, readBaseline, writeBaseline } from './baseline';
import { wantsColor } from './color';
import { loadConfig } from './config-file';
import { discoverFiles } from './files';
import { formatGitlab } from './formatters/gitlab';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { numberOccurrences } from './identity';
import { reachesThreshold, type ScanReport } from './report';
import { notificationsOf, scanFiles } from './scan';
import { emit, type Io } from './io';

/**
 * `pillar scan`: analyze (and with --fix, fix) the files, record or apply a baseline, report in
 * the chosen format, and return the exit code: 1 when a new finding reaches --fail-on or the
 * warnings exceed --max-warnings, 2 when a fixed file could not be written.
 */
export function runScan(command: ScanCommand, engine: Engine, io: Io): number {
  const { config, root } = loadConfig(command.config, io.cwd, engine.metasById);
  // The baseline is Pillar's own file, not a template to analyze.
  const baselines = new Set([command.baseline, command.writeBaseline].flatMap((file) => (file === undefined ? [] : [resolve(io.cwd, file)])));
  const files = discoverFiles(command.paths, config, root, io.cwd).filter((file) => !baselines.has(file));
  const fix = command.fix && { write: command.fix === 'write', replacing: command.fixReplacing };
  const scan = scanFiles(engine, files, config, io.cwd, fix);
  const say = (line: string) => io.stderr.write(`pillar: ${line}\n`);
  scan.notes.forEach(say);

  const findings = scan.files.flatMap((file) => numberOccurrences(file.findings));
  if (command.writeBaseline !== undefined) {
    const written = writeBaseline(command.writeBaseline, io.cwd, findings, files);
    say(`recorded ${written} finding${written === 1 ? '' : 's'} in the baseline ${command.writeBaseline}.`);
  }
  const baselineFile = command.baseline ?? command.writeBaseline;
  const match = baselineFile === undefined ? undefined : matchBaseline(readBaseline(baselineFile, io.cwd), findings, files, io.cwd);
  const fresh = match?.fresh ?? findings;

  // --quiet hides warnings and info; they still count towards the exit code, which gates CI.
  const shown = command.quiet ? fresh.filter((finding) => finding.severity === 'error') : fresh;
  const lines = new Map<string, LineIndex>(scan.files.flatMap((file) => (file.lines ? [[file.path, file.lines] as const] : [])));
  const report: ScanReport = {
    files: scan.files.map((file) => file.path),
    findings: shown,
    lines,
    notifications: scan.files.flatMap(notificationsOf),
    fixed: fix ? scan.files.flatMap((file) => file.fixed) : undefined,
    baseline: match && baselineFile !== undefined ? { file: baselineFile, known: match.known, stale: match.stale } : undefined,
    hiddenByQuiet: fresh.length - shown.length,
  };

  let code = reachesThreshold(fresh, command.failOn) ? 1 : 0;
  const warnings = fresh.filter((finding) => finding.severity === 'warning').length;
  const tooManyWarnings = command.maxWarnings !== undefined && warnings > command.maxWarnings;
  if (tooManyWarnings) code = 1;

  if (command.fix === 'dry-run') {
    emit(scan.files.map((file) => file.diff).join(''), command.output, io);
    const fixed = report.fixed ?? [];
    const changed = new Set(fixed.map((entry) => entry.file)).size;
    say(`--fix-dry-run: ${fixed.length} fix${fixed.length === 1 ? '' : 'es'} in ${changed} file${changed === 1 ? '' : 's'} would be applied; nothing was written.`);
  } else emit(format(command, report, engine, io), command.output, io);
  if (tooManyWarnings) say(`${warnings} warnings, more than --max-warnings ${command.maxWarnings}${command.quiet ? ' (not shown with --quiet)' : ''}.`);
  return scan.writeFailed ? 2 : code;
}

function format(command: ScanCommand, report: ScanReport, engine: Engine, io: Io): string {
  switch (command.format) {
    case 'text':
      return formatText(report, wantsColor(command.color, command.output !== undefined, io.stdout.isTTY === true, io.env));
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, engine.metas, io.cwd);
    case 'junit':
      return formatJunit(report, engine.metas);
    case 'gitlab':
      return formatGitlab(report);
  }
}
