import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../rules/index';
import { AREAS, SEVERITIES } from '../../server/src/engine/api';
import { BEST_PRACTICES } from '../../server/src/engine/best-practices';

describe('rule metadata', () => {
  it('ids are unique, kebab-case and listed in order', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    assert.deepEqual(ids, [...new Set(ids)].sort());
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  it('every area has at least one rule', () => {
    assert.deepEqual([...new Set(RULES.map((rule) => rule.meta.area))].sort(), [...AREAS].sort());
  });

  for (const { meta } of RULES) {
    it(`${meta.id} is complete`, () => {
      assert.ok(AREAS.includes(meta.area));
      assert.ok(SEVERITIES.includes(meta.severity));
      assert.ok(meta.bestPractice.length > 0);
      for (const id of meta.bestPractice) assert.ok(BEST_PRACTICES.has(id), `unknown best practice ${id}`);
      for (const text of [meta.title, meta.rationale, meta.remediation]) assert.ok(text.length > 20, text);
      assert.ok(meta.docs.length > 0);
      for (const url of meta.docs) assert.match(url, /^https:\/\/docs\.aws\.amazon\.com\//);
      assert.ok(meta.resourceTypes.length > 0);
      for (const type of meta.resourceTypes) assert.match(type, /^(policy|template|\*|(AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+)$/);
      assert.deepEqual(Object.keys(meta.equivalents).sort(), ['cfnLint', 'cfnNag', 'checkov', 'cis', 'kics', 'securityHub']);
      for (const id of meta.equivalents.checkov) assert.match(id, /^CKV_AWS_\d+$/);
      for (const id of meta.equivalents.cfnNag) assert.match(id, /^[FW]\d+$/);
      for (const id of meta.equivalents.kics) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      for (const id of meta.equivalents.securityHub) assert.match(id, /^[A-Za-z0-9]+\.\d+$/);
    });
  }
});
