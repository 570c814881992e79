import assert from 'node:assert/strict';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import packageJson from '../../package.json';
import { CLEAN_BUCKET, EXAMPLE, SINGLE_REGION_TRAIL, UNENCRYPTED_VOLUME, firstRulesOnly, pillar, tempDir } from './helpers';

describe('exit codes', () => {
  it('is 1 when a finding reaches the default threshold (error), 0 with --fail-on never', () => {
    assert.equal(pillar(['scan', EXAMPLE]).status, 1);
    assert.equal(pillar(['scan', EXAMPLE, '--fail-on', 'never']).status, 0);
  });

  it('is 0 for a clean template', () => {
    const dir = tempDir({ 'bucket.yaml': CLEAN_BUCKET, 'only.json': firstRulesOnly() });
    assert.equal(pillar(['scan', 'bucket.yaml', '--config', 'only.json', '--fail-on', 'info'], dir).status, 0);
  });

  it('compares warnings with the threshold', () => {
    const dir = tempDir({ 'trail.yaml': SINGLE_REGION_TRAIL });
    assert.equal(pillar(['scan', 'trail.yaml'], dir).status, 0);
    assert.equal(pillar(['scan', 'trail.yaml', '--fail-on', 'error'], dir).status, 0);
    assert.equal(pillar(['scan', 'trail.yaml', '--fail-on', 'warning'], dir).status, 1);
    assert.equal(pillar(['scan', 'trail.yaml', '--fail-on', 'info'], dir).status, 1);
  });

  it('is 1 with more warnings than --max-warnings, whatever --fail-on says, and says why', () => {
    const dir = tempDir({ 'trail.yaml': SINGLE_REGION_TRAIL, 'volume.yaml': UNENCRYPTED_VOLUME, 'only.json': firstRulesOnly() });
    const run = (...args: string[]) => pillar(['scan', 'trail.yaml', '--config', 'only.json', ...args], dir);
    assert.deepEqual([run('--max-warnings', '2').status, run('--max-warnings', '2').stderr], [0, '']);
    assert.deepEqual([run('--max-warnings', '1').status, run('--max-warnings', '1').stderr], [1, 'pillar: 2 warnings, more than --max-warnings 1.\n']);
    assert.equal(run('--max-warnings', '0', '--fail-on', 'never').status, 1);
    const quiet = run('--max-warnings', '0', '--quiet');
    assert.deepEqual([quiet.status, quiet.stderr], [1, 'pillar: 2 warnings, more than --max-warnings 0 (not shown with --quiet).\n']);
    // Errors are not warnings: they answer to --fail-on alone.
    assert.equal(pillar(['scan', 'volume.yaml', '--max-warnings', '0', '--fail-on', 'never'], dir).status, 0);
  });

  it('counts the warnings --quiet hides towards the exit code', () => {
    const dir = tempDir({ 'trail.yaml': SINGLE_REGION_TRAIL, 'only.json': firstRulesOnly() });
    const quiet = pillar(['scan', 'trail.yaml', '--config', 'only.json', '--quiet', '--fail-on', 'warning'], dir);
    assert.equal(quiet.status, 1);
    assert.match(quiet.stdout, /^No findings in 1 file scanned\.\n  2 warning or info findings not shown \(--quiet\)\.\n$/);
  });

  it('is 2 with one "pillar: ..." line for usage mistakes, never a stack trace', () => {
    const cases: [string[], string][] = [
      [[], 'pillar: missing command: scan or rules (see pillar --help)\n'],
      [['lint', 'x'], 'pillar: unknown command "lint": expected scan or rules (see pillar --help)\n'],
      [['scan'], 'pillar: scan needs at least one file, folder or glob\n'],
      [['scan', EXAMPLE, '--bogus'], "pillar: Unknown option '--bogus'\n"],
      [['scan', EXAMPLE, '--format', 'xml'], 'pillar: --format must be one of text, json, sarif, junit, gitlab, got "xml"\n'],
      [['scan', EXAMPLE, '--max-warnings', 'none'], 'pillar: --max-warnings must be a whole number of 0 or more, got "none"\n'],
      [['scan', EXAMPLE, '--max-warnings', '2.5'], 'pillar: --max-warnings must be a whole number of 0 or more, got "2.5"\n'],
      [['scan', EXAMPLE, '--fix', '--fix-dry-run'], 'pillar: --fix and --fix-dry-run exclude each other: --fix writes the files, --fix-dry-run prints a diff\n'],
      [['scan', EXAMPLE, '--fix-replacing'], 'pillar: --fix-replacing goes with --fix or --fix-dry-run\n'],
      [['scan', EXAMPLE, '--fix-dry-run', '--format', 'json'], 'pillar: --fix-dry-run prints a diff, so it takes no --format\n'],
      [['scan', EXAMPLE, '--fix-dry-run', '--write-baseline', 'b.json'], 'pillar: --write-baseline records the files as they are, so it does not go with --fix-dry-run\n'],
      [['scan', EXAMPLE, '--color', '--no-color'], 'pillar: --color and --no-color exclude each other\n'],
      [['rules', '--fix'], 'pillar: --fix does not apply to rules\n'],
      [['scan', EXAMPLE, '--fail-on', 'critical'], 'pillar: --fail-on must be one of error, warning, info, never, got "critical"\n'],
      [['scan', EXAMPLE, '--format'], "pillar: Option '-f, --format <value>' argument missing\n"],
      [['rules', '--format', 'sarif'], 'pillar: --format must be one of text, json, got "sarif"\n'],
      [['rules', '--fail-on', 'error'], 'pillar: --fail-on does not apply to rules\n'],
    ];
    for (const [args, message] of cases) {
      const { status, stdout, stderr } = pillar(args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stderr, message);
      assert.equal(stdout, '');
    }
  });

  it('is 2 for a missing path or a glob that matches nothing, even beside good files', () => {
    const missing = pillar(['scan', EXAMPLE, 'no/such/template.yaml']);
    assert.deepEqual([missing.status, missing.stderr, missing.stdout], [2, 'pillar: no such file or folder: no/such/template.yaml\n', '']);
    const glob = pillar(['scan', 'no/such/**/*.yaml']);
    assert.deepEqual([glob.status, glob.stderr], [2, 'pillar: no files match no/such/**/*.yaml\n']);
  });

  it('is 2 for a file that cannot be read', () => {
    const dir = tempDir({});
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    assert.deepEqual(pillar(['scan', 'loop.yaml'], dir).stderr, 'pillar: cannot read loop.yaml: too many symbolic links\n');
  });

  it('is 2 for a file without read permission', { skip: process.getuid?.() === 0 && 'root reads any file' }, () => {
    const dir = tempDir({ 'locked.yaml': UNENCRYPTED_VOLUME });
    chmodSync(join(dir, 'locked.yaml'), 0o000);
    assert.deepEqual(pillar(['scan', 'locked.yaml'], dir).stderr, 'pillar: cannot read locked.yaml: permission denied\n');
  });

  it('is 2 for a bad configuration file, naming it', () => {
    const dir = tempDir({
      'volume.yaml': UNENCRYPTED_VOLUME,
      'unknown-rule.json': '{ "rules": { "no-such-rule": "off" } }',
      'bad-severity.json': '{ "rules": { "ebs-volume-encryption-enabled": "fatal" } }',
      'not-json.json': '{ rules: ',
      '.pillar.json': '{ "exclud": [] }',
    });
    const expectations: [string[], string][] = [
      [['--config', 'unknown-rule.json'], 'pillar: unknown-rule.json: Unknown rule "no-such-rule" in configuration.\n'],
      [['--config', 'bad-severity.json'], 'pillar: bad-severity.json: Rule "ebs-volume-encryption-enabled": "fatal" is not one of off, error, warning, info.\n'],
      [['--config', 'missing.json'], 'pillar: cannot read config missing.json: no such file or folder\n'],
      [[], 'pillar: .pillar.json: unknown setting "exclud".\n'],
    ];
    for (const [args, message] of expectations) {
      const { status, stderr } = pillar(['scan', 'volume.yaml', ...args], dir);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stderr, message);
    }
    const notJson = pillar(['scan', 'volume.yaml', '--config', 'not-json.json'], dir);
    assert.equal(notJson.status, 2);
    assert.match(notJson.stderr, /^pillar: not-json\.json: not valid JSON \(.+\)\.\n$/);
  });

  it('writes the report to --output and nothing to stdout; 2 when it cannot', () => {
    const dir = tempDir({ 'volume.yaml': UNENCRYPTED_VOLUME });
    const written = pillar(['scan', 'volume.yaml', '--format', 'json', '--output', 'report.json'], dir);
    assert.deepEqual([written.status, written.stdout, written.stderr], [1, '', '']);
    assert.equal(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).findings[0].ruleId, 'ebs-volume-encryption-enabled');
    const failed = pillar(['scan', 'volume.yaml', '--output', 'no/such/folder/report.txt'], dir);
    assert.deepEqual([failed.status, failed.stderr], [2, 'pillar: cannot write no/such/folder/report.txt: no such file or folder\n']);
  });

  it('prints help and version with exit 0', () => {
    const help = pillar(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage:\n  pillar scan <files\|folders\|globs\.\.\.> \[options\]/);
    assert.match(help.stdout, /--fail-on <error\|warning\|info\|never>[^\n]*\n[^\n]*\(default: error\)/);
    assert.equal(pillar(['scan', '--help']).stdout, help.stdout);
    const version = pillar(['--version']);
    assert.deepEqual([version.status, version.stdout], [0, `${packageJson.version}\n`]);
  });
});
