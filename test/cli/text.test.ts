import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatText } from '../../server/src/cli/formatters/text';
import { EXAMPLE, EXAMPLE_FINDINGS, CLEAN_BUCKET, SINGLE_REGION_TRAIL, UNENCRYPTED_VOLUME, pillar, tempDir } from './helpers';

const LINE = /^(?<file>[^:]+):(?<line>\d+):(?<column>\d+)  (?<severity>error|warning|info) *  (?<message>.+)  \[(?<ruleId>[a-z0-9-]+)\]$/;

describe('text output', () => {
  it("prints the example's findings with 1-based positions, in order, then the summary", () => {
    const { status, stdout, stderr } = pillar(['scan', EXAMPLE]);
    assert.equal(status, 1);
    assert.equal(stderr, '');
    const lines = stdout.split('\n');
    const findings = lines.slice(0, EXAMPLE_FINDINGS.length).map((line) => LINE.exec(line)?.groups);
    assert.deepEqual(
      findings.map((f) => [f?.ruleId, `${f?.line}:${f?.column}`, f?.severity, f?.file]),
      EXAMPLE_FINDINGS.map(([ruleId, at, severity]) => [ruleId, at, severity, EXAMPLE]),
    );
    assert.deepEqual(lines.slice(EXAMPLE_FINDINGS.length), [
      '',
      '7 findings (5 errors, 2 warnings, 0 info) in 1 file',
      'By area: identity and access management 1, detective controls 1, infrastructure protection 1, data protection 3, incident response 1',
      '',
    ]);
  });

  it('lays a finding out as file:line:col, padded severity, message and rule id', () => {
    const first = pillar(['scan', EXAMPLE]).stdout.split('\n')[0];
    assert.equal(first, 'examples/insecure-stack.yaml:29:25  error    AppRole (Policies[0].PolicyDocument) allows every action of every service ("*").  [iam-policy-no-wildcard-action]');
  });

  it('groups findings per file, a blank line between files, and counts scanned files apart', () => {
    const dir = tempDir({ 'a.yaml': UNENCRYPTED_VOLUME, 'b.yaml': SINGLE_REGION_TRAIL, 'c.yaml': CLEAN_BUCKET });
    const { status, stdout } = pillar(['scan', '.'], dir);
    assert.equal(status, 1);
    assert.equal(
      stdout,
      [
        'a.yaml:9:18  error    Volume turns off encryption at rest: Encrypted is false.  [ebs-volume-encryption-enabled]',
        '',
        'b.yaml:4:5  warning  Trail does not turn on log file validation: EnableLogFileValidation is not set and defaults to false.  [cloudtrail-log-file-validation-enabled]',
        'b.yaml:4:5  warning  Trail does not turn on logging in every Region: IsMultiRegionTrail is not set and defaults to false.  [cloudtrail-multi-region-enabled]',
        '',
        '3 findings (1 error, 2 warnings, 0 info) in 2 files (3 files scanned)',
        'By area: identity and access management 0, detective controls 1, infrastructure protection 0, data protection 1, incident response 1',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing is found, and never colors output that is not a terminal', () => {
    const dir = tempDir({ 'bucket.yaml': CLEAN_BUCKET });
    const { status, stdout } = pillar(['scan', 'bucket.yaml'], dir);
    assert.equal(status, 0);
    assert.equal(stdout, 'No findings in 1 file scanned.\n');
    assert.doesNotMatch(pillar(['scan', EXAMPLE]).stdout, /\u001b\[/);
  });

  it('colors the severity and dims the rule id when asked (a terminal without NO_COLOR)', () => {
    const finding = JSON.parse(pillar(['scan', EXAMPLE, '--format', 'json']).stdout).findings[1];
    const text = formatText({ files: [EXAMPLE], findings: [finding] }, true);
    assert.equal(text.split('\n')[0], `${EXAMPLE}:35:5  \u001b[33mwarning\u001b[0m  ${finding.message}  \u001b[2m[cloudtrail-log-file-validation-enabled]\u001b[0m`);
  });
});
