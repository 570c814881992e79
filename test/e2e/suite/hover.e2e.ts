import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { FIRST_DIAGNOSTICS_TIMEOUT_MS, hoverText, offeredHoverText, openFixture, waitForDiagnostics } from './helpers';

async function analyzed(file: string, findings: number): Promise<vscode.Uri> {
  const { document } = await openFixture(file);
  await waitForDiagnostics(document.uri, (d) => d.length === findings, `${findings} findings`, FIRST_DIAGNOSTICS_TIMEOUT_MS);
  return document.uri;
}

suite('hover', () => {
  test('over a finding: the rule, why it matters, what to do, where to read more', async () => {
    const uri = await analyzed('logging.yaml', 4);
    const text = await offeredHoverText(uri, new vscode.Position(12, 6));
    assert.match(text, /\*\*S3 buckets must block public access\*\* · `s3-bucket-public-access-block`/);
    assert.match(text, /SEC08-BP04/);
    assert.doesNotMatch(text, /TrailBucket has no/, 'VS Code shows the diagnostic message itself; the hover does not repeat it');
    assert.match(text, /\*\*Why it matters\.\*\* Most S3 data exposures/);
    assert.match(text, /\*\*What to do\.\*\* Add `PublicAccessBlockConfiguration`/);
    assert.match(text, /\*\*Learn more:\*\* \[.+\]\(https:\/\/docs\.aws\.amazon\.com\//);
  });

  test('two findings on one range: both sections', async () => {
    const uri = await analyzed('logging.yaml', 4);
    const text = await offeredHoverText(uri, new vscode.Position(6, 4));
    assert.match(text, /`cloudtrail-log-file-validation-enabled`[\s\S]*---[\s\S]*`cloudtrail-multi-region-enabled`/);
  });

  test('a standalone policy gets the same guidance', async () => {
    const uri = await analyzed('policies/admin-policy.json', 1);
    const text = await offeredHoverText(uri, new vscode.Position(12, 17));
    assert.match(text, /`iam-policy-no-wildcard-action`/);
    assert.match(text, /\*\*Why it matters\.\*\* Least privilege/);
  });

  test('nothing from Pillar away from findings', async () => {
    const uri = await analyzed('logging.yaml', 4);
    assert.doesNotMatch(await hoverText(uri, new vscode.Position(0, 3)), /Why it matters/);
    assert.doesNotMatch(await hoverText(uri, new vscode.Position(7, 8)), /Why it matters/);
  });
});
