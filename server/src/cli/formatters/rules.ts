import type { RuleMeta } from '../../engine/api';
import { ENGINE_CHECKS } from '../../engine/engine-checks';
import { padColumns } from './columns';

const CHECKS = Object.values(ENGINE_CHECKS);

/** Every rule with all its metadata, and the engine's own checks apart (they have no area). */
export function formatRulesJson(rules: readonly RuleMeta[]): string {
  return `${JSON.stringify({ rules, engineChecks: CHECKS }, null, 2)}\n`;
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
