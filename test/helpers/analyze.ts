import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../../rules/index';
import type { Finding, RuleMeta } from '../../server/src/engine/api';
import { resolveConfig, type PillarConfig } from '../../server/src/engine/config';
import { Engine, type Analysis } from '../../server/src/engine/engine';
import { cfnSchemaLoader } from '../../server/src/cfn-schema-file';
import { iamCatalogLoader } from '../../server/src/iam-catalog-file';

/** The catalog the build writes (npm run build, or node scripts/iam-catalog.mjs); beside the bench bundle in dist/ too. */
export const IAM_CATALOG = existsSync(resolve(__dirname, 'iam-catalog.json')) ? resolve(__dirname, 'iam-catalog.json') : resolve(__dirname, '../../dist/iam-catalog.json');
export const loadIamCatalog = iamCatalogLoader(IAM_CATALOG);

/** The CloudFormation schema the build writes (npm run build, or node scripts/cfn-schema.mjs). */
export const CFN_SCHEMA = existsSync(resolve(__dirname, 'cfn-schema.json')) ? resolve(__dirname, 'cfn-schema.json') : resolve(__dirname, '../../dist/cfn-schema.json');

export const engine = new Engine(RULES, { iamCatalog: loadIamCatalog, cfnSchema: cfnSchemaLoader(CFN_SCHEMA) });
export const knownRules: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((rule) => [rule.meta.id, rule.meta]));

export function analyze(text: string, file = 'template.yaml', config: PillarConfig = {}): Analysis {
  return engine.analyze(text, file, resolveConfig([config], knownRules));
}

/** "3:5-3:12": 1-based line:column of a finding's start and end, as an editor shows them. */
export function rangeText(finding: Finding): string {
  const { start, end } = finding.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}
