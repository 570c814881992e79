import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, Range, TextDocumentEdit } from 'vscode-languageserver/node';
import { validPosition } from '../helpers/positions';
import { fileUri, LspClient } from '../helpers/lsp-client';

const EXAMPLE = readFileSync(resolve(__dirname, '../../examples/insecure-stack.yaml'), 'utf8');
const OPEN_QUOTE = (eol: string) => ['Resources:', '  B:', '    Type: AWS::SNS::Topic', '    Properties:', '      TopicName: "a'].join(eol) + eol + '"';

function assertValid(text: string, range: Range, what: string): void {
  assert.equal(validPosition(text, range.start), undefined, `${what} start ${JSON.stringify(range)}`);
  assert.equal(validPosition(text, range.end), undefined, `${what} end ${JSON.stringify(range)}`);
}

describe('language server on CRLF and CR-only documents', () => {
  let workspace: string;
  let client: LspClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'pillar-lsp-eol-'));
    client = new LspClient();
    await client.initialize(workspace);
  });

  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
    rmSync(workspace, { recursive: true, force: true });
  });

  const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)}`);

  for (const [name, eol] of [['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`publishes the same diagnostics as for LF, valid on the text, with ${name}: the issue's open quote`, async () => {
      const lf = fileUri(join(workspace, `quote-lf-${name}.yaml`));
      const other = fileUri(join(workspace, `quote-${name}.yaml`));
      await client.open(lf, OPEN_QUOTE('\n'));
      await client.open(other, OPEN_QUOTE(eol));
      const expected = await client.diagnostics(lf);
      const actual = await client.diagnostics(other);
      assert.ok(actual.some((d) => d.code === 'parse-error'));
      for (const d of actual) assertValid(OPEN_QUOTE(eol), d.range, String(d.code));
      assert.deepEqual(summary(actual), summary(expected));
    });

    it(`answers hovers and applies quick fixes with ${name} line breaks`, async () => {
      const text = EXAMPLE.replace(/\n/g, eol);
      const uri = fileUri(join(workspace, `stack-${name}.yaml`));
      await client.open(uri, text);
      const diagnostics = await client.diagnostics(uri);
      const lfUri = fileUri(join(workspace, `stack-lf-${name}.yaml`));
      await client.open(lfUri, EXAMPLE);
      assert.deepEqual(summary(diagnostics), summary(await client.diagnostics(lfUri)));
      for (const d of diagnostics) {
        assertValid(text, d.range, String(d.code));
        const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover | null;
        assert.ok(hover, `hover at ${String(d.code)}`);
        assertValid(text, hover.range!, 'hover');
      }
      const bucket = diagnostics.find((d) => d.code === 's3-bucket-public-access-block')!;
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: bucket.range, context: { diagnostics: [bucket], only: ['quickfix'] } })) as CodeAction[];
      const fix = actions.find((a) => a.title === 'Block all public access')!;
      const edits = (fix.edit!.documentChanges![0] as TextDocumentEdit).edits;
      for (const edit of edits) assertValid(text, edit.range, 'edit');
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
      assert.ok(!fixed.replace(new RegExp(eol === '\r' ? '\\r' : '\\r\\n', 'g'), '').includes('\n'), 'the fix writes the document\'s own line break');
      await client.change(uri, fixed, 2);
      const after = await client.diagnostics(uri, (p) => p.version === 2);
      assert.ok(!after.some((d) => d.code === 's3-bucket-public-access-block' || d.code === 'parse-error'), JSON.stringify(after.map((d) => d.code)));
    });
  }
});
