import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXAMPLE, EXAMPLE_FINDINGS, SINGLE_REGION_TRAIL, UNENCRYPTED_VOLUME, pinned, tempDir } from './helpers';

describe('json output', () => {
  const { status, stdout, stderr } = pinned(['scan', EXAMPLE, '--format', 'json']);
  const output = JSON.parse(stdout);

  it('is { findings, summary } and keeps the exit code', () => {
    assert.equal(status, 1);
    assert.equal(stderr, '');
    assert.deepEqual(Object.keys(output), ['findings', 'summary']);
    assert.deepEqual(output.summary, { findings: 8, bySeverity: { error: 5, warning: 3, info: 0 },
      byArea: { 'identity-and-access-management': 1, 'detective-controls': 1, 'infrastructure-protection': 1, 'data-protection': 4, 'incident-response': 1 },
      filesScanned: 1, filesWithFindings: 1, fixable: 4, fixableReplacing: 2 });
  });

  it('gives each finding the fields of DESIGN.md, with a 0-based range, its property path and fingerprint', () => {
    const { fingerprint, ...rest } = output.findings[0];
    assert.match(fingerprint, /^[0-9a-f]{64}$/);
    assert.deepEqual(rest, {
      ruleId: 'iam-policy-no-wildcard-action',
      severity: 'error',
      area: 'identity-and-access-management',
      message: 'AppRole (Policies[0].PolicyDocument) allows every action of every service ("*").',
      file: 'examples/insecure-stack.yaml',
      range: { start: { line: 28, character: 24 }, end: { line: 28, character: 27 } },
      resource: 'AppRole',
      fixes: [],
      path: 'Resources.AppRole.Properties.Policies[0].PolicyDocument.Statement[0].Action',
    });
  });

  it('lists every finding in order, with fix titles', () => {
    assert.deepEqual(
      output.findings.map((f: { ruleId: string; range: { start: { line: number; character: number } } }) => [f.ruleId, `${f.range.start.line + 1}:${f.range.start.character + 1}`]),
      EXAMPLE_FINDINGS.map(([ruleId, at]) => [ruleId, at]),
    );
    const bucket = output.findings.find((f: { ruleId: string }) => f.ruleId === 's3-bucket-public-access-block');
    assert.equal(bucket.resource, 'LogBucket');
    assert.equal(bucket.area, 'data-protection');
    assert.deepEqual(bucket.fixes, ['Block all public access']);
  });

  it('adds fixed after --fix and baseline with a baseline, and nothing without them', () => {
    const dir = tempDir({ 'volume.yaml': UNENCRYPTED_VOLUME, 'trail.yaml': SINGLE_REGION_TRAIL });
    const plain = JSON.parse(pinned(['scan', '.', '--format', 'json'], dir).stdout);
    assert.equal('fixed' in plain, false);
    assert.equal('baseline' in plain, false);
    const fixed = JSON.parse(pinned(['scan', 'volume.yaml', '--fix', '--format', 'json'], dir).stdout);
    assert.deepEqual(fixed.fixed, []);
    const written = JSON.parse(pinned(['scan', 'trail.yaml', '--fix', '--format', 'json', '--write-baseline', 'base.json'], dir).stdout);
    assert.deepEqual(
      written.fixed.map((f: { file: string; ruleId: string; resource: string; path: string; fix: string }) => [f.file, f.ruleId, f.resource, f.path, f.fix]),
      [
        ['trail.yaml', 'cloudtrail-log-file-validation-enabled', 'Trail', 'Resources.Trail.Properties', 'Set EnableLogFileValidation to true'],
        ['trail.yaml', 'cloudtrail-multi-region-enabled', 'Trail', 'Resources.Trail.Properties', 'Set IsMultiRegionTrail to true'],
      ],
    );
    assert.deepEqual(written.baseline, { file: 'base.json', known: 0, stale: [] });
  });
});
