import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXAMPLE, EXAMPLE_FINDINGS, pillar } from './helpers';

describe('json output', () => {
  const { status, stdout, stderr } = pillar(['scan', EXAMPLE, '--format', 'json']);
  const output = JSON.parse(stdout);

  it('is { findings, summary } and keeps the exit code', () => {
    assert.equal(status, 1);
    assert.equal(stderr, '');
    assert.deepEqual(Object.keys(output), ['findings', 'summary']);
    assert.deepEqual(output.summary, { findings: 8, bySeverity: { error: 5, warning: 3, info: 0 },
      byArea: { 'identity-and-access-management': 1, 'detective-controls': 1, 'infrastructure-protection': 1, 'data-protection': 4, 'incident-response': 1 },
      filesScanned: 1, filesWithFindings: 1 });
  });

  it('gives each finding the fields of DESIGN.md, with a 0-based range', () => {
    assert.deepEqual(output.findings[0], {
      ruleId: 'iam-policy-no-wildcard-action',
      severity: 'error',
      area: 'identity-and-access-management',
      message: 'AppRole (Policies[0].PolicyDocument) allows every action of every service ("*").',
      file: 'examples/insecure-stack.yaml',
      range: { start: { line: 28, character: 24 }, end: { line: 28, character: 27 } },
      resource: 'AppRole',
      fixes: [],
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
});
