import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { reparse } from '../../server/src/engine/incremental';
import { parseText } from '../../server/src/engine/parse';
import { LineIndex } from '../../server/src/engine/positions';
import type { Node } from '../../server/src/engine/tree';
import { engine, knownRules } from '../helpers/analyze';
import { generateTemplate, seededRandom } from '../helpers/generate-template';
import { resolveConfig } from '../../server/src/engine/config';

/** The tree as plain data: kinds, values, spans; and each map's index checked against its pairs. */
function plain(node: Node | null): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return [node.span.start, node.span.end, node.value];
    case 'seq':
      return [node.span.start, node.span.end, node.flow, node.items.map(plain)];
    case 'intrinsic':
      return [node.span.start, node.span.end, node.name, plain(node.argument)];
    case 'map':
      for (const pair of node.pairs) assert.ok(node.byKey.has(String(pair.key.value)));
      return [node.span.start, node.span.end, node.flow, node.pairs.map((p) => [plain(p.key), plain(p.value)])];
  }
}

/** Edits a person makes inside a resource: change a value, add or remove a line, rename, comment. */
function edits(text: string, seed: number): { name: string; apply: (t: string) => string }[] {
  const random = seededRandom(seed);
  const lines = text.split('\n');
  const pick = () => 1 + Math.floor(random() * (lines.length - 2));
  const at = (line: number) => lines.slice(0, line).join('\n').length + 1;
  const result: { name: string; apply: (t: string) => string }[] = [];
  for (let i = 0; i < 12; i++) {
    const line = pick();
    const start = at(line);
    const end = start + lines[line].length;
    const indent = lines[line].match(/^ */)![0];
    result.push(
      { name: `type a character at the end of line ${line + 1}`, apply: (t) => t.slice(0, end) + 'x' + t.slice(end) },
      { name: `delete line ${line + 1}`, apply: (t) => t.slice(0, start) + t.slice(end + 1) },
      { name: `add a property after line ${line + 1}`, apply: (t) => `${t.slice(0, end)}\n${indent}Added${i}: true${t.slice(end)}` },
      { name: `add a comment after line ${line + 1}`, apply: (t) => `${t.slice(0, end)} # note${t.slice(end)}` },
      { name: `replace line ${line + 1} with half a line`, apply: (t) => `${t.slice(0, start)}${indent}Half: [${t.slice(end)}` },
      { name: `add a resource after line ${line + 1}`, apply: (t) => `${t.slice(0, end)}\n  New${i}:\n    Type: AWS::SNS::Topic${t.slice(end)}` },
      { name: `dedent line ${line + 1}`, apply: (t) => t.slice(0, start) + lines[line].trimStart() + t.slice(end) },
    );
  }
  return result;
}

function check(name: string, text: string, seed: number): { incremental: number; total: number } {
  const previous = parseText(text);
  const lines = new LineIndex(text);
  let incremental = 0;
  const cases = edits(text, seed);
  for (const edit of cases) {
    const changed = edit.apply(text);
    const fast = reparse(previous, changed, lines);
    if (!fast) continue;
    incremental++;
    const full = parseText(changed);
    assert.deepEqual(full.problems, [], `${name}: ${edit.name}: an incremental parse is only taken when the full parse is clean`);
    assert.deepEqual(plain(fast.root), plain(full.root), `${name}: ${edit.name}`);
    const config = resolveConfig([], knownRules);
    const before = engine.analyze(text, 't.yaml', config);
    assert.deepEqual(engine.analyze(changed, 't.yaml', config, before).findings, engine.analyze(changed, 't.yaml', config).findings, `${name}: ${edit.name}`);
  }
  return { incremental, total: cases.length };
}

/** A small template with the layouts that trip a parser: comments between resources, a block scalar, a list. */
const AWKWARD = [
  "AWSTemplateFormatVersion: '2010-09-09'",
  'Parameters:',
  '  Enc: { Type: String, Default: "false" }',
  'Resources:',
  '  Vol:',
  '    Type: AWS::EC2::Volume',
  '    Properties:',
  '      Size: 10',
  '      Encrypted: !Ref Enc',
  '# between, at column 0',
  '  Bucket:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      Notes: |',
  '        text',
  '',
  '  Sg:',
  '    Type: AWS::EC2::SecurityGroup',
  '    Properties:',
  '      SecurityGroupIngress:',
  '        - IpProtocol: tcp',
  '          FromPort: 22',
  '          ToPort: 22',
  '          CidrIp: 0.0.0.0/0',
].join('\n');

