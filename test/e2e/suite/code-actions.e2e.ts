import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
  applyAction,
  offeredCodeActions,
  FIRST_DIAGNOSTICS_TIMEOUT_MS,
  findDiagnostic,
  fixtureText,
  openScratchCopy,
  removeScratch,
  spliceLines,
  waitForDiagnostics,
  waitForSummary,
} from './helpers';

const FIX_ALL = 'Fix all auto-fixable Pillar problems';
const YAML_BLOCK = (indent: number) =>
  ['PublicAccessBlockConfiguration:', '  BlockPublicAcls: true', '  BlockPublicPolicy: true', '  IgnorePublicAcls: true', '  RestrictPublicBuckets: true'].map((line) => ' '.repeat(indent) + line);

/** storage.json's line 26 after "Block all public access". */
const JSON_BUCKET_FIXED = [
  '        "BucketName": "pillar-e2e-uploads",',
  '        "PublicAccessBlockConfiguration": {',
  '          "BlockPublicAcls": true,',
  '          "BlockPublicPolicy": true,',
  '          "IgnorePublicAcls": true,',
  '          "RestrictPublicBuckets": true',
  '        }',
];

async function opened(fixture: string, name: string, findings: number) {
  const editor = await openScratchCopy(fixture, name);
  const uri = editor.document.uri;
  await waitForDiagnostics(uri, (d) => d.length === findings, `${findings} findings`, FIRST_DIAGNOSTICS_TIMEOUT_MS);
  return { editor, uri, original: await fixtureText(fixture) };
}

