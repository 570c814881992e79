import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../rules';
import { replaceFile, type FileOps } from '../../server/src/cli/atomic-write';
import { scanFiles } from '../../server/src/cli/scan';
import { resolveConfig } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/engine';
import { EXAMPLE, REPO, SINGLE_REGION_TRAIL, UNENCRYPTED_VOLUME, firstRulesOnly, pillar, pinned, tempDir } from './helpers';

const { readFileSync, writeFileSync, readdirSync, statSync, chmodSync, symlinkSync, lstatSync, linkSync } = fs;
const example = readFileSync(join(REPO, EXAMPLE), 'utf8');

/** The example after --fix: its trail and its bucket fixed, by hand. */
const FIXED_EXAMPLE = example
  .replace('      S3BucketName: !Ref LogBucket\n', '      S3BucketName: !Ref LogBucket\n      EnableLogFileValidation: true\n      IsMultiRegionTrail: true\n')
  .replace(
    '        Status: Enabled\n',
    '        Status: Enabled\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n',
  );

const TRAIL_DIFF = `--- a/trail.yaml
+++ b/trail.yaml
@@ -4,3 +4,5 @@
     Properties:
       IsLogging: true
       S3BucketName: logs
+      EnableLogFileValidation: true
+      IsMultiRegionTrail: true
`;

