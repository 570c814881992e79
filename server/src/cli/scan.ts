import { readFileSync } from 'node:fs';
import type { Finding } from '../engine/api';
import type { ResolvedConfig } from '../engine/config';
import type { Engine } from '../engine/engine';
import { ioError } from './errors';
import { displayPath } from './files';
import type { ScanReport } from './report';

/** Analyzes each file in order; a file that cannot be read stops the scan with a CliError. */
export function scanFiles(engine: Engine, files: readonly string[], config: ResolvedConfig, cwd: string): ScanReport {
  const shown: string[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    const path = displayPath(file, cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw ioError('read', path, error);
    }
    // Editors drop a byte order mark; dropping it too keeps columns on line 1 the same as theirs.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    shown.push(path);
    findings.push(...engine.analyze(text, path, config).findings);
  }
  return { files: shown, findings };
}
