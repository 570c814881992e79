import type { Finding, RuleMeta } from '../../engine/api';
import type { AccountFinding } from '../../engine/account';
import type { PostureReport } from '../../posture/report';
import { level, ruleDescriptor } from '../formatters/sarif';
import { oneBased } from '../report';
import { TOOL } from '../tool';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0: account findings at a logical location (`aws/ACCOUNT/REGION/KIND/ID`, with the
 * console page), deployed stacks' findings in their template (`REGION/STACK.yaml`).
 */
export function formatPostureSarif(report: PostureReport, templateRules: readonly RuleMeta[]): string {
  const metas = new Map<string, RuleMeta>();
  for (const account of report.accounts) for (const check of account.checks) metas.set(check.meta.id, check.meta);
  for (const meta of templateRules) metas.set(meta.id, meta);
  const descriptors = [...metas.values()].map(ruleDescriptor);
  const indexes = new Map(descriptors.map((d, i) => [d.id, i]));
  const results = report.accounts.flatMap((account) => [
    ...account.checks.flatMap((check) => check.findings.map((finding) => accountResult(account.accountId, finding, indexes.get(finding.ruleId)))),
    ...account.stacks.flatMap((stack) => stack.findings.map((finding) => stackResult(account.accountId, finding, indexes.get(finding.ruleId)))),
  ]);
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [{ tool: { driver: { name: TOOL.name, version: TOOL.version, informationUri: TOOL.informationUri, rules: descriptors } }, results }] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function accountResult(accountId: string, finding: AccountFinding, ruleIndex: number | undefined) {
  const { entity } = finding;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [{ logicalLocations: [{ name: entity.id, kind: entity.kind, fullyQualifiedName: ['aws', accountId, entity.region ?? 'global', entity.kind, entity.id].join('/') }] }],
    properties: { accountId, console: entity.console },
  };
}

function stackResult(accountId: string, finding: Finding, ruleIndex: number | undefined) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: finding.file }, region: oneBased(finding.range) }, logicalLocations: finding.resource ? [{ name: finding.resource, kind: 'resource' }] : undefined }],
    properties: { accountId },
  };
}