describe('--fix', () => {
  it('applies the safe fixes, then reports what remains and what it fixed', () => {
    const dir = tempDir({ 'stack.yaml': example, 'only.json': firstRulesOnly() });
    const { status, stdout, stderr } = pillar(['scan', 'stack.yaml', '--fix', '--config', 'only.json'], dir);
    assert.equal(status, 1, 'errors without a safe fix remain');
    assert.equal(stderr, '');
    assert.equal(readFileSync(join(dir, 'stack.yaml'), 'utf8'), FIXED_EXAMPLE);
    const lines = stdout.split('\n');
    assert.deepEqual(
      lines.map((line) => line.trim().replace(/ {2,}/g, ' | ')),
      [
        'stack.yaml',
        '29:25 | error | AppRole (Policies[0].PolicyDocument) allows every action of every service ("*"). | iam-policy-no-wildcard-action',
        '50:19 | error | Ingress rule opens SSH (port 22) to the whole internet (0.0.0.0/0). | ec2-security-group-no-public-admin-ingress',
        '75:18 | error | DataVolume turns off encryption at rest: Encrypted is false. | ebs-volume-encryption-enabled',
        '89:25 | error | Database turns off storage encryption: StorageEncrypted is false (from the default of parameter EncryptDatabase). | rds-instance-storage-encrypted',
        'fixed | Set EnableLogFileValidation to true (Trail) | cloudtrail-log-file-validation-enabled',
        'fixed | Set IsMultiRegionTrail to true (Trail) | cloudtrail-multi-region-enabled',
        'fixed | Block all public access (LogBucket) | s3-bucket-public-access-block',
        '',
        '✖ 4 findings (4 errors, 0 warnings, 0 info) in 1 file',
        'By area: identity and access management 1, detective controls 0, infrastructure protection 1, data protection 2, incident response 0',
        '2 findings fixable with --fix --fix-replacing, which replaces the resources.',
        'Fixed 3 findings in 1 file.',
        '',
      ],
    );
    const again = pillar(['scan', 'stack.yaml', '--fix', '--config', 'only.json', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(again.stdout).fixed, [], 'a second run finds nothing more to fix');
    assert.equal(readFileSync(join(dir, 'stack.yaml'), 'utf8'), FIXED_EXAMPLE);
  });

  it('applies a fix that replaces the resource only with --fix-replacing', () => {
    const dir = tempDir({ 'volume.yaml': UNENCRYPTED_VOLUME });
    assert.equal(pinned(['scan', 'volume.yaml', '--fix'], dir).status, 1);
    assert.equal(readFileSync(join(dir, 'volume.yaml'), 'utf8'), UNENCRYPTED_VOLUME);
    assert.equal(pinned(['scan', 'volume.yaml', '--fix', '--fix-replacing'], dir).status, 0);
    assert.equal(readFileSync(join(dir, 'volume.yaml'), 'utf8'), UNENCRYPTED_VOLUME.replace('Encrypted: false', 'Encrypted: true'));
  });

  it('takes another pass when two fixes cannot go together: both CloudTrail fixes add the missing Properties', () => {
    const dir = tempDir({ 'trail.yaml': 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n' });
    const { status, stderr } = pinned(['scan', 'trail.yaml', '--fix', '--fail-on', 'info'], dir);
    assert.deepEqual([status, stderr], [0, '']);
    assert.equal(
      readFileSync(join(dir, 'trail.yaml'), 'utf8'),
      'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      EnableLogFileValidation: true\n      IsMultiRegionTrail: true\n',
    );
  });

  it('keeps the mode, the CRLF line endings and the byte order mark', () => {
    const crlf = `\ufeff${SINGLE_REGION_TRAIL.replace(/\n/g, '\r\n')}`;
    const dir = tempDir({ 'trail.yaml': crlf });
    chmodSync(join(dir, 'trail.yaml'), 0o640);
    assert.equal(pinned(['scan', 'trail.yaml', '--fix', '--fail-on', 'info'], dir).status, 0);
    const fixed = readFileSync(join(dir, 'trail.yaml'), 'utf8');
    assert.equal(fixed, `${crlf}      EnableLogFileValidation: true\r\n      IsMultiRegionTrail: true\r\n`);
    assert.equal(statSync(join(dir, 'trail.yaml')).mode & 0o777, 0o640);
  });

  it('writes through a symbolic link to the file it names, and leaves no temporary file behind', () => {
    const dir = tempDir({ 'real/trail.yaml': SINGLE_REGION_TRAIL });
    symlinkSync('real/trail.yaml', join(dir, 'link.yaml'));
    assert.equal(pinned(['scan', 'link.yaml', '--fix', '--fail-on', 'info'], dir).status, 0);
    assert.ok(lstatSync(join(dir, 'link.yaml')).isSymbolicLink());
    assert.match(readFileSync(join(dir, 'real/trail.yaml'), 'utf8'), /IsMultiRegionTrail: true\n$/);
    assert.deepEqual([readdirSync(dir).sort(), readdirSync(join(dir, 'real'))], [['link.yaml', 'real'], ['trail.yaml']]);
  });

  it('leaves a file with other hard links, or that is not valid UTF-8, as it is, and says why', () => {
    const latin1 = Buffer.concat([Buffer.from(SINGLE_REGION_TRAIL), Buffer.from('# caf\xe9\n', 'latin1')]);
    const dir = tempDir({ 'trail.yaml': SINGLE_REGION_TRAIL });
    writeFileSync(join(dir, 'latin1.yaml'), latin1);
    linkSync(join(dir, 'trail.yaml'), join(dir, 'same-trail.yaml'));
    const { status, stderr } = pinned(['scan', 'trail.yaml', 'latin1.yaml', '--fix', '--fail-on', 'never'], dir);
    assert.equal(status, 0);
    assert.equal(
      stderr,
      'pillar: latin1.yaml is not valid UTF-8; it was not fixed.\npillar: trail.yaml has other hard links, which replacing it would break; it was not fixed.\n',
    );
    assert.equal(readFileSync(join(dir, 'trail.yaml'), 'utf8'), SINGLE_REGION_TRAIL);
    assert.deepEqual(readFileSync(join(dir, 'latin1.yaml')), latin1);
  });
});

describe('--fix-dry-run', () => {
  it('prints the fixes as a unified diff and writes nothing; the diff applies to give what --fix writes', () => {
    const dir = tempDir({ 'trail.yaml': SINGLE_REGION_TRAIL, 'volume.yaml': UNENCRYPTED_VOLUME, 'fixed/trail.yaml': SINGLE_REGION_TRAIL });
    const { status, stdout, stderr } = pinned(['scan', 'trail.yaml', 'volume.yaml', '--fix-dry-run'], dir);
    assert.equal(status, 1, 'the volume keeps its error');
    assert.equal(stdout, TRAIL_DIFF);
    assert.equal(stderr, 'pillar: --fix-dry-run: 2 fixes in 1 file would be applied; nothing was written.\n');
    assert.equal(readFileSync(join(dir, 'trail.yaml'), 'utf8'), SINGLE_REGION_TRAIL);
    const applied = spawnSync('git', ['apply'], { cwd: dir, input: stdout, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    pinned(['scan', 'fixed/trail.yaml', '--fix'], dir);
    assert.equal(readFileSync(join(dir, 'trail.yaml'), 'utf8'), readFileSync(join(dir, 'fixed/trail.yaml'), 'utf8'));
  });

  it('includes the fixes that replace resources with --fix-replacing, and prints nothing when there is nothing to fix', () => {
    const dir = tempDir({ 'volume.yaml': UNENCRYPTED_VOLUME });
    assert.match(pinned(['scan', 'volume.yaml', '--fix-dry-run', '--fix-replacing'], dir).stdout, /^-      Encrypted: false\n\+      Encrypted: true\n$/m);
    assert.equal(pinned(['scan', 'volume.yaml', '--fix-dry-run'], dir).stdout, '');
  });
});

describe('writing fixed files', () => {
  const engine = new Engine(RULES);
  const config = resolveConfig([JSON.parse(firstRulesOnly())], engine.metasById);

  it('leaves a file that changed on disk during the scan as it is, reports it as it was read, and says so', () => {
    const dir = tempDir({ 'trail.yaml': SINGLE_REGION_TRAIL });
    const edited = `${SINGLE_REGION_TRAIL}# edited meanwhile\n`;
    // Someone saves the file while the fixes are computed: the writer finds other content.
    const ops: FileOps = { ...fs, readFileSync: ((...args: Parameters<typeof fs.readFileSync>) => (writeFileSync(join(dir, 'trail.yaml'), edited), fs.readFileSync(...args))) as typeof fs.readFileSync };
    const scan = scanFiles(engine, [join(dir, 'trail.yaml')], config, dir, { write: true, replacing: false, ops });
    assert.deepEqual(scan.notes, ['trail.yaml changed on disk during the scan; it was left as it is (run the scan again to fix it).']);
    assert.equal(scan.writeFailed, false);
    assert.equal(readFileSync(join(dir, 'trail.yaml'), 'utf8'), edited);
    assert.deepEqual(scan.files[0].fixed, []);
    assert.deepEqual(scan.files[0].findings.map((f) => f.ruleId), ['cloudtrail-log-file-validation-enabled', 'cloudtrail-multi-region-enabled']);
    assert.deepEqual(readdirSync(dir), ['trail.yaml']);
  });

  it('keeps the original and removes its temporary file when the write fails, and the scan goes on', () => {
    const dir = tempDir({ 'a.yaml': SINGLE_REGION_TRAIL, 'b.yaml': SINGLE_REGION_TRAIL });
    const ops: FileOps = {
      ...fs,
      renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
        if (String(to).endsWith('a.yaml')) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        fs.renameSync(from, to);
      }) as typeof fs.renameSync,
    };
    const scan = scanFiles(engine, [join(dir, 'a.yaml'), join(dir, 'b.yaml')], config, dir, { write: true, replacing: false, ops });
    assert.equal(scan.writeFailed, true);
    assert.deepEqual(scan.notes, ['cannot write a.yaml: no space left on device; the file was left as it was.']);
    assert.equal(readFileSync(join(dir, 'a.yaml'), 'utf8'), SINGLE_REGION_TRAIL);
    assert.match(readFileSync(join(dir, 'b.yaml'), 'utf8'), /IsMultiRegionTrail: true\n$/);
    assert.deepEqual(readdirSync(dir).sort(), ['a.yaml', 'b.yaml']);
    assert.deepEqual(scan.files.map((file) => file.fixed.length), [0, 2]);
  });

  it('replaces a file only while it holds what was read, checking again just before the rename', () => {
    const dir = tempDir({ 'f.yaml': 'old\n' });
    const file = join(dir, 'f.yaml');
    assert.equal(replaceFile(file, Buffer.from('other\n'), 'new\n'), 'changed');
    assert.equal(readFileSync(file, 'utf8'), 'old\n');
    let reads = 0;
    const lateEdit: FileOps = { ...fs, readFileSync: ((...args: Parameters<typeof fs.readFileSync>) => (++reads === 2 ? Buffer.from('edited\n') : fs.readFileSync(...args))) as typeof fs.readFileSync };
    assert.equal(replaceFile(file, Buffer.from('old\n'), 'new\n', lateEdit), 'changed');
    assert.deepEqual([readFileSync(file, 'utf8'), readdirSync(dir)], ['old\n', ['f.yaml']]);
    assert.equal(replaceFile(file, Buffer.from('old\n'), 'new\n'), 'written');
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
  });
});
