import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INTRINSIC_SHORT_TAGS } from '../../server/src/engine/intrinsics';
import { parseText } from '../../server/src/engine/parse';
import { getProperty, type Node } from '../../server/src/engine/tree';

function textOf(source: string, node: Node | undefined): string {
  assert.ok(node, 'node expected');
  return source.slice(node.span.start, node.span.end);
}

describe('parseText', () => {
  it('keeps source positions for keys and values in YAML', () => {
    const source = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket # a bucket\n';
    const { root, format, problems } = parseText(source);
    assert.equal(format, 'yaml');
    assert.deepEqual(problems, []);
    const bucket = getProperty(getProperty(root!, 'Resources'), 'Bucket');
    assert.equal(textOf(source, getProperty(bucket, 'Type')), 'AWS::S3::Bucket');
    assert.equal(root?.kind === 'map' && textOf(source, root.pairs[0].key), 'Resources');
  });

  it('gives JSON the same positioned tree', () => {
    const source = '{\n  "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [1, true, null]}}}\n}';
    const { root, format, problems } = parseText(source);
    assert.equal(format, 'json');
    assert.deepEqual(problems, []);
    const properties = getProperty(getProperty(getProperty(root!, 'Resources'), 'Bucket'), 'Properties');
    assert.equal(properties?.kind === 'map' && properties.flow, true);
    const tags = getProperty(properties, 'Tags');
    assert.equal(textOf(source, tags), '[1, true, null]');
    assert.deepEqual(tags?.kind === 'seq' && tags.items.map((item) => item.kind === 'scalar' && item.value), [1, true, null]);
  });

  it('turns every short-form tag into an intrinsic whose span includes the tag', () => {
    for (const tag of INTRINSIC_SHORT_TAGS) {
      const source = `Value: ${tag} [a, b]\n`;
      const value = getProperty(parseText(source).root!, 'Value');
      assert.equal(value?.kind, 'intrinsic', tag);
      assert.equal(textOf(source, value), `${tag} [a, b]`);
      assert.equal(value?.kind === 'intrinsic' && value.name, tag === '!Ref' ? 'Ref' : tag === '!Condition' ? 'Condition' : `Fn::${tag.slice(1)}`);
    }
  });

  it('reads long forms as intrinsics in both formats', () => {
    const yaml = parseText('A: { "Fn::GetAtt": [Bucket, Arn] }\nB:\n  Ref: Param\n').root!;
    assert.equal(getProperty(yaml, 'A')?.kind === 'intrinsic' && (getProperty(yaml, 'A') as { name: string }).name, 'Fn::GetAtt');
    assert.equal(getProperty(yaml, 'B')?.kind, 'intrinsic');
    const json = parseText('{"A": {"Fn::Sub": "${AWS::Region}"}}').root!;
    assert.equal(getProperty(json, 'A')?.kind, 'intrinsic');
  });

  it('keeps tagged scalars, sequences and maps with their arguments', () => {
    const source = 'A: !Sub\n  - "${Name}-x"\n  - { Name: !Ref P }\nB: !GetAtt Bucket.Arn\n';
    const root = parseText(source).root!;
    const a = getProperty(root, 'A');
    assert.equal(a?.kind === 'intrinsic' && a.argument.kind, 'seq');
    assert.equal(textOf(source, a), '!Sub\n  - "${Name}-x"\n  - { Name: !Ref P }');
    const b = getProperty(root, 'B');
    assert.equal(b?.kind === 'intrinsic' && b.argument.kind === 'scalar' && b.argument.value, 'Bucket.Arn');
  });

  it('reports a repeated key and keeps the last value', () => {
    const source = 'Mappings:\n  M:\n    a: 1\n    a: 2\n';
    const { root, problems } = parseText(source);
    assert.deepEqual(problems.map((p) => [p.code, source.slice(p.span.start, p.span.end)]), [['duplicate-key', 'a']]);
    const m = getProperty(getProperty(root!, 'Mappings'), 'M');
    assert.equal((getProperty(m, 'a') as { value: number }).value, 2);
    assert.equal(m?.kind === 'map' && m.pairs.length, 2);
  });

  it('finds keys in small and large maps alike, the last of a repeated key, and reports each repeat', () => {
    for (const size of [3, 8, 9, 40]) {
      const keys = Array.from({ length: size }, (_, i) => `k${i}`);
      const source = `${[...keys, 'k1', 'k0'].map((key, i) => `${key}: ${i}`).join('\n')}\n`;
      const { root, problems } = parseText(source);
      assert.ok(root?.kind === 'map');
      assert.deepEqual(problems.map((p) => source.slice(p.span.start, p.span.end)), ['k1', 'k0'], `${size} keys`);
      assert.equal((getProperty(root, 'k1') as { value: number }).value, size);
      assert.equal((getProperty(root, 'k0') as { value: number }).value, size + 1);
      assert.equal((getProperty(root, `k${size - 1}`) as { value: number }).value, size - 1);
      assert.equal(root.byKey.has('k2'), true);
      assert.equal(root.byKey.has('missing'), false);
      assert.equal(root.byKey.size, size);
      assert.equal(root.pairs.length, size + 2);
    }
  });

  it('reads scalars by the YAML 1.2 core schema, or by 1.1 when the document says %YAML 1.1, intrinsics alike', () => {
    const body = 'A: yes\nB: 0o17\nC: !Ref X\n';
    const values = (source: string) => {
      const root = parseText(source).root;
      return ['A', 'B'].map((key) => (getProperty(root!, key) as { value: unknown }).value).concat(getProperty(root!, 'C')?.kind);
    };
    assert.deepEqual(values(body), ['yes', 15, 'intrinsic']);
    assert.deepEqual(values(`%YAML 1.1\n---\n${body}`), [true, '0o17', 'intrinsic']);
  });

  it('reports syntax errors at their position and still reads the rest', () => {
    const source = 'Resources:\n  A:\n    Type: "unterminated\n  B:\n    Type: AWS::SNS::Topic\n';
    const { root, problems } = parseText(source);
    assert.ok(problems.length > 0);
    assert.equal(problems[0].code, 'syntax');
    assert.ok(problems[0].span.start >= source.indexOf('"unterminated'));
    assert.ok(root);
  });

  it('resolves aliases and refuses an alias bomb', () => {
    const ok = parseText('a: &x [1, 2]\nb: *x\n').root!;
    assert.equal(getProperty(ok, 'b')?.kind, 'seq');
    const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const bomb = parseText(levels.join('\n'));
    assert.deepEqual(bomb.problems.map((p) => p.code), ['limit']);
  });

  it('bounds nesting depth', () => {
    const deep = parseText(`A: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    assert.ok(deep.problems.some((p) => p.code === 'limit'));
  });

  it('notes a second document in the stream', () => {
    const { problems } = parseText('a: 1\n---\nb: 2\n');
    assert.deepEqual(problems.map((p) => p.code), ['syntax']);
  });
});
