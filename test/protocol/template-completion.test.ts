import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Diagnostic, Hover, TextEdit } from 'vscode-languageserver/node';
import { fileUri, LspClient } from '../helpers/lsp-client';

/** The text a snippet inserts once its placeholders keep their defaults (the first choice of a choice). */
function snippetText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) out += snippet[++i];
    else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) while (/\d/.test(snippet[i + 1] ?? '')) i++;
    else if (c === '$' && snippet[i + 1] === '{') {
      const close = snippet.indexOf('}', i);
      const inner = snippet.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(inner);
      out += choice ? choice[1] : inner.replace(/^\d+:?/, '');
      i = close;
    } else out += c;
  }
  return out;
}

function bucketItemMode(items: CompletionItem[], label: string): number | undefined {
  return items.find((item) => item.label === label)!.insertTextMode;
}

function apply(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === 2 ? snippetText(edit.newText) : edit.newText;
  return TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, text), [{ range: edit.range, newText }, ...(item.additionalTextEdits ?? [])]);
}

const at = (text: string) => {
  const offset = text.indexOf('|');
  const clean = text.replace('|', '');
  const before = clean.slice(0, offset).split('\n');
  return { text: clean, position: { line: before.length - 1, character: before[before.length - 1].length } };
};

const BUCKET_YAML = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Reports:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      BucketName: reports',
  '      |',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  '',
].join('\n');

