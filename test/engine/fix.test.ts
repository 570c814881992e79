import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, combineFixes } from '../../server/src/engine/edits';
import { FixRenderer } from '../../server/src/engine/fix';
import { parseText } from '../../server/src/engine/parse';
import { LineIndex } from '../../server/src/engine/positions';
import { intrinsic, type Change } from '../../server/src/engine/rule';
import { getProperty, type MapNode, type Node, type SeqNode } from '../../server/src/engine/tree';

/** Applies the changes `pick` describes on the parsed text and returns the new text, checked to parse. */
function fix(text: string, pick: (at: (path: string) => Node) => Change[]): string {
  const parsed = parseText(text);
  const at = (path: string): Node => {
    let node: Node | undefined = parsed.root ?? undefined;
    for (const part of path.split('.').filter(Boolean)) node = /^\d+$/.test(part) && node?.kind === 'seq' ? node.items[Number(part)] : getProperty(node, part);
    assert.ok(node, `no node at ${path}`);
    return node;
  };
  const rendered = new FixRenderer(parsed, new LineIndex(text)).render({ title: 't', preferred: true, changes: pick(at) });
  const output = applyEdits(text, rendered.edits);
  assert.deepEqual(parseText(output).problems, [], `the fixed text must parse:\n${output}`);
  return output;
}

const map = (node: Node) => node as MapNode;
const seq = (node: Node) => node as SeqNode;

describe('fix renderer: set and replace', () => {
  it('replaces a scalar in place, keeping the comment after it', () => {
    assert.equal(fix('A:\n  B: false # off\n', (at) => [{ kind: 'replace', node: at('A.B'), value: true }]), 'A:\n  B: true # off\n');
  });

  it('keeps the quotes of a quoted scalar', () => {
    assert.equal(fix("A:\n  B: 'false'\n  C: \"no\"\n", (at) => [
      { kind: 'replace', node: at('A.B'), value: true },
      { kind: 'replace', node: at('A.C'), value: 'it\'s' },
    ]), "A:\n  B: 'true'\n  C: \"it's\"\n");
  });

  it('replaces a block scalar value by a block list on the lines below', () => {
    assert.equal(
      fix('S:\n  Action: s3:* # all\n  Effect: Allow\n', (at) => [{ kind: 'replace', node: at('S.Action'), value: ['s3:GetObject', 's3:PutObject'] }]),
      'S:\n  Action:\n    - s3:GetObject\n    - s3:PutObject # all\n  Effect: Allow\n',
    );
  });

  it('replaces a block map by another at the same indentation', () => {
    assert.equal(
      fix('P:\n  C:\n    X: 1\n  D: 2\n', (at) => [{ kind: 'replace', node: at('P.C'), value: { Y: { Z: 'a' } } }]),
      'P:\n  C:\n    Y:\n      Z: a\n  D: 2\n',
    );
  });

  it('sets an empty value with a comment after it', () => {
    assert.equal(fix('P:\n  C: # later\n  D: 2\n', (at) => [{ kind: 'set', map: map(at('P')), key: 'C', value: { E: true } }]), 'P:\n  C: # later\n    E: true\n  D: 2\n');
  });

  it('writes intrinsics in short form in YAML', () => {
    assert.equal(
      fix('P:\n  R: "*"\n', (at) => [{ kind: 'replace', node: at('P.R'), value: [intrinsic.getAtt('Bucket', 'Arn'), intrinsic.sub('${Bucket.Arn}/*'), intrinsic.ref('Queue')] }]),
      'P:\n  R:\n    - !GetAtt Bucket.Arn\n    - !Sub "${Bucket.Arn}/*"\n    - !Ref Queue\n',
    );
  });

  it('writes intrinsics in long form, one call a line, in JSON', () => {
    assert.equal(
      fix('{\n  "P": {\n    "R": "*"\n  }\n}\n', (at) => [{ kind: 'replace', node: at('P.R'), value: [intrinsic.getAtt('Bucket', 'Arn'), intrinsic.ref('Queue')] }]),
      '{\n  "P": {\n    "R": [\n      {"Fn::GetAtt": ["Bucket", "Arn"]},\n      {"Ref": "Queue"}\n    ]\n  }\n}\n',
    );
  });

  it('inserts a nested map into a flow map in YAML as flow', () => {
    assert.equal(fix('P: { A: 1 }\n', (at) => [{ kind: 'set', map: map(at('P')), key: 'B', value: { C: [1, 'x,y'] } }]), 'P: { A: 1, B: {C: [1, "x,y"]} }\n');
  });

  it('inserts a key before the first of the keys named', () => {
    assert.equal(
      fix('Description: d\nConditions: {}\nResources: {}\n', (at) => [{ kind: 'set', map: map(at('')), key: 'Parameters', value: { Cidr: { Type: 'String' } }, before: ['Mappings', 'Conditions', 'Resources'] }]),
      'Description: d\nParameters:\n  Cidr:\n    Type: String\nConditions: {}\nResources: {}\n',
    );
    assert.equal(
      fix('{\n  "Resources": {}\n}\n', (at) => [{ kind: 'set', map: map(at('')), key: 'Parameters', value: { Cidr: { Type: 'String' } }, before: ['Resources'] }]),
      '{\n  "Parameters": {\n    "Cidr": {\n      "Type": "String"\n    }\n  },\n  "Resources": {}\n}\n',
    );
  });

  it('keeps CRLF line endings', () => {
    assert.equal(fix('A:\r\n  B: 1\r\n', (at) => [{ kind: 'set', map: map(at('A')), key: 'C', value: ['x'] }]), 'A:\r\n  B: 1\r\n  C:\r\n    - x\r\n');
  });
});

