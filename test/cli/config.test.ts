import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXAMPLE, REPO, UNENCRYPTED_VOLUME, firstRulesOnly, pillar, tempDir } from './helpers';

const SETTINGS = firstRulesOnly({ 'ebs-volume-encryption-enabled': 'off', 's3-bucket-public-access-block': 'warning', 's3-bucket-policy-requires-tls': 'warning' });

function findings(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: { ruleId: string; severity: string }[] }).findings.map((f) => `${f.ruleId} ${f.severity}`);
}

describe('configuration', () => {
  const expected = [
    'iam-policy-no-wildcard-action error',
    'cloudtrail-log-file-validation-enabled warning',
    'cloudtrail-multi-region-enabled warning',
    'ec2-security-group-no-public-admin-ingress error',
    's3-bucket-policy-requires-tls warning',
    's3-bucket-public-access-block warning',
    'rds-instance-storage-encrypted error',
  ];

  it('reads .pillar.json from the working directory: a rule turned off, a severity overridden', () => {
    const dir = tempDir({ '.pillar.json': SETTINGS, 'stack.yaml': UNENCRYPTED_VOLUME });
    const { status, stdout } = pillar(['scan', `${REPO}/${EXAMPLE}`, 'stack.yaml', '--format', 'json'], dir);
    assert.equal(status, 1);
    assert.deepEqual(findings(stdout), expected);
  });

  it('reads the file named by --config instead', () => {
    const dir = tempDir({ 'settings/pillar.json': SETTINGS, '.pillar.json': '{ "rules": { "iam-policy-no-wildcard-action": "off" } }' });
    const { status, stdout } = pillar(['scan', EXAMPLE, '--config', `${dir}/settings/pillar.json`, '--format', 'json']);
    assert.equal(status, 1);
    assert.deepEqual(findings(stdout), expected);
  });

  it('applies its include and exclude globs to folders', () => {
    const dir = tempDir({
      '.pillar.json': JSON.stringify({ include: ['**/*.cfn'], exclude: ['vendor/**'] }),
      'stack.cfn': UNENCRYPTED_VOLUME,
      'stack.yaml': UNENCRYPTED_VOLUME,
      'vendor/stack.cfn': UNENCRYPTED_VOLUME,
    });
    const { stdout } = pillar(['scan', '.', '--format', 'json'], dir);
    const output = JSON.parse(stdout) as { findings: { file: string }[]; summary: { filesScanned: number } };
    assert.deepEqual(output.findings.map((f) => f.file), ['stack.cfn']);
    assert.equal(output.summary.filesScanned, 1);
  });

  it('reads its globs relative to the configuration, whichever folder is scanned', () => {
    const dir = tempDir({
      '.pillar.json': JSON.stringify({ include: ['infra/**/*.yaml'], exclude: ['infra/legacy/**'] }),
      'infra/app.yaml': UNENCRYPTED_VOLUME,
      'infra/legacy/old.yaml': UNENCRYPTED_VOLUME,
      'other/app.yaml': UNENCRYPTED_VOLUME,
    });
    const files = (args: string[]) => (JSON.parse(pillar([...args, '--format', 'json'], dir).stdout) as { findings: { file: string }[] }).findings.map((f) => f.file);
    assert.deepEqual(files(['scan', 'infra/']), ['infra/app.yaml']);
    assert.deepEqual(files(['scan', '.']), ['infra/app.yaml']);
    const elsewhere = tempDir({ 'pillar.json': JSON.stringify({ exclude: ['generated/**'] }), 'templates/generated/gen.yaml': UNENCRYPTED_VOLUME, 'templates/main.yaml': UNENCRYPTED_VOLUME });
    assert.deepEqual(
      (JSON.parse(pillar(['scan', `${elsewhere}/templates`, '--config', `${elsewhere}/pillar.json`, '--format', 'json']).stdout) as { findings: { file: string }[] }).findings.length,
      2,
      'globs are relative to the configuration file: generated/** is not templates/generated/**',
    );
  });

  it('fails when a folder holds no file to scan, rather than passing silently', () => {
    const dir = tempDir({ '.pillar.json': JSON.stringify({ include: ['infra/**/*.yaml'] }), 'templates/app.yaml': UNENCRYPTED_VOLUME });
    const { status, stderr } = pillar(['scan', 'templates'], dir);
    assert.equal(status, 2);
    assert.match(stderr, /^pillar: no files to scan in templates \(check include and exclude in the configuration\)\n$/);
  });

  it('lets severity overrides decide the exit code', () => {
    const dir = tempDir({ '.pillar.json': JSON.stringify({ rules: { 'ebs-volume-encryption-enabled': 'info' } }), 'stack.yaml': UNENCRYPTED_VOLUME });
    assert.equal(pillar(['scan', 'stack.yaml'], dir).status, 0);
    assert.equal(pillar(['scan', 'stack.yaml', '--fail-on', 'info'], dir).status, 1);
  });
});
