/**
 * Every fix Pillar offers on the 344 real templates, applied one at a time and then all together:
 * the text still parses as it did, the fixed finding is gone, no other finding appears, and the
 * text outside the edits is unchanged. Real files bring the formatting that hand-written cases
 * miss: flow maps inside block YAML, comments, odd indentation, CRLF.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/engine/api';
import { applyEdits, combineFixes } from '../../server/src/engine/edits';
import { readCorpus } from '../bench/corpus';
import { analyze } from '../helpers/analyze';

const corpus = readCorpus();

const key = (f: Finding) => `${f.ruleId} ${f.resource} ${f.message}`;
const problems = (findings: readonly Finding[]) => findings.filter((f) => f.area === null).map((f) => `${f.ruleId}: ${f.message}`);

/**
 * The first fix of every finding, applied together, pass after pass: fixes that would insert the
 * same key at one place (two rules adding `Properties` to one bucket) wait for the next pass.
 */
function fixAll(text: string, name: string): string {
  for (let pass = 0; pass < 5; pass++) {
    const fixes = analyze(text, name).findings.filter((f) => f.fixes.length > 0).map((f) => f.fixes[0]);
    if (fixes.length === 0) break;
    text = applyEdits(text, combineFixes(fixes));
  }
  return text;
}

describe('fixes on real-world templates', { skip: corpus ? false : 'no corpus (CI has it in ../shared)' }, () => {
  it('each fix, and fix-all, leaves a template that parses with the finding gone and nothing new', () => {
    let applied = 0;
    const failures: string[] = [];
    for (const file of corpus ?? []) {
      const before = analyze(file.text, file.name);
      const fixable = before.findings.filter((f) => f.fixes.length > 0);
      const beforeKeys = new Set(before.findings.map(key));
      const attempts: [string, readonly Finding[], string][] = fixable.map((f) => [`${f.ruleId} at ${f.range.start.line + 1}`, [f], applyEdits(file.text, f.fixes[0].edits)]);
      if (fixable.length > 1) attempts.push(['fix-all', fixable, fixAll(file.text, file.name)]);
      for (const [what, fixed, text] of attempts) {
        applied++;
        const after = analyze(text, file.name);
        const afterKeys = after.findings.map(key);
        const where = `${file.name}: ${what}`;
        if (JSON.stringify(problems(after.findings)) !== JSON.stringify(problems(before.findings))) failures.push(`${where}: parse problems changed: ${problems(after.findings).join('; ')}`);
        const gone = fixed.filter((f) => afterKeys.includes(key(f)));
        if (gone.length > 0) failures.push(`${where}: still reported: ${gone.map(key).join('; ')}`);
        const added = afterKeys.filter((k) => !beforeKeys.has(k));
        if (added.length > 0) failures.push(`${where}: new findings: ${added.join('; ')}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(applied >= 60, `only ${applied} fixes were tried`); // 63 with the first seven rules
  });
});