suite('code actions', () => {
  teardown(removeScratch);

  test('YAML: "Block all public access" is the preferred fix; applying it removes only its finding and adds only its lines', async () => {
    const { editor, uri, original } = await opened('logging.yaml', 'bucket.yaml', 4);
    const actions = await offeredCodeActions(uri, findDiagnostic(uri, 's3-bucket-public-access-block').range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => a.title), ['Block all public access', FIX_ALL]);
    const [fix] = actions;
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.kind?.value, 'quickfix');
    await applyAction(fix);
    assert.equal(editor.document.getText(), spliceLines(original, 15, 0, ...YAML_BLOCK(6)));
    await waitForSummary(uri, [
      '7:5-7:15 warning cloudtrail-log-file-validation-enabled',
      '7:5-7:15 warning cloudtrail-multi-region-enabled',
      '29:19-29:28 error ec2-security-group-no-public-admin-ingress',
    ], 'the other findings, moved down five lines');
  });

  test('YAML: two findings on one range each offer their fix; the comment on the last line is kept', async () => {
    const { editor, uri, original } = await opened('logging.yaml', 'trail.yaml', 4);
    const actions = await offeredCodeActions(uri, findDiagnostic(uri, 'cloudtrail-multi-region-enabled').range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => a.title).sort(), ['Fix all auto-fixable Pillar problems', 'Set EnableLogFileValidation to true', 'Set IsMultiRegionTrail to true']);
    await applyAction(actions.find((a) => a.title === 'Set IsMultiRegionTrail to true')!);
    assert.equal(editor.document.getText(), spliceLines(original, 10, 0, '      IsMultiRegionTrail: true'));
    await waitForSummary(uri, [
      '7:5-7:15 warning cloudtrail-log-file-validation-enabled',
      '14:5-14:15 error s3-bucket-public-access-block',
      '25:19-25:28 error ec2-security-group-no-public-admin-ingress',
    ], 'the multi-Region finding to go');
  });

  test('a fix that needs the user\'s input is offered but not preferred, and fix-all leaves it', async () => {
    const { uri } = await opened('logging.yaml', 'ingress.yaml', 4);
    const actions = await offeredCodeActions(uri, findDiagnostic(uri, 'ec2-security-group-no-public-admin-ingress').range, vscode.CodeActionKind.QuickFix.value);
    const replace = actions.find((a) => a.title.startsWith('Replace 0.0.0.0/0 with a new parameter'));
    assert.ok(replace, actions.map((a) => a.title).join(', '));
    assert.equal(replace.isPreferred ?? false, false);
  });

  test('JSON: the fix inserts a JSON object with the file\'s indentation', async () => {
    const { editor, uri, original } = await opened('storage.json', 'storage.json', 3);
    const actions = await offeredCodeActions(uri, findDiagnostic(uri, 's3-bucket-public-access-block').range, vscode.CodeActionKind.QuickFix.value);
    // The EBS and RDS fixes are not preferred (they replace the resource), so there is nothing else to fix all.
    assert.deepEqual(actions.map((a) => a.title), ['Block all public access']);
    await applyAction(actions[0]);
    assert.equal(editor.document.getText(), spliceLines(original, 26, 1, ...JSON_BUCKET_FIXED));
    await waitForSummary(uri, ['10:22-10:27 error ebs-volume-encryption-enabled', '15:7-15:19 error rds-instance-storage-encrypted'], 'the S3 finding to go');
  });

  test('JSON: a fix that replaces the resource is offered but not preferred', async () => {
    const { editor, uri, original } = await opened('storage.json', 'volume.json', 3);
    const actions = await offeredCodeActions(uri, findDiagnostic(uri, 'ebs-volume-encryption-enabled').range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [['Set Encrypted to true (replaces the resource)', false]]);
    await applyAction(actions[0]);
    assert.equal(editor.document.getText(), spliceLines(original, 10, 1, '        "Encrypted": true'));
    await waitForSummary(uri, ['15:7-15:19 error rds-instance-storage-encrypted', '25:7-25:19 error s3-bucket-public-access-block'], 'the EBS finding to go');
  });

  test('fix-all (source.fixAll.pillar) applies every preferred fix at once', async () => {
    const { editor, uri, original } = await opened('logging.yaml', 'fix-all.yaml', 4);
    const actions = await offeredCodeActions(uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
    assert.deepEqual(actions.map((a) => [a.title, a.kind?.value]), [[FIX_ALL, 'source.fixAll.pillar']]);
    await applyAction(actions[0]);
    const expected = spliceLines(spliceLines(original, 15, 0, ...YAML_BLOCK(6)), 10, 0, '      EnableLogFileValidation: true', '      IsMultiRegionTrail: true');
    assert.equal(editor.document.getText(), expected);
    await waitForSummary(uri, ['31:19-31:28 error ec2-security-group-no-public-admin-ingress'], 'only the unfixable finding');
  });

  test('SAM: the "Fix All" command fixes a bucket that has no Properties', async () => {
    const { editor, uri, original } = await opened('sam/template.yaml', 'sam.yaml', 2);
    await vscode.commands.executeCommand('editor.action.fixAll');
    const expected = spliceLines(original, 22, 0, '    Properties:', ...YAML_BLOCK(6));
    await waitForSummary(uri, ['17:23-17:26 error iam-policy-no-wildcard-action'], 'the S3 finding to go');
    assert.equal(editor.document.getText(), expected);
  });

  test('fix-all on save, through editor.codeActionsOnSave', async () => {
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', { 'source.fixAll.pillar': 'explicit' }, vscode.ConfigurationTarget.Global);
    try {
      const { editor, uri, original } = await opened('storage.json', 'on-save.json', 3);
      // An edit makes the file dirty; saving it runs the fix-all as part of the save.
      const word = new vscode.Range(2, 18, 2, 25);
      assert.equal(editor.document.getText(word), 'Storage');
      assert.ok(await editor.edit((edit) => edit.replace(word, 'Data')));
      assert.equal(await editor.document.save(), true);
      assert.equal(editor.document.isDirty, false);
      const fixed = spliceLines(spliceLines(original, 26, 1, ...JSON_BUCKET_FIXED), 3, 1, '  "Description": "Data for the Pillar end-to-end suite.",');
      assert.equal(editor.document.getText(), fixed);
      assert.equal(await fixtureText('scratch/on-save.json'), fixed, 'the saved file holds the fix');
      await waitForSummary(uri, ['10:22-10:27 error ebs-volume-encryption-enabled', '15:7-15:19 error rds-instance-storage-encrypted'], 'the S3 finding to go');
    } finally {
      await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
