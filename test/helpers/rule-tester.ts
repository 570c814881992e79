import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Rule } from '../../server/src/engine/rule';
import type { Finding } from '../../server/src/engine/api';
import type { PillarConfig } from '../../server/src/engine/config';
import { applyEdits, combineFixes } from '../../server/src/engine/edits';
import { analyze, rangeText } from './analyze';

export interface ValidCase {
  readonly name: string;
  readonly code: string;
  /** File name, which decides nothing but is shown in findings; `.json` for JSON cases by convention. */
  readonly file?: string;
}

export interface ExpectedFinding {
  /** "line:col-line:col", 1-based. */
  readonly range: string;
  readonly message?: string | RegExp;
}

export interface InvalidCase extends ValidCase {
  readonly findings: readonly ExpectedFinding[];
  /** The text after applying the first fix of every finding; null when no finding may carry a fix. */
  readonly output: string | null;
}

const PARSE_PROBLEMS = new Set(['parse-error', 'duplicate-key', 'input-limit']);

/**
 * Table-driven rule tests, in the manner of ESLint's RuleTester: valid and invalid cases side by
 * side, exact ranges, and for fixes the fixed text, re-analyzed to prove the fix works.
 */
export function testRule(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }, options?: Readonly<Record<string, unknown>>): void {
  const id = rule.meta.id;
  // Options configure the rule, which turns on a rule that is off until configured; one that needs no options is turned on by its severity.
  const config: PillarConfig = options ? { rules: { [id]: options } } : rule.meta.enabledByDefault === false ? { rules: { [id]: rule.meta.severity } } : {};
  rejectDuplicates([...cases.valid, ...cases.invalid]);
  describe(id, () => {
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(testCase.name, () => {
          const analysis = analyze(testCase.code, testCase.file, config);
          assert.notEqual(analysis.kind, 'none', 'the case must be recognized as a template or policy');
          assert.deepEqual(describeFindings(analysis.findings.filter((f) => f.ruleId === id || PARSE_PROBLEMS.has(f.ruleId))), []);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(testCase.name, () => {
          const analysis = analyze(testCase.code, testCase.file, config);
          const found = analysis.findings.filter((f) => f.ruleId === id);
          assert.deepEqual(found.map(rangeText), testCase.findings.map((f) => f.range), 'ranges');
          found.forEach((finding, index) => {
            const expected = testCase.findings[index].message;
            if (typeof expected === 'string') assert.equal(finding.message, expected);
            else if (expected) assert.match(finding.message, expected);
          });
          if (testCase.output === null) {
            assert.deepEqual(found.filter((f) => f.fixes.length > 0).map(rangeText), [], 'no finding may offer a fix');
            return;
          }
          verifyFix(testCase, analysis.findings, found, config);
        });
        if (testCase.code.includes('\n') && !testCase.code.includes('\r')) {
          // The LSP counts \r\n and a lone \r as line breaks too: the same findings at the same
          // lines and columns, and fixes that write the document's own line break.
          for (const [name, eol] of [['CRLF', '\r\n'], ['CR', '\r']] as const) {
            it(`${testCase.name} (${name} line breaks)`, () => {
              const code = testCase.code.replace(/\n/g, eol);
              const analysis = analyze(code, testCase.file, config);
              const found = analysis.findings.filter((f) => f.ruleId === id);
              assert.deepEqual(found.map(rangeText), testCase.findings.map((f) => f.range), 'ranges');
              if (testCase.output === null) return;
              const output = applyEdits(code, combineFixes(found.filter((f) => f.fixes.length > 0).map((f) => f.fixes[0])));
              assert.equal(output, testCase.output.replace(/\n/g, eol));
            });
          }
        }
      }
    });
  });
}

function verifyFix(testCase: InvalidCase, all: readonly Finding[], found: readonly Finding[], config: PillarConfig): void {
  const fixed = found.filter((f) => f.fixes.length > 0);
  assert.ok(fixed.length > 0, 'expected a fix');
  const edits = combineFixes(fixed.map((f) => f.fixes[0]));
  const output = applyEdits(testCase.code, edits);
  assert.equal(output, testCase.output);

  // Nothing outside the edited region changed.
  const first = Math.min(...edits.map((e) => e.start));
  const last = Math.max(...edits.map((e) => e.end));
  assert.equal(output.slice(0, first), testCase.code.slice(0, first));
  assert.equal(output.slice(output.length - (testCase.code.length - last)), testCase.code.slice(last));

  // The fixed text parses, the fixed findings are gone, and nothing new appears.
  const after = analyze(output, testCase.file, config);
  assert.notEqual(after.kind, 'none');
  assert.deepEqual(describeFindings(after.findings.filter((f) => PARSE_PROBLEMS.has(f.ruleId))), [], 'the fixed text must parse');
  const unfixed = found.filter((f) => f.fixes.length === 0).length;
  assert.equal(after.findings.filter((f) => f.ruleId === found[0].ruleId).length, unfixed, 'fixed findings must be gone');
  const before = new Set(all.map(key));
  assert.deepEqual(after.findings.map(key).filter((k) => !before.has(k)), [], 'no new findings');
}

function key(finding: Finding): string {
  return `${finding.ruleId}: ${finding.message}`;
}

function describeFindings(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${rangeText(f)} ${f.ruleId}: ${f.message}`);
}

function rejectDuplicates(cases: readonly ValidCase[]): void {
  const seen = new Set<string>();
  for (const testCase of cases) {
    for (const value of [`name:${testCase.name}`, `code:${testCase.code}`]) {
      if (seen.has(value)) throw new Error(`Duplicate test case: ${value.slice(0, 80)}`);
      seen.add(value);
    }
  }
}
