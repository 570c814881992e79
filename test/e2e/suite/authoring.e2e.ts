import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, FIRST_DIAGNOSTICS_TIMEOUT_MS, openFixture, pillarDiagnostics, removeScratch, ruleId, TIMEOUT_MS, waitForDiagnostics, workspaceRoot } from './helpers';

/** The status bar item's state, from the extension's API (client/src/status-bar.ts). */
interface FindingsStatus {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly command: string | undefined;
  readonly errors: number;
  readonly warnings: number;
}

interface PillarApi {
  findingsStatus(): FindingsStatus;
}

/** Polls `read` until `accept` holds; rejects with the last value after the timeout. */
async function eventually<T>(read: () => T, accept: (value: T) => boolean, what: string, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

suite('authoring aids', () => {
  let api: PillarApi;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<PillarApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  suiteTeardown(() => removeScratch());

  test('the status bar counts the active template\'s errors and warnings, opens Problems, and hides for other files', async () => {
    const uri = (await openFixture('logging.yaml')).document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 4, 'four findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    const status = await eventually(() => api.findingsStatus(), (s) => s.visible && s.errors === 2 && s.warnings === 2, 'the status bar to count 2 errors and 2 warnings');
    assert.equal(status.text, '$(shield) Pillar $(error) 2 $(warning) 2');
    assert.match(status.tooltip, /2 errors, 2 warnings and 0 info in this template/);
    assert.equal(status.command, 'workbench.actions.view.problems');
    await vscode.commands.executeCommand(status.command!);

    // Neither a template nor a policy: Pillar has nothing to count.
    await openFixture('config/app.yaml');
    await eventually(() => api.findingsStatus(), (s) => !s.visible, 'the status bar to hide for config/app.yaml');

    const policy = (await openFixture('policies/admin-policy.json')).document.uri;
    await waitForDiagnostics(policy, (d) => d.length > 0, 'the policy findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    const policyStatus = await eventually(() => api.findingsStatus(), (s) => s.visible && /this IAM policy/.test(s.tooltip), 'the status bar for the policy');
    const diagnostics = pillarDiagnostics(policy);
    assert.equal(policyStatus.errors, diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length);

    await openFixture('logging.yaml');
    await eventually(() => api.findingsStatus(), (s) => s.visible && s.errors === 2, 'the status bar to come back for logging.yaml');
  });

  test('Pillar: Open an Example Template shows findings at once, in an untitled editor', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('pillar.openExample');
    const uri = editor.document.uri;
    assert.equal(uri.scheme, 'untitled');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === 'ec2-security-group-no-public-admin-ingress'), 'the example\'s findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    assert.ok(diagnostics.some((d) => ruleId(d) === 's3-bucket-public-access-block'));
    await eventually(() => api.findingsStatus(), (s) => s.visible && s.errors === 2, 'the status bar for the example');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the snippets, inserted by VS Code\'s own snippet engine, give a template with nothing above info', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const file = vscode.Uri.joinPath(extension.extensionUri, 'snippets', 'yaml.json');
    const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, { prefix: string; body: string[] }>;
    const body = (prefix: string) => {
      const found = Object.values(snippets).find((s) => s.prefix === prefix);
      assert.ok(found, prefix);
      return new vscode.SnippetString(found.body.join('\n'));
    };
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'from-snippets.yaml');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    assert.ok(await editor.insertSnippet(body('pillar-template'), new vscode.Position(0, 0)));
    await vscode.commands.executeCommand('leaveSnippet');
    assert.match(editor.document.getText(), /^AWSTemplateFormatVersion: '2010-09-09'\nDescription: 'from-snippets: what this stack deploys'\nResources:\n {2}$/);
    // Each resource snippet on its own line under Resources, where a user would type its prefix.
    for (const prefix of ['pillar-kms-key', 'pillar-s3-access-log-bucket', 'pillar-s3-bucket', 'pillar-vpc', 'pillar-lambda-function']) {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      assert.ok(await editor.insertSnippet(body(prefix), end));
      await vscode.commands.executeCommand('leaveSnippet');
      assert.ok(await editor.edit((edit) => edit.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\n  ')));
    }
    // A last resource that Pillar must report: its findings show that the final text was analyzed.
    const probeLine = editor.document.lineCount - 1;
    assert.ok(await editor.edit((edit) => edit.insert(editor.document.lineAt(probeLine).range.end, 'Probe:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 1\n')));
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === 'ebs-volume-encryption-enabled'), 'the probe\'s finding', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    const fromSnippets = diagnostics.filter((d) => d.range.start.line < probeLine && d.severity !== vscode.DiagnosticSeverity.Information);
    assert.deepEqual(fromSnippets.map((d) => `${d.range.start.line + 1} ${ruleId(d)}: ${d.message}`), [], editor.document.getText());
  });

  test('the Get Started walkthrough opens', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#pillar.gettingStarted`, false);
    await eventually(
      () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label),
      (labels) => labels.some((label) => /Welcome|Walkthrough|Get Started/i.test(label)),
      'the walkthrough editor',
    );
  });
});