const LAYOUTS: Record<string, string> = {
  'no final line break': AWKWARD,
  'a final line break': `${AWKWARD}\n`,
  'document markers': `---\n${AWKWARD}\n...\n`,
  'CRLF line breaks': `${AWKWARD}\n`.replace(/\n/g, '\r\n'),
  'Outputs after Resources': `${AWKWARD}\nOutputs:\n  Id: { Value: !Ref Vol }\n`,
  'trailing comments': `${AWKWARD}\n# end\n\n`,
};

/** What a person types or deletes anywhere, including what breaks the structure. */
const TYPED = ['x', '\n', ' ', '#', '# c\n', '\n  New:\n    Type: AWS::SNS::Topic', '\n    Encrypted: false', ':', '- ', '...\n', '---\n', '\n# col0\n', '|\n', '"', '\t', '\r\n', '{', '[', '?', '\n  ', '&a ', '*a', '0.0.0.0/0', '\n\n'];

describe('incremental re-parse', () => {
  it('matches a full parse on random edits of awkward layouts (tree, findings and fixes)', () => {
    const random = seededRandom(13);
    const config = resolveConfig([], knownRules);
    let incremental = 0;
    for (const [layout, text] of Object.entries(LAYOUTS)) {
      const previous = engine.analyze(text, 't.yaml', config);
      for (let i = 0; i < 1000; i++) {
        const at = Math.floor(random() * (text.length + 1));
        const removed = random() < 0.4 ? Math.floor(random() * 12) : 0;
        const typed = random() < 0.8 ? TYPED[Math.floor(random() * TYPED.length)] : '';
        const changed = text.slice(0, at) + typed + text.slice(Math.min(text.length, at + removed));
        const fast = reparse(previous.source!.parsed, changed, previous.source!.lines);
        if (!fast || changed === text) continue;
        incremental++;
        const what = `${layout}: at ${at}, ${removed} removed, ${JSON.stringify(typed)} typed`;
        assert.deepEqual(plain(fast.root), plain(parseText(changed).root), what);
        assert.deepEqual(engine.analyze(changed, 't.yaml', config, previous).findings, engine.analyze(changed, 't.yaml', config).findings, what);
      }
    }
    assert.ok(incremental > 1000, `only ${incremental} edits were re-parsed incrementally`);
  });

  it('builds the same tree and findings as a full parse, on a generated template', () => {
    const { incremental, total } = check('generated', generateTemplate({ resources: 60, seed: 7 }), 1);
    assert.ok(incremental > total / 4, `only ${incremental} of ${total} edits were incremental`);
  });

  it('builds the same tree and findings as a full parse, on the example', () => {
    const example = readFileSync(resolve(__dirname, '../../examples/insecure-stack.yaml'), 'utf8');
    check('example', example, 2);
  });

  it('builds the same tree on real-world templates', () => {
    const corpus = resolve(process.cwd(), '../shared/corpus/real-world');
    const names = ['widdix__ecs__cluster.yaml', 'widdix__ec2__al2-mutable-public.yaml', 'aws-cfn-templates__aws__services__AutoScaling__AutoScalingMultiAZWithNotifications.yaml'];
    for (const name of names) {
      let text: string;
      try {
        text = readFileSync(resolve(corpus, name), 'utf8');
      } catch {
        continue; // the corpus sits beside the repository; the generated cases still run without it
      }
      check(name, text, 3);
    }
  });

  it('returns the previous tree when nothing changed, and declines what it cannot do', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  B:\n    Type: AWS::SQS::Queue\n';
    const previous = parseText(text);
    const lines = new LineIndex(text);
    assert.equal(reparse(previous, text, lines)?.root, previous.root);
    assert.equal(reparse(previous, text.replace('A:', 'B:'), lines), undefined, 'a duplicate logical id');
    assert.equal(reparse(previous, text.replace('Resources:', 'Resources: '), lines), undefined, 'outside any resource');
    assert.equal(reparse(previous, `${text}  # pillar:ignore x -- y\n`, lines), undefined, 'a suppression comment');
    const aliased = parseText('Resources:\n  A: &a\n    Type: AWS::SNS::Topic\n  B: *a\n');
    assert.equal(reparse(aliased, aliased.text.replace('SNS', 'SQS'), new LineIndex(aliased.text)), undefined, 'anchors and aliases');
    const json = parseText('{"Resources": {"A": {"Type": "AWS::SNS::Topic"}}}');
    assert.equal(reparse(json, json.text.replace('SNS', 'SQS'), new LineIndex(json.text)), undefined, 'JSON');
  });
});
