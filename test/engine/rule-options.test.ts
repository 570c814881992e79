import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleMeta } from '../../server/src/engine/api';
import { ConfigError, isRuleEnabled, parseConfigFile, resolveConfig, ruleOptionsOf } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/engine';
import type { Rule } from '../../server/src/engine/rule';

const base = (id: string, extra: Partial<RuleMeta>): RuleMeta => ({
  id,
  area: 'incident-response',
  bestPractice: ['SEC10-BP01'],
  severity: 'warning',
  title: id,
  rationale: id,
  remediation: id,
  docs: [],
  resourceTypes: ['template'],
  equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
  fixable: false,
  ...extra,
});

const tagged = base('required-tags', {
  enabledByDefault: false,
  options: { tags: { type: 'string[]', default: [], description: 'Tag keys every resource must carry.' } },
});
const retention = base('log-retention', { options: { minimumDays: { type: 'number', default: 365, description: 'Shortest retention.' } } });
const rules = new Map([tagged, retention].map((meta) => [meta.id, meta]));

describe('rule options', () => {
  it('defaults apply until configured; configuration overrides them layer by layer', () => {
    assert.deepEqual(ruleOptionsOf(resolveConfig([], rules), retention), { minimumDays: 365 });
    const config = resolveConfig([{ rules: { 'log-retention': { minimumDays: 30 } } }, { rules: { 'log-retention': 'error' } }], rules);
    assert.deepEqual(ruleOptionsOf(config, retention), { minimumDays: 30 });
    assert.equal(config.ruleSettings.get('log-retention'), 'error');
  });

  it('onlyConfiguredRules runs the rules the configuration names and no other', () => {
    const pinned = resolveConfig([{ onlyConfiguredRules: true, rules: { 'required-tags': { tags: ['owner'] } } }], rules);
    assert.equal(isRuleEnabled(pinned, tagged), true);
    assert.equal(isRuleEnabled(pinned, retention), false, 'on by default, but not named');
    assert.equal(isRuleEnabled(resolveConfig([{ onlyConfiguredRules: true }, { onlyConfiguredRules: false }], rules), retention), true, 'a later layer turns it back off');
    assert.throws(() => parseConfigFile('{"onlyConfiguredRules": "yes"}', '.pillar.json'), /"onlyConfiguredRules" must be true or false/);
  });

  it('a rule off by default runs once configured, unless set off', () => {
    assert.equal(isRuleEnabled(resolveConfig([], rules), tagged), false);
    assert.equal(isRuleEnabled(resolveConfig([{ rules: { 'required-tags': { tags: ['owner'] } } }], rules), tagged), true);
    assert.equal(isRuleEnabled(resolveConfig([{ rules: { 'required-tags': 'warning' } }], rules), tagged), true);
    assert.equal(isRuleEnabled(resolveConfig([{ rules: { 'required-tags': { severity: 'off', tags: ['owner'] } } }], rules), tagged), false);
    assert.equal(isRuleEnabled(resolveConfig([], rules), retention), true);
  });

  it('unknown options and wrong types are configuration errors that say what is expected', () => {
    assert.throws(() => resolveConfig([{ rules: { 'log-retention': { days: 3 } } }], rules), (e) => e instanceof ConfigError && /has no option "days" \(it has minimumDays\)/.test(e.message));
    assert.throws(() => resolveConfig([{ rules: { 'log-retention': { minimumDays: '30' } } }], rules), /option "minimumDays" must be a number/);
    assert.throws(() => resolveConfig([{ rules: { 'required-tags': { tags: 'owner' } } }], rules), /must be a list of strings/);
    assert.throws(() => resolveConfig([{ rules: { 'log-retention': { severity: 'loud' as never } } }], rules), /"loud" is not one of off, error, warning, info/);
  });

  it('the engine runs template rules with their options, and skips rules off by default', () => {
    const seen: unknown[] = [];
    const rule = (meta: RuleMeta): Rule => ({ meta, template: (_template, context) => void seen.push([meta.id, context.options]) });
    const engine = new Engine([rule(tagged), rule(retention)]);
    engine.analyze('Resources:\n  T:\n    Type: AWS::SNS::Topic\n', 't.yaml', resolveConfig([{ rules: { 'log-retention': { minimumDays: 7 } } }], rules));
    assert.deepEqual(seen, [['log-retention', { minimumDays: 7 }]]);
  });
});
