/**
 * `pillar scan --fix` over the 344 real templates, copied to a temporary folder: every file is
 * analyzed again afterwards. The findings --fix can fix are gone, nothing new appears, each file
 * reads as well as it did, every original line that no fix touched is still there in order, and
 * files without fixes are byte for byte the same.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diffLines } from 'diff';
import { fixToApply } from '../../server/src/cli/autofix';
import type { Finding } from '../../server/src/engine/api';
import { LineIndex } from '../../server/src/engine/positions';
import { CORPUS_DIR, readCorpus } from '../bench/corpus';
import { analyze } from '../helpers/analyze';
import { pillar } from './helpers';

const corpus = readCorpus();
const READING = new Set(['parse-error', 'duplicate-key', 'input-limit', 'rule-error']);
const key = (f: Finding) => `${f.ruleId} ${f.resource} ${f.message}`;
const withoutBom = (text: string) => (text.startsWith('\ufeff') ? text.slice(1) : text);

/** The 0-based lines of `text` that a fix's edits cover (an insertion covers the line it is on). */
function touchedLines(text: string, findings: readonly Finding[]): Set<number> {
  const lines = new LineIndex(text);
  const touched = new Set<number>();
  for (const finding of findings) {
    for (const edit of fixToApply(finding, false)?.edits ?? []) {
      for (let line = lines.positionAt(edit.start).line; line <= lines.positionAt(edit.end).line; line++) touched.add(line);
    }
  }
  return touched;
}

/** The 0-based lines of `before` that the diff to `after` removes or changes. */
function removedLines(before: string, after: string): number[] {
  const removed: number[] = [];
  let line = 0;
  for (const part of diffLines(before, after)) {
    if (part.added) continue;
    if (part.removed) for (let i = 0; i < part.count; i++) removed.push(line + i);
    line += part.count;
  }
  return removed;
}

describe('--fix on real-world templates', { skip: corpus ? false : `no corpus at ${CORPUS_DIR} (CI has it in ../shared)` }, () => {
  it('fixes what it can, breaks nothing and changes nothing else', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'pillar-fix-corpus-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(CORPUS_DIR, dir, { recursive: true });
    const { status, stdout, stderr } = pillar(['scan', '.', '--fix', '--format', 'json', '--fail-on', 'never'], dir);
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    const reported = JSON.parse(stdout) as { findings: { file: string; ruleId: string }[]; fixed: { file: string }[] };
    assert.deepEqual(readdirSync(dir).sort(), (corpus ?? []).map((file) => file.name), 'no temporary file is left behind');

    const failures: string[] = [];
    let fixedFiles = 0;
    let fixable = 0;
    for (const file of corpus ?? []) {
      const before = withoutBom(file.text);
      const afterRaw = readFileSync(join(dir, file.name), 'utf8');
      const after = withoutBom(afterRaw);
      const was = analyze(before, file.name).findings;
      const now = analyze(after, file.name).findings;
      const fixes = was.filter((finding) => fixToApply(finding, false));
      fixable += fixes.length;
      const fail = (what: string) => failures.push(`${file.name}: ${what}`);
      if (fixes.length === 0) {
        if (afterRaw !== file.text) fail('changed without a fix to apply');
        continue;
      }
      if (after !== before) fixedFiles++;
      if (afterRaw.startsWith('\ufeff') !== file.text.startsWith('\ufeff')) fail('byte order mark changed');
      for (const id of READING) {
        const count = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId === id).length;
        if (count(now) > count(was)) fail(`new ${id}: ${now.filter((f) => f.ruleId === id).map((f) => f.message).join('; ')}`);
      }
      const nowKeys = new Set(now.map(key));
      const wasKeys = new Set(was.map(key));
      const remaining = fixes.filter((finding) => nowKeys.has(key(finding)));
      if (remaining.length > 0) fail(`still reported: ${remaining.map(key).join('; ')}`);
      const added = now.filter((finding) => !wasKeys.has(key(finding)));
      if (added.length > 0) fail(`new findings: ${added.map(key).join('; ')}`);
      const touched = touchedLines(before, was);
      const lost = removedLines(before, after).filter((line) => !touched.has(line));
      if (lost.length > 0) fail(`lines changed that no fix touches: ${lost.map((line) => line + 1).join(', ')}`);
      // What the CLI reported is what the file now holds.
      const listed = reported.findings.filter((finding) => finding.file === file.name).map((finding) => finding.ruleId);
      if (JSON.stringify(listed) !== JSON.stringify(now.map((finding) => finding.ruleId))) fail(`reported ${listed.join()} but the file holds ${now.map((f) => f.ruleId).join()}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(reported.fixed.length >= fixable, 'every fixable finding is listed as fixed');
    assert.ok(fixable >= 40 && fixedFiles >= 30, `only ${fixable} fixes in ${fixedFiles} files`); // 45 in 34 with the first seven rules
  });
});
