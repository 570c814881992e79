import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextDocumentEdit } from 'vscode-languageserver/node';
import { fileUri, LspClient } from '../helpers/lsp-client';
import { exampleRulesOnly } from '../helpers/pinned-rules';

const EXAMPLE = readFileSync(resolve(__dirname, '../../examples/insecure-stack.yaml'), 'utf8');

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}

function applyAction(text: string, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  return TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, text), change.edits);
}

describe('language server over stdio', () => {
  let workspace: string;
  let client: LspClient;
  const uri = () => fileUri(join(workspace, 'stack.yaml'));

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'pillar-lsp-'));
    // Exact expectations below: only the rules that raise the example's eight findings.
    writeFileSync(join(workspace, '.pillar.json'), exampleRulesOnly());
    client = new LspClient();
    const result = (await client.initialize(workspace)) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.hoverProvider);
  });

  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr.join('')}`);
    assert.equal(client.stderr.join(''), '', 'the server writes nothing outside the protocol');
    rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes diagnostics on open, one per finding, in all five areas', async () => {
    await client.open(uri(), EXAMPLE);
    const diagnostics = await client.diagnostics(uri());
    assert.deepEqual(summary(diagnostics), [
      '29:25 iam-policy-no-wildcard-action',
      '35:5 cloudtrail-log-file-validation-enabled',
      '35:5 cloudtrail-multi-region-enabled',
      '48:19 ec2-security-group-no-public-admin-ingress',
      '52:3 s3-bucket-policy-requires-tls',
      '56:5 s3-bucket-public-access-block',
      '68:18 ebs-volume-encryption-enabled',
      '82:25 rds-instance-storage-encrypted',
    ]);
    const first = diagnostics[0];
    assert.equal(first.source, 'pillar');
    assert.equal(first.severity, 1);
    assert.match(first.codeDescription!.href, /^https:\/\/docs\.aws\.amazon\.com\//);
    assert.deepEqual(first.data, { ruleId: 'iam-policy-no-wildcard-action', fixable: false });
  });

  it('answers hover over a finding with the guidance, and nothing elsewhere', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 47, character: 22 } })) as Hover;
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /Security groups must not open SSH, RDP or all ports to the internet/);
    assert.match(text, /\*\*Why it matters\.\*\*/);
    assert.match(text, /\*\*What to do\.\*\*/);
    assert.match(text, /SEC05-BP02/);
    assert.match(text, /Checkov CKV_AWS_24/);
    const nothing = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 0, character: 0 } });
    assert.equal(nothing, null);
  });

  it('offers a preferred quick fix whose edit removes its finding and changes nothing else', async () => {
    const diagnostics = await client.diagnostics(uri());
    const bucket = diagnostics.find((d) => d.code === 's3-bucket-public-access-block')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: bucket.range,
      context: { diagnostics: [bucket], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Block all public access')!;
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.kind, 'quickfix');
    const fixed = applyAction(EXAMPLE, fix);
    assert.match(fixed, /VersioningConfiguration:\n {8}Status: Enabled\n {6}PublicAccessBlockConfiguration:\n {8}BlockPublicAcls: true\n/);
    await client.change(uri(), fixed, 2);
    const after = await client.diagnostics(uri(), (p) => p.version === 2);
    assert.equal(after.length, 7);
    assert.ok(!after.some((d) => d.code === 's3-bucket-public-access-block'));
  });

  it('offers fix-all as source.fixAll.pillar, applying only the preferred fixes', async () => {
    const text = readFileSync(resolve(__dirname, '../../examples/insecure-stack.yaml'), 'utf8');
    await client.change(uri(), text, 3);
    await client.diagnostics(uri(), (p) => p.version === 3);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.pillar']);
    const fixed = applyAction(text, actions[0]);
    await client.change(uri(), fixed, 4);
    const remaining = await client.diagnostics(uri(), (p) => p.version === 4);
    // The RDS and EBS fixes replace resources, so fix-all leaves them to the user.
    assert.deepEqual(remaining.map((d) => d.code), ['iam-policy-no-wildcard-action', 'ec2-security-group-no-public-admin-ingress', 'ebs-volume-encryption-enabled', 'rds-instance-storage-encrypted']);
  });

  it('re-reads settings on change: a rule turned off, a severity overridden', async () => {
    client.settings = { rules: { 'iam-policy-no-wildcard-action': 'off', 'rds-instance-storage-encrypted': 'info' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await client.diagnostics(uri(), (p) => !p.diagnostics.some((d) => d.code === 'iam-policy-no-wildcard-action'));
    assert.equal(diagnostics.find((d) => d.code === 'rds-instance-storage-encrypted')!.severity, 3);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri(), (p) => p.diagnostics.some((d) => d.code === 'iam-policy-no-wildcard-action'));
  });

  it('survives half-written YAML and reports the parse error where it is', async () => {
    await client.change(uri(), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: [\n', 5);
    const diagnostics = await client.diagnostics(uri(), (p) => p.version === 5);
    assert.ok(diagnostics.some((d) => d.code === 'parse-error'), JSON.stringify(diagnostics));
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 1, character: 1 } });
    assert.equal(hover, null);
  });

  it('stays silent on YAML and JSON that are not templates', async () => {
    const workflow = fileUri(join(workspace, '.github', 'workflows', 'ci.yml'));
    await client.open(workflow, 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [ { run: "npm test" } ]\n');
    assert.deepEqual(await client.diagnostics(workflow), []);
    const packageJson = fileUri(join(workspace, 'package.json'));
    await client.open(packageJson, '{"name": "x", "version": "1.0.0"}', 'json');
    assert.deepEqual(await client.diagnostics(packageJson), []);
  });

  it('analyzes unsaved (untitled) documents by their content', async () => {
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n    Properties: { Size: 1 }\n');
    assert.deepEqual((await client.diagnostics(untitled)).map((d) => d.code), ['ebs-volume-encryption-enabled']);
  });

  it('never serves the findings of a document closed while its settings loaded', async () => {
    const reopened = fileUri(join(workspace, 'reopened.yaml'));
    const release = client.holdConfiguration();
    await client.open(reopened, 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: reopened } });
    release();
    // A request answered after the settings arrived: the server has finished the first analysis.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: reopened }, position: { line: 0, character: 0 } });
    const clean = 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n    Properties: { Encrypted: true }\n';
    await client.open(reopened, clean);
    assert.deepEqual(await client.diagnostics(reopened, (p) => p.version === 1), []);
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: reopened },
      range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });

  it('clears diagnostics when a document closes', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri() } });
    assert.deepEqual(await client.diagnostics(uri(), (p) => p.version === undefined), []);
  });

  it('scans every template in the workspace on request', async () => {
    mkdirSync(join(workspace, 'stacks'));
    writeFileSync(join(workspace, 'stacks', 'data.yaml'), 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n    Properties: { Size: 1 }\n');
    writeFileSync(join(workspace, 'stacks', 'admin.json'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}');
    writeFileSync(join(workspace, 'stacks', 'notes.yaml'), 'title: not a template\n');
    mkdirSync(join(workspace, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(workspace, 'node_modules', 'dep', 'bad.yaml'), 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n');
    const result = await client.connection.sendRequest('pillar/scanWorkspace');
    assert.deepEqual(result, { files: 3, templates: 2, findings: 2, bySeverity: { error: 2, warning: 0, info: 0 } });
    assert.deepEqual((await client.diagnostics(fileUri(join(workspace, 'stacks', 'data.yaml')))).map((d) => d.code), ['ebs-volume-encryption-enabled']);
    assert.deepEqual((await client.diagnostics(fileUri(join(workspace, 'stacks', 'admin.json')))).map((d) => d.code), ['iam-policy-no-wildcard-action']);
  });

  it('bounds hostile input: an alias bomb and a 5 MB template get a diagnostic, and the server still answers', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = `AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n  ${levels.join('\n  ')}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *j\n`;
    const bombUri = fileUri(join(workspace, 'bomb.yaml'));
    await client.open(bombUri, bomb);
    assert.ok((await client.diagnostics(bombUri)).some((d) => d.code === 'input-limit'));

    const resource = (i: number) => `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: bucket-${i}\n`;
    let huge = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
    for (let i = 0; huge.length < 5 * 1024 * 1024; i++) huge += resource(i);
    const hugeUri = fileUri(join(workspace, 'huge.yaml'));
    await client.open(hugeUri, huge);
    assert.deepEqual((await client.diagnostics(hugeUri)).map((d) => d.code), ['input-limit']);
  });
});

describe('language server with a client that pushes its settings', () => {
  it('applies the pillar section of didChangeConfiguration', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'pillar-lsp-push-'));
    writeFileSync(join(workspace, '.pillar.json'), exampleRulesOnly());
    const client = new LspClient();
    try {
      await client.initialize(workspace, { pullConfiguration: false });
      const uri = fileUri(join(workspace, 'stack.yaml'));
      await client.open(uri, EXAMPLE);
      assert.equal((await client.diagnostics(uri)).length, 8);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { pillar: { rules: { 'cloudtrail-multi-region-enabled': 'off' } } } });
      const after = await client.diagnostics(uri, (p) => p.diagnostics.length === 7);
      assert.ok(!after.some((d) => d.code === 'cloudtrail-multi-region-enabled'));
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('language server with the VS Code client, which asks for document kinds', () => {
  it('says whether each open document is a template, a policy or neither, again only when that changes', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'pillar-lsp-kinds-'));
    const client = new LspClient();
    const kinds: { uri: string; kind: string }[] = [];
    client.connection.onNotification('pillar/documentKind', (params: { uri: string; kind: string }) => kinds.push(params));
    try {
      await client.initialize(workspace, { initializationOptions: { documentKinds: true } });
      const stack = fileUri(join(workspace, 'stack.yaml'));
      const policy = fileUri(join(workspace, 'policy.json'));
      const other = fileUri(join(workspace, 'app.yaml'));
      await client.open(stack, EXAMPLE);
      await client.diagnostics(stack);
      await client.open(policy, '{"Version": "2012-10-17", "Statement": []}', 'json');
      await client.diagnostics(policy);
      await client.open(other, 'name: app\n');
      await client.diagnostics(other);
      await client.change(stack, `${EXAMPLE}# edited\n`, 2);
      await client.diagnostics(stack, (p) => p.version === 2);
      await client.change(other, 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n', 2);
      await client.diagnostics(other, (p) => p.version === 2);
      assert.deepEqual(kinds, [
        { uri: stack, kind: 'template' },
        { uri: policy, kind: 'policy' },
        { uri: other, kind: 'none' },
        { uri: other, kind: 'template' },
      ]);
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('sends no kinds to a client that did not ask', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'pillar-lsp-nokinds-'));
    const client = new LspClient();
    let sent = 0;
    client.connection.onNotification('pillar/documentKind', () => sent++);
    try {
      await client.initialize(workspace);
      const stack = fileUri(join(workspace, 'stack.yaml'));
      await client.open(stack, EXAMPLE);
      await client.diagnostics(stack);
      assert.equal(sent, 0);
    } finally {
      assert.equal(await client.stop(), 0);
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
