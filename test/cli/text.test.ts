import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wantsColor } from '../../server/src/cli/color';
import { EXAMPLE, CLEAN_BUCKET, SINGLE_REGION_TRAIL, UNENCRYPTED_VOLUME, firstRulesOnly, pillar, tempDir, pinned } from './helpers';

const ESC = '\u001b[';

describe('text output', () => {
  it('groups findings under each file, in aligned columns, with a blank line between files and a summary', () => {
    const dir = tempDir({ 'a.yaml': UNENCRYPTED_VOLUME, 'b.yaml': SINGLE_REGION_TRAIL, 'c.yaml': CLEAN_BUCKET, 'only.json': firstRulesOnly() });
    const { status, stdout, stderr } = pillar(['scan', '.', '--config', 'only.json'], dir);
    assert.equal(status, 1);
    assert.equal(stderr, '');
    assert.equal(
      stdout,
      [
        'a.yaml',
        '  9:18  error  Volume turns off encryption at rest: Encrypted is false.  ebs-volume-encryption-enabled',
        '',
        'b.yaml',
        '  4:5  warning  Trail does not turn on log file validation: EnableLogFileValidation is not set and defaults to false.  cloudtrail-log-file-validation-enabled',
        '  4:5  warning  Trail does not turn on logging in every Region: IsMultiRegionTrail is not set and defaults to false.   cloudtrail-multi-region-enabled',
        '',
        '✖ 3 findings (1 error, 2 warnings, 0 info) in 2 files (4 files scanned)',
        '  By area: identity and access management 0, detective controls 1, infrastructure protection 0, data protection 1, incident response 1',
        '  2 findings fixable with --fix; 1 more with --fix --fix-replacing, which replaces the resources.',
        '',
      ].join('\n'),
    );
  });

  it('right-aligns line numbers and left-aligns columns, so that positions line up', () => {
    const volumes = Array.from({ length: 4 }, (_, i) => `  Volume${i}:\n    Type: AWS::EC2::Volume\n    Properties:\n${Array.from({ length: i * 3 }, (_, j) => `      Note${j}: filler\n`).join('')}      Encrypted: false\n`).join('');
    const dir = tempDir({ 'volumes.yaml': `Resources:\n${volumes}`, 'only.json': firstRulesOnly() });
    const rows = pillar(['scan', 'volumes.yaml', '--config', 'only.json'], dir).stdout.split('\n').slice(1, 5);
    assert.deepEqual(
      rows.map((row) => row.slice(0, 16)),
      ['   5:18  error  ', '  12:18  error  ', '  22:18  error  ', '  35:18  error  '],
    );
  });

  it('paints file, position, severity, rule and summary when colour is on', () => {
    const dir = tempDir({ 'b.yaml': SINGLE_REGION_TRAIL });
    const { stdout } = pinned(['scan', 'b.yaml', '--color'], dir);
    const [file, first] = stdout.split('\n');
    assert.equal(file, `${ESC}4mb.yaml${ESC}0m`);
    assert.equal(
      first,
      `  ${ESC}2m4:5${ESC}0m  ${ESC}33mwarning${ESC}0m  Trail does not turn on log file validation: EnableLogFileValidation is not set and defaults to false.  ${ESC}2mcloudtrail-log-file-validation-enabled${ESC}0m`,
    );
    assert.ok(stdout.includes(`${ESC}1m${ESC}33m✖ 2 findings (0 errors, 2 warnings, 0 info) in 1 file${ESC}0m${ESC}0m`));
  });

  it('says so when nothing is found, and colours nothing that is not a terminal', () => {
    const dir = tempDir({ 'bucket.yaml': CLEAN_BUCKET });
    const { status, stdout } = pinned(['scan', 'bucket.yaml'], dir);
    assert.equal(status, 0);
    assert.equal(stdout, 'No findings in 1 file scanned.\n');
    assert.doesNotMatch(pinned(['scan', EXAMPLE]).stdout, /\u001b\[/);
  });

  it('honours FORCE_COLOR and NO_COLOR, and --color and --no-color over both', () => {
    const colored = (args: string[], env: Record<string, string>) => /\u001b\[/.test(pinned(['scan', EXAMPLE, ...args], undefined, env).stdout);
    assert.equal(colored([], { FORCE_COLOR: '1' }), true);
    assert.equal(colored([], { FORCE_COLOR: '0' }), false);
    assert.equal(colored([], { NO_COLOR: '1', FORCE_COLOR: '1' }), true);
    assert.equal(colored([], { NO_COLOR: '1' }), false);
    assert.equal(colored(['--no-color'], { FORCE_COLOR: '1' }), false);
    assert.equal(colored(['--color'], { NO_COLOR: '1' }), true);
  });

  it('decides colour for a terminal from the environment, and never for a report written to a file', () => {
    assert.equal(wantsColor(undefined, false, true, {}), true);
    assert.equal(wantsColor(undefined, false, true, { NO_COLOR: '1' }), false);
    assert.equal(wantsColor(undefined, false, true, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count');
    assert.equal(wantsColor(undefined, false, false, {}), false);
    assert.equal(wantsColor(undefined, false, false, { FORCE_COLOR: '' }), true);
    assert.equal(wantsColor(undefined, false, true, { FORCE_COLOR: 'false' }), false);
    assert.equal(wantsColor(undefined, true, true, { FORCE_COLOR: '1' }), false);
    assert.equal(wantsColor(true, true, false, {}), true);
  });

  it('shows errors only with --quiet, and says how many others it left out', () => {
    const dir = tempDir({ 'a.yaml': UNENCRYPTED_VOLUME, 'b.yaml': SINGLE_REGION_TRAIL, 'only.json': firstRulesOnly() });
    const { status, stdout } = pillar(['scan', 'a.yaml', 'b.yaml', '--quiet', '--config', 'only.json'], dir);
    assert.equal(status, 1);
    assert.equal(
      stdout,
      [
        'a.yaml',
        '  9:18  error  Volume turns off encryption at rest: Encrypted is false.  ebs-volume-encryption-enabled',
        '',
        '✖ 1 finding (1 error, 0 warnings, 0 info) in 1 file (2 files scanned)',
        '  By area: identity and access management 0, detective controls 0, infrastructure protection 0, data protection 1, incident response 0',
        '  1 finding fixable with --fix --fix-replacing, which replaces the resources.',
        '  2 warning or info findings not shown (--quiet).',
        '',
      ].join('\n'),
    );
  });
});
