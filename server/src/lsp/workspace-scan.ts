import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../engine/api';
import type { ScanWorkspaceResult } from '../protocol';

export interface ScanTarget {
  readonly folder: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/**
 * Analyzes every template in the workspace folders, reporting progress, and hands each file's
 * findings to `publish`. `textOf` gives an open document's editor text, or reads the file.
 */
export async function scanWorkspace(
  connection: Connection,
  targets: readonly ScanTarget[],
  textOf: (uri: string, path: string) => Promise<string>,
  analyzeFile: (uri: string, text: string) => Promise<{ template: boolean; findings: readonly Finding[] }>,
  publish: (uri: string, findings: readonly Finding[]) => void,
): Promise<ScanWorkspaceResult> {
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Pillar: scanning workspace', 0, 'Finding templates…', true);
  const bySeverity = { error: 0, warning: 0, info: 0 };
  let files = 0;
  let templates = 0;
  try {
    const paths = (await Promise.all(targets.map((t) => glob([...t.include], { cwd: t.folder, ignore: [...t.exclude], absolute: true, dot: true })))).flat();
    for (const [index, path] of paths.entries()) {
      if (progress.token.isCancellationRequested) break;
      progress.report(Math.round((index / paths.length) * 100), path);
      const uri = pathToFileURL(path).toString();
      files++;
      let text: string;
      try {
        text = await textOf(uri, path);
      } catch (error) {
        connection.console.warn(`Could not read ${path}: ${String(error)}`);
        continue;
      }
      const result = await analyzeFile(uri, text);
      if (result.template) templates++;
      for (const finding of result.findings) bySeverity[finding.severity]++;
      publish(uri, result.findings);
    }
  } finally {
    progress.done();
  }
  return { files, templates, findings: bySeverity.error + bySeverity.warning + bySeverity.info, bySeverity };
}
