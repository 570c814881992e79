import { RULES } from '../../../../rules';
import { resolveConfig } from '../../engine/config';
import { Engine } from '../../engine/engine';
import { formatPostureHtml } from '../../posture/format-html';
import { formatPostureJson } from '../../posture/format-json';
import { formatPostureMarkdown } from '../../posture/format-markdown';
import { loadPosture } from '../../aws/load';
import type { PostureReport } from '../../posture/report';
import { postureReachesThreshold } from '../../posture/summary';
import { CliError } from '../errors';
import { emit, type Io } from '../io';
import { parsePostureCommand, type PostureCommand } from './args';
import { formatPostureSarif } from './format-sarif';
import { formatPostureText } from './format-text';

/**
 * `pillar posture`: scans the live account (read-only calls), prints the report, and exits like
 * `scan`: 0 nothing at or above --fail-on, 1 something is, 2 a usage, credentials or output error.
 */
export async function runPosture(argv: readonly string[], io: Io, signal?: AbortSignal): Promise<number> {
  try {
    const command = parsePostureCommand(argv);
    const engine = new Engine(RULES);
    const config = resolveConfig([], new Map(engine.metas.map((meta) => [meta.id, meta])));
    const posture = loadPosture();
    let report: PostureReport;
    try {
      report = await posture.scanPosture({
        profile: command.profile,
        region: command.region,
        regions: command.regions,
        endpoint: command.endpoint,
        orgRole: command.orgRole,
        signal,
        analyzeTemplate: (text, name) => engine.analyze(text, name, config).findings,
      });
    } catch (error) {
      if (error instanceof posture.PostureError) throw new CliError(error.fix ? `${error.message} To fix it, run: ${error.fix}` : error.message);
      throw error;
    }
    emit(format(command, report, engine), command.output, io);
    return postureReachesThreshold(report, command.failOn) ? 1 : 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if ((error as { name?: string })?.name === 'AbortError') io.stderr.write('pillar: posture scan cancelled\n');
    else io.stderr.write(`pillar: ${error instanceof CliError ? message : `posture scan failed: ${message}`}\n`);
    return 2;
  }
}

function format(command: PostureCommand, report: PostureReport, engine: Engine): string {
  switch (command.format) {
    case 'text':
      return formatPostureText(report);
    case 'json':
      return formatPostureJson(report);
    case 'sarif':
      return formatPostureSarif(report, engine.metas);
    case 'markdown':
      return formatPostureMarkdown(report);
    case 'html':
      return formatPostureHtml(report);
  }
}
