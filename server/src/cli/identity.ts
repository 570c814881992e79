import { createHash } from 'node:crypto';
import type { Finding } from '../engine/api';
import type { ReportedFinding } from './report';

/**
 * What a finding is, wherever its lines move: the rule, the file (relative, forward slashes), the
 * resource and the property path of the node at fault. Baselines, SARIF partialFingerprints and
 * GitLab fingerprints all rest on it.
 */
export function identityOf(finding: Pick<Finding, 'ruleId' | 'resource' | 'path'>, file: string): string {
  return JSON.stringify([finding.ruleId, file, finding.resource ?? '', finding.path ?? '']);
}

/**
 * Numbers the findings of one file that share an identity (one rule reporting several problems
 * at one path), in file order, so that each has an identity of its own.
 */
export function numberOccurrences(findings: readonly Finding[]): ReportedFinding[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const identity = identityOf(finding, finding.file);
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return { ...finding, occurrence };
  });
}

/** A stable hash of the identity and occurrence: it changes when the finding changes, not when lines move. */
export function fingerprint(finding: ReportedFinding): string {
  return createHash('sha256').update(`${identityOf(finding, finding.file)}#${finding.occurrence}`).digest('hex');
}
