import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Hover } from 'vscode-languageserver/node';
import { fileUri, LspClient } from '../helpers/lsp-client';

const YAML = [
  'Resources:',
  '  Policy:',
  '    Type: AWS::IAM::ManagedPolicy',
  '    Properties:',
  '      PolicyDocument:',
  '        Version: "2012-10-17"',
  '        Statement:',
  '          - Effect: Allow',
  '            Action:',
  '              - s3:GetObject',
  '              - sqs:',
  '            Resource: arn:aws:s3:::reports/*',
  '            Condition:',
  '              StringEquals:',
  '                s3:Ex',
  '',
].join('\n');

const JSON_POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*", "Condition": {"Bool": {"aws:Se": "true"}}}\n  ]\n}\n';

describe('IAM hover and completion over the protocol', () => {
  let workspace: string;
  let client: LspClient;
  const yamlUri = () => fileUri(join(workspace, 'policy.yaml'));
  const jsonUri = () => fileUri(join(workspace, 'policy.json'));
  const hover = async (uri: string, line: number, character: number) =>
    (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
  const complete = async (uri: string, line: number, character: number) =>
    (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character }, context: { triggerKind: 2, triggerCharacter: ':' } })) as CompletionList | null;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'pillar-iam-'));
    client = new LspClient();
    const result = (await client.initialize(workspace)) as { capabilities: { completionProvider?: { triggerCharacters: string[] } } };
    assert.deepEqual(result.capabilities.completionProvider?.triggerCharacters, [':', '"']);
    await client.open(yamlUri(), YAML);
    await client.open(jsonUri(), JSON_POLICY, 'json');
    await client.diagnostics(yamlUri());
    await client.diagnostics(jsonUri());
  });

  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
    rmSync(workspace, { recursive: true, force: true });
  });

  it('hovers an action (YAML): description, access level, resource types, reference link', async () => {
    const result = await hover(yamlUri(), 9, 20);
    const text = (result!.contents as { value: string }).value;
    assert.match(text, /^\*\*s3:GetObject\*\* · Read\n\nGrants permission to retrieve objects from Amazon S3/);
    assert.match(text, /`object`: `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}`/);
    assert.match(text, /\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazons3\.html\)/);
    assert.deepEqual(result!.range, { start: { line: 9, character: 16 }, end: { line: 9, character: 28 } });
  });

  it('hovers a wildcard (JSON): how many actions it matches, by access level', async () => {
    const result = await hover(jsonUri(), 3, 38);
    const text = (result!.contents as { value: string }).value;
    assert.match(text, /^\*\*s3:Get\*\*\* matches \d+ actions of Amazon S3: \d+ Read\./);
    assert.match(text, /`s3:GetAccelerateConfiguration`/);
  });

  it('hovers an ARN with its resource type, and a condition operator', async () => {
    const arn = (await hover(yamlUri(), 11, 30))!.contents as { value: string };
    assert.match(arn.value, /\*\*arn:aws:s3:::reports\/\*\*\* is a resource of type:\n\n- \*\*Amazon S3\*\* `object`/);
    const operator = (await hover(yamlUri(), 13, 18))!.contents as { value: string };
    assert.equal(operator.value, '**StringEquals**: condition operator; compares strings exactly (case-sensitive).');
    assert.equal(await hover(yamlUri(), 0, 2), null);
  });

  it('completes actions of the service typed so far (YAML), with the access level as detail', async () => {
    const list = await complete(yamlUri(), 10, 20);
    const send = list!.items.find((item) => item.label === 'sqs:SendMessage')!;
    assert.equal(send.detail, 'Write');
    assert.deepEqual((send.textEdit as { range: unknown }).range, { start: { line: 10, character: 16 }, end: { line: 10, character: 20 } });
    assert.ok(list!.items.every((item) => item.label.startsWith('sqs:')));
  });

  it('completes service prefixes, then condition keys that apply to the statement (JSON)', async () => {
    const services = await complete(jsonUri(), 3, 36);
    assert.ok(services!.items.some((item) => item.label === 's3' && item.detail === 'Amazon S3'));
    const keys = await complete(jsonUri(), 3, 92);
    const labels = keys!.items.map((item) => item.label);
    assert.ok(labels.includes('aws:SecureTransport'));
    assert.ok(labels.includes('s3:ExistingObjectTag/<key>'), 'a key of s3:GetObject');
  });

  it('completes condition keys in YAML where a key is being typed', async () => {
    const keys = await complete(yamlUri(), 14, 21);
    assert.ok(keys!.items.some((item) => item.label === 's3:ExistingObjectTag/<key>' && item.detail === 'String'));
  });
});
