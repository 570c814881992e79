/**
 * The docs cannot drift from the rules: every generated file matches the metadata, and every
 * rule's examples do what its page says (the insecure one raises the rule, the secure one raises
 * nothing above info from any rule).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../rules/index';
import { generatedFiles, staleRuleDocs } from '../../scripts/docs';
import { analyze } from '../helpers/analyze';

const ROOT = resolve(__dirname, '../..');

describe('generated docs', () => {
  const files = generatedFiles();
  for (const [path, content] of files) {
    it(`${path} is up to date (npm run docs)`, () => assert.equal(readFileSync(resolve(ROOT, path), 'utf8'), content));
  }
  it('no page is left for a rule that is gone', () => assert.deepEqual(staleRuleDocs(files), []));
});

describe('rule examples', () => {
  for (const { meta } of RULES) {
    if (meta.resourceTypes.includes('account')) continue;
    it(`${meta.id}: the insecure example raises it, the secure one nothing above info`, () => {
      assert.ok(meta.examples, 'the rule has examples');
      const config = { rules: { [meta.id]: meta.examples.options ?? meta.severity } } as const;
      const file = (text: string) => (/^\s*[{[]/.test(text) ? 'example.json' : 'example.yaml');
      const insecure = analyze(meta.examples.insecure, file(meta.examples.insecure), config);
      assert.ok(insecure.findings.some((f) => f.ruleId === meta.id), `the insecure example raises ${meta.id}`);
      const secure = analyze(meta.examples.secure, file(meta.examples.secure), config);
      assert.notEqual(secure.kind, 'none');
      assert.deepEqual(secure.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}: ${f.message}`), []);
    });
  }
});
