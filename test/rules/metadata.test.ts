import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCOUNT_RULES } from '../../rules/account-rules';
import { RULES } from '../../rules/index';
import { AREAS, SEVERITIES } from '../../server/src/engine/api';
import { BEST_PRACTICES } from '../../server/src/engine/best-practices';

/** Template rules and account rules share one metadata contract and one id space. */
const ALL = [...RULES, ...ACCOUNT_RULES];

describe('rule metadata', () => {
  it('ids are unique, kebab-case and listed in order', () => {
    for (const registry of [RULES, ACCOUNT_RULES]) {
      const ids = registry.map((rule) => rule.meta.id);
      assert.deepEqual(ids, [...new Set(ids)].sort());
      for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)+$/);
    }
    const all = ALL.map((rule) => rule.meta.id);
    assert.equal(new Set(all).size, all.length, 'a template rule and an account rule share an id');
  });

  it('account rules look at the account, and template rules never do', () => {
    for (const { meta } of ACCOUNT_RULES) {
      assert.deepEqual(meta.resourceTypes, ['account'], meta.id);
      assert.equal(meta.fixable, false, meta.id);
      assert.equal(meta.examples, undefined, meta.id);
      // Checkov, cfn_nag, cfn-lint and KICS read templates: they have no account checks to point at.
      assert.deepEqual([meta.equivalents.checkov, meta.equivalents.cfnNag, meta.equivalents.cfnLint, meta.equivalents.kics], [[], [], [], []], meta.id);
      assert.ok(meta.equivalents.cis.length + meta.equivalents.securityHub.length > 0, `${meta.id} names no CIS or Security Hub control`);
      for (const id of meta.equivalents.cis) assert.match(id, /^\d+\.\d+(\.\d+)?$/);
    }
    for (const { meta } of RULES) assert.ok(!meta.resourceTypes.includes('account'), meta.id);
  });

  it('account rules cover every area', () => {
    assert.deepEqual([...new Set(ACCOUNT_RULES.map((rule) => rule.meta.area))].sort(), [...AREAS].sort());
  });

  it('every area has at least one rule', () => {
    assert.deepEqual([...new Set(RULES.map((rule) => rule.meta.area))].sort(), [...AREAS].sort());
  });

  for (const { meta } of ALL) {
    it(`${meta.id} is complete`, () => {
      assert.ok(AREAS.includes(meta.area));
      assert.ok(SEVERITIES.includes(meta.severity));
      assert.ok(meta.bestPractice.length > 0);
      for (const id of meta.bestPractice) assert.ok(BEST_PRACTICES.has(id), `unknown best practice ${id}`);
      for (const text of [meta.title, meta.rationale, meta.remediation]) assert.ok(text.length > 20, text);
      assert.ok(meta.docs.length > 0);
      for (const url of meta.docs) assert.match(url, /^https:\/\/docs\.aws\.amazon\.com\//);
      assert.ok(meta.resourceTypes.length > 0);
      for (const type of meta.resourceTypes) assert.match(type, /^(policy|template|account|\*|(AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+)$/);
      assert.deepEqual(Object.keys(meta.equivalents).sort(), ['cfnLint', 'cfnNag', 'checkov', 'cis', 'kics', 'securityHub']);
      for (const id of meta.equivalents.checkov) assert.match(id, /^CKV_AWS_\d+$/);
      for (const id of meta.equivalents.cfnNag) assert.match(id, /^[FW]\d+$/);
      for (const id of meta.equivalents.kics) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      for (const id of meta.equivalents.securityHub) assert.match(id, /^[A-Za-z0-9]+\.\d+$/);
    });
  }
});
