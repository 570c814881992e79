import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLEAN_BUCKET, UNENCRYPTED_VOLUME, WORKFLOW, firstRulesOnlyFile, pillar, tempDir } from './helpers';

const JSON_VOLUME = JSON.stringify({ Resources: { Volume: { Type: 'AWS::EC2::Volume', DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot', Properties: { Size: 8, Encrypted: false } } } }, null, 2);

/** A repository where only the template extensions hold findings; every other file would report one if analyzed. */
function repository(): string {
  return tempDir({
    'stacks/volume.yaml': UNENCRYPTED_VOLUME,
    'stacks/bucket.yml': CLEAN_BUCKET,
    'stacks/volume.json': JSON_VOLUME,
    'legacy/volume.template': UNENCRYPTED_VOLUME,
    '.github/workflows/ci.yml': WORKFLOW,
    'package.json': JSON_VOLUME,
    'node_modules/lib/volume.yaml': UNENCRYPTED_VOLUME,
    'notes.txt': UNENCRYPTED_VOLUME,
  });
}

function scan(args: readonly string[], cwd: string) {
  const { status, stdout, stderr } = pillar(['scan', ...args, '--config', firstRulesOnlyFile(), '--format', 'json'], cwd);
  assert.equal(stderr, '');
  const output = JSON.parse(stdout) as { findings: { file: string; ruleId: string }[]; summary: { filesScanned: number } };
  return { status, files: output.findings.map((f) => `${f.file} ${f.ruleId}`), scanned: output.summary.filesScanned };
}

describe('file discovery', () => {
  it('walks a folder for .yaml, .yml, .json and .template files, skipping excluded ones and non-templates quietly', () => {
    const result = scan(['.'], repository());
    assert.deepEqual(result.files, [
      'legacy/volume.template ebs-volume-encryption-enabled',
      'stacks/volume.json ebs-volume-encryption-enabled',
      'stacks/volume.yaml ebs-volume-encryption-enabled',
    ]);
    // volume.yaml, bucket.yml, volume.json, volume.template and the workflow (read, not a template).
    assert.equal(result.scanned, 5);
  });

  it('applies include globs relative to the folder given', () => {
    const dir = repository();
    const result = scan(['stacks'], dir);
    assert.deepEqual(result.files, ['stacks/volume.json ebs-volume-encryption-enabled', 'stacks/volume.yaml ebs-volume-encryption-enabled']);
    assert.equal(result.scanned, 3);
  });

  it('always analyzes files named explicitly, once each', () => {
    const dir = repository();
    const result = scan(['notes.txt', 'package.json', 'stacks/volume.yaml', 'stacks'], dir);
    assert.deepEqual(result.files, [
      'notes.txt ebs-volume-encryption-enabled',
      'package.json ebs-volume-encryption-enabled',
      'stacks/volume.json ebs-volume-encryption-enabled',
      'stacks/volume.yaml ebs-volume-encryption-enabled',
    ]);
    assert.equal(result.scanned, 5);
  });

  it('expands globs from the working directory, minus excluded paths', () => {
    const result = scan(['**/volume.yaml'], repository());
    assert.deepEqual(result.files, ['stacks/volume.yaml ebs-volume-encryption-enabled']);
    assert.equal(result.scanned, 1);
  });

  it('gives no findings and exit 0 for a YAML file that is not a template', () => {
    const dir = tempDir({ '.github/workflows/ci.yml': WORKFLOW });
    const { status, stdout, stderr } = pillar(['scan', '.github/workflows/ci.yml'], dir);
    assert.deepEqual([status, stdout, stderr], [0, 'No findings in 1 file scanned.\n', '']);
  });
});
