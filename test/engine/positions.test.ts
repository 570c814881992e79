import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/positions';
import { analyze, rangeText } from '../helpers/analyze';
import { seededRandom } from '../helpers/generate-template';
import { validPosition } from '../helpers/positions';

const PIECES = ['a', ' ', '\n', '\r\n', '\r', '\r\r\n', '😀', '\ud83d', '\ude00', 'é', ':', '"'];

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and a lone \\r as line breaks, as the LSP does', () => {
    const text = 'a\nb\r\nc\rd';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual([0, 2, 5, 7].map((o) => lines.positionAt(o)), [0, 1, 2, 3].map((line) => ({ line, character: 0 })));
    assert.deepEqual([0, 1, 2, 3].map((line) => lines.lineEnd(line)), [1, 3, 6, 8]);
  });

  it('pulls an offset between \\r and \\n back to before the \\r', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  });

  it('never splits a surrogate pair: a start moves before it, an end past it', () => {
    const lines = new LineIndex('x😀y');
    assert.deepEqual(lines.rangeOf({ start: 2, end: 2 }), { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } });
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 1 });
    assert.equal(lines.offsetAt({ line: 0, character: 2 }), 1);
  });

  it('clamps offsets and positions outside the text', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 40 }), 2);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 6);
  });

  it('agrees with vscode-languageserver-textdocument, apart from surrogate pairs, on random texts', () => {
    // Seeded, so a failure names the text that caused it.
    const next = seededRandom(11);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: Math.floor(next() * 30) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      const document = TextDocument.create('x', 'yaml', 1, text);
      const lines = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const position = lines.positionAt(offset);
        assert.equal(validPosition(text, position), undefined, `${JSON.stringify(text)} @${offset}`);
        const range = lines.rangeOf({ start: offset, end: Math.min(text.length, offset + 1) });
        assert.equal(validPosition(text, range.end), undefined, `${JSON.stringify(text)} end @${offset}`);
        const c = text.charCodeAt(offset - 1);
        if (!(c >= 0xd800 && c <= 0xdbff)) {
          assert.deepEqual(position, document.positionAt(offset), `${JSON.stringify(text)} @${offset}`);
          assert.equal(lines.offsetAt(position), document.offsetAt(position), `${JSON.stringify(text)} @${offset}`);
        }
      }
    }
  });
});

describe('ranges of findings on CRLF and CR-only documents', () => {
  const topic = (eol: string) => ['Resources:', '  B:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: "a'].join(eol) + eol + '"';

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`reports an open quote at a valid place with ${name} line breaks`, () => {
      const text = topic(eol);
      const findings = analyze(text).findings;
      assert.ok(findings.length > 0);
      for (const finding of findings) {
        assert.equal(validPosition(text, finding.range.start), undefined, `${finding.ruleId} ${rangeText(finding)}`);
        assert.equal(validPosition(text, finding.range.end), undefined, `${finding.ruleId} ${rangeText(finding)}`);
      }
      // The same findings, at the same places, whichever line break the text uses.
      assert.deepEqual(findings.map((f) => `${f.ruleId} ${rangeText(f)}`), analyze(topic('\n')).findings.map((f) => `${f.ruleId} ${rangeText(f)}`));
    });
  }
});
