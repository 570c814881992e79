import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseText } from '../../server/src/engine/parse';
import { pathAt } from '../../server/src/engine/paths';
import { analyze } from '../helpers/analyze';

/** The path at the first occurrence of `needle` in `text` (the needle's whole length). */
function pathOf(text: string, needle: string, from = 0): string {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${needle} not in text`);
  return pathAt(parseText(text).root, { start, end: start + needle.length });
}

const TEMPLATE = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      Encrypted: !If [IsProd, true, false]
      Tags:
        - Key: team
          Value: data
Mappings:
  Cidrs:
    "10.0.0.0/16": { Name: main }
`;

describe('pathAt', () => {
  it('names a value by its keys from the root', () => {
    assert.equal(pathOf(TEMPLATE, 'logs'), 'Resources.Bucket.Properties.BucketName');
    assert.equal(pathOf(TEMPLATE, 'AWS::EC2::Volume'), 'Resources.Volume.Type');
  });

  it('names a key at fault by its own pair', () => {
    assert.equal(pathOf(TEMPLATE, 'Properties'), 'Resources.Bucket.Properties');
    assert.equal(pathOf(TEMPLATE, 'Volume'), 'Resources.Volume');
  });

  it('indexes list items, and goes through intrinsics by their long name', () => {
    assert.equal(pathOf(TEMPLATE, 'data'), 'Resources.Volume.Properties.Tags[0].Value');
    assert.equal(pathOf(TEMPLATE, 'false'), 'Resources.Volume.Properties.Encrypted.Fn::If[2]');
    assert.equal(pathOf(TEMPLATE, '!If [IsProd, true, false]'), 'Resources.Volume.Properties.Encrypted');
  });

  it('gives the long form in JSON the same path as the short form in YAML', () => {
    const json = '{"Resources": {"Volume": {"Type": "AWS::EC2::Volume", "Properties": {"Encrypted": {"Fn::If": ["IsProd", true, false]}}}}}';
    assert.equal(pathOf(json, 'false'), 'Resources.Volume.Properties.Encrypted.Fn::If[2]');
  });

  it('quotes keys that a dot or bracket would make ambiguous', () => {
    assert.equal(pathOf(TEMPLATE, 'main'), 'Mappings.Cidrs["10.0.0.0/16"].Name');
  });

  it('indexes a standalone policy from its statements', () => {
    const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}, {"Effect": "Allow", "Action": ["s3:PutObject", "*"]}]}';
    assert.equal(pathOf(policy, '"*"'), 'Statement[1].Action[1]');
  });

  it('is empty at the root, outside every node, and without a tree', () => {
    assert.equal(pathAt(parseText(TEMPLATE).root, { start: 0, end: TEMPLATE.length }), '');
    assert.equal(pathAt(parseText('Resources: {}\n\n\n').root, { start: 16, end: 16 }), '');
    assert.equal(pathAt(null, { start: 0, end: 0 }), '');
  });

  it('places a node reached through an alias where its anchor defines it', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties: &props\n      TopicName: shared\n  B:\n    Type: AWS::SNS::Topic\n    Properties: *props\n';
    // B's Properties is A's node: a finding in it has A's span, and so A's path.
    assert.equal(pathOf(text, 'shared'), 'Resources.A.Properties.TopicName');
  });
});

describe('Finding.path', () => {
  const VOLUME = 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 8\n      Encrypted: false\n';

  it('is filled in for every finding by the engine', () => {
    const encryption = (text: string) => analyze(text).findings.filter((f) => f.ruleId === 'ebs-volume-encryption-enabled');
    const [finding] = encryption(VOLUME);
    assert.equal(finding.path, 'Resources.Data.Properties.Encrypted');
    const [missing] = encryption('Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 8\n');
    assert.equal(missing.path, 'Resources.Data.Properties');
  });

  it('stays the same when lines are inserted, comments edited and resources reordered', () => {
    const topic = '  Topic:\n    Type: AWS::SNS::Topic\n';
    const variants = [
      VOLUME,
      `# a new header comment\n\n${VOLUME}`,
      VOLUME.replace('Resources:\n', `Resources:\n${topic}`),
      VOLUME.replace('      Size: 8\n', '      # size in GiB, edited\n      Size: 8 # GiB\n      Iops: 3000\n'),
      `${VOLUME}${topic}`,
    ];
    const paths = variants.map((text) => analyze(text).findings.filter((f) => f.ruleId === 'ebs-volume-encryption-enabled').map((f) => f.path));
    assert.deepEqual(paths, variants.map(() => ['Resources.Data.Properties.Encrypted']));
  });
});
