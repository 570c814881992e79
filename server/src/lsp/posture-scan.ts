import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { AnalyzeTemplate } from '../aws/collect-stacks';
import { loadPosture } from '../aws/load';
import type { PostureScanParams, PostureScanResult } from '../protocol';

/**
 * Answers the client's posture scan request: loads the posture bundle (the AWS SDK) only now,
 * reports progress on the client's work-done token, and stops the scan on cancellation.
 */
export async function postureScan(connection: Connection, params: PostureScanParams, token: CancellationToken, analyzeTemplate: AnalyzeTemplate): Promise<PostureScanResult> {
  const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
  const controller = new AbortController();
  const cancelled = token.onCancellationRequested(() => controller.abort());
  progress.begin('Pillar: scanning the AWS account', 0, params.profile ? `profile ${params.profile}` : 'default credentials', true);
  const posture = loadPosture();
  try {
    const report = await posture.scanPosture({
      profile: params.profile,
      region: params.region,
      regions: params.regions,
      endpoint: params.endpoint,
      orgRole: params.orgRole,
      signal: controller.signal,
      analyzeTemplate,
      onProgress: (message, fraction) => progress.report(Math.round(fraction * 100), message),
    });
    return { report };
  } catch (error) {
    if (controller.signal.aborted) return { cancelled: true };
    if (error instanceof posture.PostureError) return { error: { message: error.message, fix: error.fix, kind: error.kind } };
    // Only the message: an SDK error object can carry request details that do not belong in a log.
    const message = error instanceof Error ? error.message : String(error);
    connection.console.error(`Posture scan failed: ${message}`);
    return { error: { message: `The scan failed: ${message}`, kind: 'failed' } };
  } finally {
    cancelled.dispose();
    progress.done();
  }
}
