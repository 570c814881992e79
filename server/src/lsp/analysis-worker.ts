/**
 * The language server's analyses run here, off the thread that answers requests: a slow or
 * hostile document delays no hover, code action or completion, and a worker that runs over its
 * time or memory budget is ended without taking the server with it.
 */
import { parentPort } from 'node:worker_threads';
import { RULES } from '../../../rules/index';
import { Engine, type Analysis } from '../engine/engine';
import { iamCatalogLoader } from '../iam-catalog-file';
import type { AnalysisRequest, AnalysisResponse, WorkerMessage } from './analysis-pool';

const engine = new Engine(RULES, { iamCatalog: iamCatalogLoader() });
/** Each document's last analysis, so that the next one re-parses only what an edit touched. */
const previous = new Map<string, Analysis>();

parentPort!.on('message', (message: WorkerMessage) => {
  if (message.type === 'forget') {
    previous.delete(message.uri);
    return;
  }
  parentPort!.postMessage(analyze(message));
});

function analyze(request: AnalysisRequest): AnalysisResponse {
  const started = performance.now();
  try {
    const analysis = engine.analyze(request.text, request.file, request.config, request.uri ? previous.get(request.uri) : undefined);
    if (request.uri) previous.set(request.uri, analysis);
    return {
      id: request.id,
      kind: analysis.kind,
      findings: analysis.findings,
      ruleErrors: analysis.ruleErrors.map(({ ruleId, error }) => ({ ruleId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })),
      hasPolicies: (analysis.model?.policies.length ?? 0) > 0,
      catalogError: engine.catalogError === undefined ? undefined : String(engine.catalogError),
      elapsedMs: performance.now() - started,
    };
  } catch (error) {
    if (request.uri) previous.delete(request.uri);
    return { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error), elapsedMs: performance.now() - started };
  }
}