describe('fix renderer: remove', () => {
  it('removes a block pair with its lines', () => {
    assert.equal(fix('A:\n  B:\n    - 1\n  C: 2 # keep\n', (at) => [{ kind: 'remove', map: map(at('A')), key: 'B' }]), 'A:\n  C: 2 # keep\n');
  });

  it('removes the first key of a list item, moving the next key onto the dash line', () => {
    assert.equal(fix('L:\n  - A: 1\n    B: 2\n', (at) => [{ kind: 'remove', map: map(at('L.0')), key: 'A' }]), 'L:\n  - B: 2\n');
  });

  it('removes a key and adds another in one fix (a rename)', () => {
    assert.equal(
      fix('S:\n  Effect: Allow\n  NotAction: iam:*\n', (at) => [
        { kind: 'remove', map: map(at('S')), key: 'NotAction' },
        { kind: 'set', map: map(at('S')), key: 'Action', value: ['s3:GetObject'] },
      ]),
      'S:\n  Effect: Allow\n  Action:\n    - s3:GetObject\n',
    );
  });

  it('removes a pair from a JSON object with its comma', () => {
    assert.equal(fix('{"A": {"B": 1, "C": 2}}', (at) => [{ kind: 'remove', map: map(at('A')), key: 'B' }]), '{"A": {"C": 2}}');
    assert.equal(fix('{"A": {"B": 1, "C": 2}}', (at) => [{ kind: 'remove', map: map(at('A')), key: 'C' }]), '{"A": {"B": 1}}');
  });
});

describe('fix renderer: splice', () => {
  const list = 'L:\n  - a\n  - b # two\n  - c\nN: 1\n';

  it('replaces one block item by several', () => {
    assert.equal(fix(list, (at) => [{ kind: 'splice', seq: seq(at('L')), index: 1, deleteCount: 1, values: ['x', 'y'] }]), 'L:\n  - a\n  - x # two\n  - y\n  - c\nN: 1\n');
  });

  it('removes a block item', () => {
    assert.equal(fix(list, (at) => [{ kind: 'splice', seq: seq(at('L')), index: 1, deleteCount: 1, values: [] }]), 'L:\n  - a\n  - c\nN: 1\n');
  });

  it('appends a map to a block list', () => {
    assert.equal(
      fix(list, (at) => [{ kind: 'splice', seq: seq(at('L')), index: 3, deleteCount: 0, values: [{ Sid: 'Tls', Effect: 'Deny' }] }]),
      'L:\n  - a\n  - b # two\n  - c\n  - Sid: Tls\n    Effect: Deny\nN: 1\n',
    );
  });

  it('inserts before an item', () => {
    assert.equal(fix(list, (at) => [{ kind: 'splice', seq: seq(at('L')), index: 0, deleteCount: 0, values: ['z'] }]), 'L:\n  - z\n  - a\n  - b # two\n  - c\nN: 1\n');
  });

  it('edits flow lists on one line and on several', () => {
    assert.equal(fix('L: [a, b]\n', (at) => [{ kind: 'splice', seq: seq(at('L')), index: 0, deleteCount: 1, values: ['x', 'y'] }]), 'L: [x, y, b]\n');
    assert.equal(fix('L: [a, b]\n', (at) => [{ kind: 'splice', seq: seq(at('L')), index: 0, deleteCount: 1, values: [] }]), 'L: [b]\n');
    assert.equal(fix('L: []\n', (at) => [{ kind: 'splice', seq: seq(at('L')), index: 0, deleteCount: 0, values: ['x'] }]), 'L: [x]\n');
    assert.equal(
      fix('{\n  "L": [\n    "a"\n  ]\n}\n', (at) => [{ kind: 'splice', seq: seq(at('L')), index: 1, deleteCount: 0, values: [{ Effect: 'Deny' }] }]),
      '{\n  "L": [\n    "a",\n    {\n      "Effect": "Deny"\n    }\n  ]\n}\n',
    );
  });
});

describe('combining fixes (fix-all)', () => {
  const fixOf = (...edits: { start: number; end: number; text: string }[]) => ({ title: 't', preferred: true, replaces: false, edits });
  it('makes an edit two fixes share once', () => {
    const shared = { start: 0, end: 0, text: 'P\n' };
    assert.deepEqual(combineFixes([fixOf(shared, { start: 5, end: 6, text: 'a' }), fixOf({ ...shared }, { start: 8, end: 9, text: 'b' })]), [shared, { start: 5, end: 6, text: 'a' }, { start: 8, end: 9, text: 'b' }]);
  });
  it('leaves out a fix that overlaps, or that would insert the same key a second time', () => {
    assert.deepEqual(combineFixes([fixOf({ start: 2, end: 6, text: 'a' }), fixOf({ start: 5, end: 7, text: 'b' })]), [{ start: 2, end: 6, text: 'a' }]);
    const first = { start: 0, end: 0, text: 'Parameters:\n  A: 1\n' };
    assert.deepEqual(combineFixes([fixOf(first), fixOf({ start: 0, end: 0, text: 'Parameters:\n  B: 1\n' })]), [first]);
  });

  it('keeps two different keys inserted at one place', () => {
    const a = { start: 9, end: 9, text: '\n  A: true' };
    const b = { start: 9, end: 9, text: '\n  B: true' };
    assert.deepEqual(combineFixes([fixOf(a), fixOf(b)]), [a, b]);
  });
});
