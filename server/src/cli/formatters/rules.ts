import type { RuleMeta } from '../../engine/api';
import { ENGINE_CHECKS } from '../../engine/engine-checks';
import { padColumns } from './columns';

const CHECKS = Object.values(ENGINE_CHECKS);

/** Which IAM data the checks use: `source` and `version` of the catalog, and when AWS's data was read. */
export interface IamCatalogVersion {
  readonly source: string;
  readonly version: string;
  readonly updatedAt: string;
}

/** Every rule with all its metadata, the engine's own checks apart (they have no area), and the IAM data version. */
export function formatRulesJson(rules: readonly RuleMeta[], iamCatalog: IamCatalogVersion): string {
  return `${JSON.stringify({ rules, engineChecks: CHECKS, iamCatalog }, null, 2)}\n`;
}

/** Two aligned tables: rules (id, area, severity, title), then engine checks. */
export function formatRulesText(rules: readonly RuleMeta[]): string {
  const ruleRows = rules.map((rule) => [rule.id, rule.area, rule.severity, rule.title]);
  const checkRows = CHECKS.map((check) => [check.id, check.severity, check.title]);
  return `${table(['RULE', 'AREA', 'SEVERITY', 'TITLE'], ruleRows)}\n${table(['ENGINE CHECK', 'SEVERITY', 'TITLE'], checkRows)}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return padColumns([header, ...rows]).map((row) => `${row.join('  ')}\n`).join('');
}