const BUCKET_JSON = [
  '{',
  '  "Resources": {',
  '    "Reports": {',
  '      "Type": "AWS::S3::Bucket",',
  '      "Properties": {',
  '        "Ver|"',
  '        "BucketName": "reports"',
  '      }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

describe('template completion and hover over the protocol', () => {
  let workspace: string;
  let client: LspClient;
  let version = 1;
  const uri = (name: string) => fileUri(join(workspace, name));
  const complete = async (name: string, position: { line: number; character: number }) =>
    (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(name) }, position, context: { triggerKind: 1 } })) as CompletionList | null;
  /** Opens (or replaces) a document and waits for the diagnostics of that version. */
  const show = async (name: string, text: string): Promise<Diagnostic[]> => {
    version++;
    await client.open(uri(name), text, name.endsWith('.json') ? 'json' : 'yaml', version);
    return client.diagnostics(uri(name), (params) => params.version === version);
  };
  const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 1 || d.code === 'parse-error').map((d) => String(d.code));
  const byRank = (list: CompletionList | null) => [...list!.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'pillar-cfn-'));
    client = new LspClient();
    const result = (await client.initialize(workspace)) as { capabilities: { completionProvider?: { triggerCharacters: string[]; resolveProvider?: boolean } } };
    assert.deepEqual(result.capabilities.completionProvider, { triggerCharacters: [':', '"'], resolveProvider: true });
  });

  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
    rmSync(workspace, { recursive: true, force: true });
  });

  it('completes resource types after `Type: AWS::S3::` (half-written), narrowed to the service, with documentation on resolve', async () => {
    const { text, position } = at('Resources:\n  Reports:\n    Type: AWS::S3::|\n');
    await show('types.yaml', text);
    const list = await complete('types.yaml', position);
    assert.equal(list!.isIncomplete, true);
    assert.ok(list!.items.every((item) => item.label.startsWith('AWS::S3::')), 'only the service typed');
    const bucket = list!.items.find((item) => item.label === 'AWS::S3::Bucket')!;
    assert.deepEqual((bucket.textEdit as TextEdit).range, { start: { line: 2, character: 10 }, end: { line: 2, character: 19 } });
    const resolved = (await client.connection.sendRequest('completionItem/resolve', bucket)) as CompletionItem;
    const doc = (resolved.documentation as { value: string }).value;
    assert.match(doc, /creates an Amazon S3 bucket/);
    assert.match(doc, /\(https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/TemplateReference\/aws-resource-s3-bucket\.html\)/);
  });

  it('sends resource types with the list\'s default edit range to a client that takes one (VS Code)', async () => {
    const other = new LspClient();
    try {
      await other.initialize(workspace, { completionItemDefaults: true });
      const { text, position } = at('Resources:\n  Reports:\n    Type: AWS::S3::Bu|\n');
      await other.open(uri('defaults.yaml'), text);
      await other.diagnostics(uri('defaults.yaml'));
      const list = (await other.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('defaults.yaml') }, position })) as CompletionList;
      assert.deepEqual(list.itemDefaults, { editRange: { start: { line: 2, character: 10 }, end: { line: 2, character: 21 } } });
      const bucket = list.items.find((item) => item.label === 'AWS::S3::Bucket')!;
      assert.deepEqual(bucket, { label: 'AWS::S3::Bucket', kind: 7 });
    } finally {
      assert.equal(await other.stop(), 0);
    }
  });

  it('completes resource types in JSON inside the quotes', async () => {
    const { text, position } = at('{\n  "Resources": {\n    "Reports": {\n      "Type": "AWS::SQS::Q|"\n    }\n  }\n}\n');
    await show('types.json', text);
    const list = await complete('types.json', position);
    const queue = list!.items.find((item) => item.label === 'AWS::SQS::Queue')!;
    assert.equal((queue.textEdit as TextEdit).newText, 'AWS::SQS::Queue');
    assert.deepEqual((queue.textEdit as TextEdit).range, { start: { line: 3, character: 15 }, end: { line: 3, character: 26 } });
  });

  it('offers a bucket\'s security properties first, pre-filled with secure values, then the required ones; skips those present (YAML)', async () => {
    const { text, position } = at(BUCKET_YAML);
    const before = await show('bucket.yaml', text);
    assert.ok(before.some((d) => d.code === 's3-bucket-public-access-block'));
    const list = await complete('bucket.yaml', position);
    const ranked = byRank(list);
    const secure = ranked.filter((item) => /secure default/.test(item.detail!));
    assert.deepEqual(ranked.slice(0, secure.length), secure, 'the secure ones first');
    for (const name of ['BucketEncryption', 'PublicAccessBlockConfiguration', 'VersioningConfiguration']) assert.ok(secure.some((item) => item.label === name), name);
    assert.ok(!ranked.some((item) => item.label === 'BucketName'), 'BucketName is already there');
    const block = ranked.find((item) => item.label === 'PublicAccessBlockConfiguration')!;
    assert.equal(block.insertTextFormat, 2);
    assert.equal(block.insertTextMode, 1, 'already indented: inserted as is');
    assert.equal(bucketItemMode(ranked, 'AbacStatus'), undefined, 'one line: nothing to indent');
    assert.equal(
      (block.textEdit as TextEdit).newText,
      'PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true$0',
    );
    assert.match((block.documentation as { value: string }).value, /`s3-bucket-public-access-block`/);
    assert.match(block.detail!, /secure default/);
    const abac = ranked.find((item) => item.label === 'AbacStatus')!;
    assert.equal((abac.textEdit as TextEdit).newText, 'AbacStatus: ${1|Enabled,Disabled|}');

    // Applied, the template still parses, gains no error, and the finding it answers is gone.
    const after = await show('bucket.yaml', apply(text, block));
    assert.deepEqual(errors(after).filter((code) => !errors(before).includes(code)), []);
    assert.ok(!after.some((d) => d.code === 's3-bucket-public-access-block'));
    const encrypted = await show('bucket.yaml', apply(text, ranked.find((item) => item.label === 'BucketEncryption')!));
    assert.deepEqual(errors(encrypted).filter((code) => !errors(before).includes(code)), []);
    assert.ok(!encrypted.some((d) => d.code === 's3-bucket-encryption'));
  });

  it('completes a property typed halfway on an empty Properties block, and required properties are marked', async () => {
    const { text, position } = at('Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Assu|\n');
    await show('role.yaml', text);
    const list = await complete('role.yaml', position);
    const trust = list!.items.find((item) => item.label === 'AssumeRolePolicyDocument')!;
    assert.match(trust.detail!, /\(required\)/);
    assert.deepEqual((trust.textEdit as TextEdit).range, { start: { line: 4, character: 6 }, end: { line: 4, character: 10 } });
  });

  it('completes nested property types and enum values, the secure value first', async () => {
    const nested = at('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - Ser|\n');
    await show('nested.yaml', nested.text);
    const keys = await complete('nested.yaml', nested.position);
    assert.deepEqual(keys!.items.map((item) => item.label).sort(), ['BlockedEncryptionTypes', 'BucketKeyEnabled', 'ServerSideEncryptionByDefault'].sort());
    const values = at('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: |\n');
    await show('values.yaml', values.text);
    const list = await complete('values.yaml', values.position);
    const ranked = byRank(list);
    assert.deepEqual(ranked.map((item) => item.label), ['AES256', 'aws:kms', 'aws:kms:dsse']);
    assert.equal(ranked[0].preselect, true);
  });

  it('completes EC2 instance MetadataOptions with IMDSv2 required, from the rules\' examples', async () => {
    const { text, position } = at('Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      Meta|\n');
    const before = await show('instance.yaml', text);
    const list = await complete('instance.yaml', position);
    const options = list!.items.find((item) => item.label === 'MetadataOptions')!;
    assert.match((options.textEdit as TextEdit).newText, /^MetadataOptions:\n {8}HttpTokens: required/);
    const after = await show('instance.yaml', apply(text, options));
    assert.ok(before.some((d) => d.code === 'ec2-imdsv2-required'));
    assert.ok(!after.some((d) => d.code === 'ec2-imdsv2-required'));
    assert.deepEqual(errors(after).filter((code) => !errors(before).includes(code)), []);
  });

  it('completes properties in JSON with quoting, indentation and the comma before the next key', async () => {
    const { text, position } = at(BUCKET_JSON);
    const before = await show('bucket.json', text);
    const list = await complete('bucket.json', position);
    const versioning = list!.items.find((item) => item.label === 'VersioningConfiguration')!;
    assert.equal((versioning.textEdit as TextEdit).newText, '"VersioningConfiguration": {\n          "Status": "Enabled"\n        \\},$0');
    assert.equal(versioning.filterText, '"VersioningConfiguration');
    const after = await show('bucket.json', apply(text, versioning));
    // The half-written key did not parse; the completed one does, and adds no error.
    assert.ok(errors(before).includes('parse-error'));
    assert.deepEqual(errors(after), ['s3-bucket-public-access-block']);
    assert.ok(!after.some((d) => d.code === 's3-bucket-versioning-enabled'));
  });

  it('adds the comma that the previous JSON entry lacks when a key is typed on a new line after it', async () => {
    const { text, position } = at('{\n  "Resources": {\n    "Reports": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "BucketName": "reports"\n        "Pub|"\n      }\n    }\n  }\n}\n');
    await show('comma.json', text);
    const list = await complete('comma.json', position);
    const block = list!.items.find((item) => item.label === 'PublicAccessBlockConfiguration')!;
    assert.deepEqual(block.additionalTextEdits, [{ range: { start: { line: 5, character: 31 }, end: { line: 5, character: 31 } }, newText: ',' }]);
    const after = await show('comma.json', apply(text, block));
    assert.deepEqual(errors(after), []);
    assert.match(apply(text, block), /"BucketName": "reports",\n {8}"PublicAccessBlockConfiguration": \{\n {10}"BlockPublicAcls": true,/);
  });

  it('completes resource attributes, keeping data first', async () => {
    const { text, position } = at('Resources:\n  Data:\n    Type: AWS::DynamoDB::Table\n    Del|\n');
    await show('attributes.yaml', text);
    const list = await complete('attributes.yaml', position);
    const policy = list!.items.find((item) => item.label === 'DeletionPolicy')!;
    assert.equal((policy.textEdit as TextEdit).newText, 'DeletionPolicy: ${1|Retain,Snapshot,RetainExceptOnCreate,Delete|}');
    assert.ok(!list!.items.some((item) => item.label === 'Type'));
  });

  it('hovers a resource type: description, reference link, and the rules that check it', async () => {
    const { text } = at(BUCKET_YAML);
    await show('bucket.yaml', text);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('bucket.yaml') }, position: { line: 3, character: 15 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /^\*\*AWS::S3::Bucket\*\*\n\nThe `AWS::S3::Bucket` resource creates an Amazon S3 bucket/);
    assert.match(value, /\[CloudFormation reference\]\(https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/TemplateReference\/aws-resource-s3-bucket\.html\)/);
    assert.match(value, /- `s3-bucket-public-access-block` · error: S3 buckets must block public access/);
    assert.match(value, /`s3-bucket-kms-encryption` · warning \(off until configured\)/);
    assert.deepEqual(hover.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 25 } });
  });
});
