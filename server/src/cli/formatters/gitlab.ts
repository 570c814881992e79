import type { Severity } from '../../engine/api';
import { fingerprint } from '../identity';
import { oneBased, type ScanReport } from '../report';

/** GitLab's scale runs info, minor, major, critical, blocker; errors are what fails a pipeline by default. */
const GITLAB_SEVERITY: Readonly<Record<Severity, string>> = { error: 'critical', warning: 'major', info: 'info' };

/**
 * A GitLab code quality report (the subset of the Code Climate format that GitLab reads), for
 * `artifacts: reports: codequality`. The fingerprint is the finding's stable identity, so a
 * merge request shows the findings it adds and the ones it resolves.
 */
export function formatGitlab(report: ScanReport): string {
  const issues = report.findings.map((finding) => ({
    type: 'issue',
    check_name: finding.ruleId,
    description: finding.message,
    // The engine's own findings (a file it cannot parse) are about the file, not its security.
    categories: [finding.area === null ? 'Bug Risk' : 'Security'],
    severity: GITLAB_SEVERITY[finding.severity],
    fingerprint: fingerprint(finding),
    location: { path: finding.file, lines: { begin: oneBased(finding.range).startLine } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
