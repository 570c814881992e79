import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { FIRST_DIAGNOSTICS_TIMEOUT_MS, findDiagnostic, openFixture, openScratchCopy, pillarDiagnostics, removeScratch, waitForDiagnostics, waitForSummary } from './helpers';

/** Every fixture template and its findings, written by hand: 1-based line:column ranges as the editor shows them. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'logging.yaml': [
    '7:5-7:15 warning cloudtrail-log-file-validation-enabled',
    '7:5-7:15 warning cloudtrail-multi-region-enabled',
    '13:5-13:15 error s3-bucket-public-access-block',
    '24:19-24:28 error ec2-security-group-no-public-admin-ingress',
  ],
  'storage.json': [
    '10:22-10:27 error ebs-volume-encryption-enabled',
    '15:7-15:19 error rds-instance-storage-encrypted',
    '25:7-25:19 error s3-bucket-public-access-block',
  ],
  'sam/template.yaml': ['17:23-17:26 error iam-policy-no-wildcard-action', '20:3-20:10 error s3-bucket-public-access-block'],
  'policies/admin-policy.json': ['13:17-13:20 error iam-policy-no-wildcard-action'],
  'legacy/network.template': ['9:74-9:85 error ec2-security-group-no-public-admin-ingress'],
};

suite('diagnostics', () => {
  suiteTeardown(removeScratch);

  for (const [file, expected] of Object.entries(EXPECTED)) {
    test(`${file}: exact findings and ranges`, async () => {
      const editor = await openFixture(file);
      const diagnostics = await waitForSummary(editor.document.uri, expected, 'the expected findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.source, 'pillar');
        assert.match(String((diagnostic.code as { target: vscode.Uri }).target), /^https:\/\/docs\.aws\.amazon\.com\//);
      }
    });
  }

  test('messages name the resource and the problem', async () => {
    const sam = (await openFixture('sam/template.yaml')).document.uri;
    await waitForDiagnostics(sam, (d) => d.length === 2, 'two findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    assert.match(findDiagnostic(sam, 'iam-policy-no-wildcard-action').message, /^ApiFunction .*allows every action of every service \("\*"\)/);
    assert.match(findDiagnostic(sam, 's3-bucket-public-access-block').message, /^Uploads has no PublicAccessBlockConfiguration/);
    const policy = (await openFixture('policies/admin-policy.json')).document.uri;
    await waitForDiagnostics(policy, (d) => d.length === 1, 'one finding', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    assert.match(findDiagnostic(policy, 'iam-policy-no-wildcard-action').message, /^This policy allows every action/);
    const legacy = (await openFixture('legacy/network.template')).document.uri;
    await waitForDiagnostics(legacy, (d) => d.length === 1, 'one finding', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    assert.match(findDiagnostic(legacy, 'ec2-security-group-no-public-admin-ingress').message, /SSH \(port 22\) to the whole internet \(0\.0\.0\.0\/0\)/);
  });

  test('a YAML file that is not a template gets no diagnostics', async () => {
    const editor = await openFixture('config/app.yaml');
    // Wait for a template opened after it to be analyzed: the server handles documents in order.
    const marker = await openFixture('policies/admin-policy.json');
    await waitForDiagnostics(marker.document.uri, (d) => d.length === 1, 'the marker template', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    assert.deepEqual(pillarDiagnostics(editor.document.uri), []);
  });

  test('diagnostics follow edits as the user types', async () => {
    const editor = await openScratchCopy('logging.yaml', 'typing.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 4, 'four findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    // Open the RDP rule to a private range only: the finding goes away, and comes back on undo.
    const cidr = new vscode.Range(23, 18, 23, 27);
    assert.equal(editor.document.getText(cidr), '0.0.0.0/0');
    assert.ok(await editor.edit((edit) => edit.replace(cidr, '10.0.0.0/8')));
    await waitForDiagnostics(uri, (d) => d.length === 3 && !d.some((x) => x.range.start.line === 23), 'the RDP finding to go');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(cidr), '0.0.0.0/0');
    await waitForDiagnostics(uri, (d) => d.length === 4, 'the RDP finding to come back');
  });

  test('an untitled YAML template is analyzed too', async () => {
    const content = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Data:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n    Properties:\n      Size: 1\n';
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(document);
    await waitForSummary(document.uri, ['7:5-7:15 error ebs-volume-encryption-enabled'], 'the EBS finding', FIRST_DIAGNOSTICS_TIMEOUT_MS);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
