import { AccessAnalyzerClient, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import type { AccessAnalyzer, Collected } from '../engine/account';
import { collect, type AwsSession } from './session';

export function collectAccessAnalyzers(session: AwsSession, region: string): Promise<Collected<AccessAnalyzer[]>> {
  return collect('access-analyzer:ListAnalyzers', region, async () => {
    const analyzers: AccessAnalyzer[] = [];
    for await (const page of paginateListAnalyzers({ client: session.client(AccessAnalyzerClient, region) }, {})) {
      for (const a of page.analyzers ?? []) analyzers.push({ name: a.name ?? '', arn: a.arn ?? '', type: a.type ?? '', active: a.status === 'ACTIVE' });
    }
    return analyzers;
  });
}
