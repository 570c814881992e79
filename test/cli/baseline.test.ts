import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { matchBaseline } from '../../server/src/cli/baseline';
import type { ReportedFinding } from '../../server/src/cli/report';
import { SINGLE_REGION_TRAIL, UNENCRYPTED_VOLUME, firstRulesOnly, pillar, tempDir, pinned } from './helpers';

/** Two resources with findings, and a third without, to insert, edit and reorder around. */
const STACK = `# Storage and audit
Resources:
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      Size: 8 # GiB
      Encrypted: false
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
  Topic:
    Type: AWS::SNS::Topic
`;

interface Output {
  findings: { ruleId: string; file: string; resource: string }[];
  baseline?: { file: string; known: number; stale: { file: string; ruleId: string; resource: string | null; path: string; message: string }[] };
}

function scan(dir: string, ...args: string[]): { status: number | null; output: Output; stderr: string } {
  const { status, stdout, stderr } = pillar(['scan', '--config', 'only.json', '--format', 'json', ...args], dir);
  return { status, output: JSON.parse(stdout) as Output, stderr };
}

describe('baselines', () => {
  it('records the findings by rule, file, resource and property path, relative to the baseline, and says so', () => {
    const dir = tempDir({ 'stacks/stack.yaml': STACK, 'only.json': firstRulesOnly(), 'ci/README': 'where CI keeps its files' });
    const { status, stdout, stderr } = pillar(['scan', 'stacks', '--config', 'only.json', '--write-baseline', 'ci/baseline.json'], dir);
    assert.equal(status, 0, 'everything is known once recorded');
    assert.equal(stderr, 'pillar: recorded 3 findings in the baseline ci/baseline.json.\n');
    assert.equal(stdout, 'No findings in 1 file scanned.\n  3 findings in the baseline ci/baseline.json not shown.\n');
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'ci/baseline.json'), 'utf8')), {
      version: 1,
      generator: 'Pillar 0.1.0',
      findings: [
        {
          file: '../stacks/stack.yaml',
          ruleId: 'cloudtrail-log-file-validation-enabled',
          resource: 'Trail',
          path: 'Resources.Trail.Properties',
          message: 'Trail does not turn on log file validation: EnableLogFileValidation is not set and defaults to false.',
        },
        {
          file: '../stacks/stack.yaml',
          ruleId: 'cloudtrail-multi-region-enabled',
          resource: 'Trail',
          path: 'Resources.Trail.Properties',
          message: 'Trail does not turn on logging in every Region: IsMultiRegionTrail is not set and defaults to false.',
        },
        {
          file: '../stacks/stack.yaml',
          ruleId: 'ebs-volume-encryption-enabled',
          resource: 'Volume',
          path: 'Resources.Volume.Properties.Encrypted',
          message: 'Volume turns off encryption at rest: Encrypted is false.',
        },
      ],
    });
  });

  it('keeps findings known when lines are inserted, comments edited and resources reordered', () => {
    const dir = tempDir({ 'stack.yaml': STACK, 'only.json': firstRulesOnly() });
    assert.equal(scan(dir, 'stack.yaml', '--write-baseline', 'baseline.json').status, 0);
    const [volume, trail, topic] = STACK.split(/(?=  Volume:|  Trail:|  Topic:)/).slice(1);
    const variants = {
      'lines inserted above': `AWSTemplateFormatVersion: "2010-09-09"\nDescription: storage\n\n${STACK}`,
      'a resource inserted before': STACK.replace('Resources:\n', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n\n'),
      'comments edited': STACK.replace('# Storage and audit', '# Storage, and the audit trail\n# (reviewed)').replace('Size: 8 # GiB', '# the size\n      Size: 8'),
      'resources reordered': `# Storage and audit\nResources:\n${topic}${trail}${volume}`,
    };
    for (const [change, text] of Object.entries(variants)) {
      writeFileSync(join(dir, 'stack.yaml'), text);
      const { status, output } = scan(dir, 'stack.yaml', '--baseline', 'baseline.json');
      assert.deepEqual([status, output.findings, output.baseline?.known, output.baseline?.stale], [0, [], 3, []], change);
    }
  });

  it('reports a new finding, even of a rule the baseline knows elsewhere, and fails on it', () => {
    const dir = tempDir({ 'stack.yaml': STACK, 'only.json': firstRulesOnly() });
    scan(dir, 'stack.yaml', '--write-baseline', 'baseline.json');
    writeFileSync(join(dir, 'stack.yaml'), `${STACK}  Scratch:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: false\n`);
    const { status, output } = scan(dir, 'stack.yaml', '--baseline', 'baseline.json');
    assert.equal(status, 1);
    assert.deepEqual(output.findings.map((f) => `${f.ruleId} ${f.resource}`), ['ebs-volume-encryption-enabled Scratch']);
    assert.equal(output.baseline?.known, 3);
  });

  it('lists stale entries of the scanned files, and --write-baseline drops them but keeps other files\' entries', () => {
    const dir = tempDir({ 'a/stack.yaml': STACK, 'b/trail.yaml': SINGLE_REGION_TRAIL, 'only.json': firstRulesOnly() });
    scan(dir, 'a', 'b', '--write-baseline', 'baseline.json');
    writeFileSync(join(dir, 'a/stack.yaml'), STACK.replace('Encrypted: false', 'Encrypted: true'));
    const { output } = scan(dir, 'a', '--baseline', 'baseline.json');
    assert.deepEqual(output.baseline?.stale.map((entry) => `${entry.file} ${entry.ruleId} ${entry.path}`), ['a/stack.yaml ebs-volume-encryption-enabled Resources.Volume.Properties.Encrypted']);
    const text = pillar(['scan', 'a', '--config', 'only.json', '--baseline', 'baseline.json'], dir).stdout;
    assert.ok(
      text.endsWith('  1 baseline entry match no finding any more; --write-baseline baseline.json drops them:\n    a/stack.yaml  ebs-volume-encryption-enabled  Resources.Volume.Properties.Encrypted\n'),
      text,
    );
    scan(dir, 'a', '--write-baseline', 'baseline.json');
    const entries = (JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')) as { findings: { file: string; ruleId: string }[] }).findings;
    assert.deepEqual(entries.map((entry) => `${entry.file} ${entry.ruleId}`), [
      'a/stack.yaml cloudtrail-log-file-validation-enabled',
      'a/stack.yaml cloudtrail-multi-region-enabled',
      'b/trail.yaml cloudtrail-log-file-validation-enabled',
      'b/trail.yaml cloudtrail-multi-region-enabled',
    ]);
  });

  it('works from any folder, since its paths are relative to itself', () => {
    const dir = tempDir({ 'infra/stack.yaml': STACK, 'only.json': firstRulesOnly() });
    scan(dir, 'infra', '--write-baseline', '.pillar-baseline.json');
    mkdirSync(join(dir, 'infra/nested'));
    const { status, stdout } = pillar(['scan', '.', '--config', '../only.json', '--baseline', '../.pillar-baseline.json'], join(dir, 'infra'));
    assert.equal(status, 0);
    assert.match(stdout, /^No findings in 1 file scanned\.\n  3 findings in the baseline \.\.\/\.pillar-baseline\.json not shown\.\n$/);
  });

  it('never hides the engine\'s own findings, and is not itself scanned', () => {
    const dir = tempDir({ 'broken.yaml': 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: [\n', 'volume.yaml': UNENCRYPTED_VOLUME, 'only.json': firstRulesOnly() });
    scan(dir, '.', '--write-baseline', 'baseline.json');
    const { output } = scan(dir, '.', '--baseline', 'baseline.json');
    assert.deepEqual(output.findings.map((f) => `${f.file} ${f.ruleId}`), ['broken.yaml parse-error']);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings.map((f: { ruleId: string }) => f.ruleId), ['ebs-volume-encryption-enabled']);
    const json = JSON.parse(pinned(['scan', '.', '--format', 'json', '--baseline', 'baseline.json'], dir).stdout) as { summary: { filesScanned: number } };
    assert.equal(json.summary.filesScanned, 3, 'broken.yaml, volume.yaml and only.json; not baseline.json');
  });

  it('is exit 2 with a message for a missing, malformed or foreign baseline', () => {
    const dir = tempDir({
      'volume.yaml': UNENCRYPTED_VOLUME,
      'not-json.json': '{ "version": 1,',
      'v2.json': '{ "version": 2, "findings": [] }',
      'list.json': '[]',
      'no-findings.json': '{ "version": 1 }',
      'bad-entry.json': '{ "version": 1, "findings": [{ "file": "volume.yaml", "ruleId": 3, "path": "", "resource": null }] }',
    });
    const cases: [string, RegExp][] = [
      ['missing.json', /^pillar: cannot read baseline missing\.json: no such file or folder\n$/],
      ['not-json.json', /^pillar: baseline not-json\.json is not valid JSON \(.+\)\n$/],
      ['v2.json', /^pillar: baseline v2\.json has version 2; this Pillar reads version 1\n$/],
      ['list.json', /^pillar: baseline list\.json is not a Pillar baseline \(expected an object with "version" and "findings"\)\n$/],
      ['no-findings.json', /^pillar: baseline no-findings\.json has no "findings" list\n$/],
      ['bad-entry.json', /^pillar: baseline bad-entry\.json: finding 1 needs "file", "ruleId", "path" \(strings\) and "resource" \(a string or null\)\n$/],
    ];
    for (const [file, message] of cases) {
      const { status, stdout, stderr } = pinned(['scan', 'volume.yaml', '--baseline', file], dir);
      assert.equal(status, 2, file);
      assert.match(stderr, message);
      assert.equal(stdout, '');
    }
    // --write-baseline refuses to overwrite a file it cannot read as a baseline (it keeps other files' entries).
    assert.equal(pinned(['scan', 'volume.yaml', '--write-baseline', 'not-json.json'], dir).status, 2);
    assert.equal(readFileSync(join(dir, 'not-json.json'), 'utf8'), '{ "version": 1,');
  });

  it('matches identities by count: two entries hide two findings at one identity, not three', () => {
    const finding = (occurrence: number): ReportedFinding => ({
      ruleId: 'r',
      severity: 'error',
      area: 'data-protection',
      message: `m${occurrence}`,
      file: 'a.yaml',
      span: { start: occurrence, end: occurrence },
      range: { start: { line: 0, character: occurrence }, end: { line: 0, character: occurrence } },
      resource: 'X',
      path: 'Resources.X',
      fixes: [],
      occurrence,
    });
    const entry = { file: 'a.yaml', ruleId: 'r', resource: 'X', path: 'Resources.X', message: 'm' };
    const baseline = { folder: '/repo', entries: [entry, entry] };
    const three = matchBaseline(baseline, [finding(0), finding(1), finding(2)], ['/repo/a.yaml'], '/repo');
    assert.deepEqual([three.fresh.map((f) => f.occurrence), three.known, three.stale], [[2], 2, []]);
    const one = matchBaseline(baseline, [finding(0)], ['/repo/a.yaml'], '/repo');
    assert.deepEqual([one.fresh, one.known, one.stale], [[], 1, [entry]]);
    const elsewhere = matchBaseline(baseline, [], ['/repo/b.yaml'], '/repo');
    assert.deepEqual(elsewhere.stale, [], 'entries of files not scanned are never stale');
  });
});
