import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { CreateLoginProfileCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { motoSkipReason, startMoto, type Moto } from '../helpers/moto';
import { REPO } from './helpers';

const CLI = join(REPO, 'dist/cli.js');
const skip = motoSkipReason();

function posture(args: readonly string[], env: Record<string, string>, cwd = REPO) {
  const home = mkdtempSync(join(tmpdir(), 'pillar-cli-aws-'));
  const result = spawnSync(process.execPath, [CLI, 'posture', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('pillar posture: usage', () => {
  for (const [args, message] of [
    [['--format', 'pdf'], '--format must be one of text, json, sarif, markdown, html, got "pdf"'],
    [['--regions', 'us-east-1,nowhere'], '--regions must be "all" or a comma-separated list of regions, got "us-east-1,nowhere"'],
    [['--region', 'Frankfurt'], '--region must be a region name such as us-east-1, got "Frankfurt"'],
    [['--endpoint', 'localhost:4566'], '--endpoint must be an http(s) URL, got "localhost:4566"'],
    [['--fail-on', 'critical'], '--fail-on must be one of error, warning, info, never, got "critical"'],
    [['extra'], 'posture takes no arguments, got "extra"'],
  ] as const) {
    it(`${args.join(' ')}: exit 2 with "${message}"`, () => {
      const result = posture(args, {});
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `pillar: ${message}\n`);
      assert.equal(result.stdout, '');
    });
  }

  it('without credentials: exit 2, saying which credentials and how to fix it', () => {
    const result = posture(['--region', 'us-east-1', '--profile', 'nobody'], {});
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^pillar: No AWS credentials were found for profile "nobody"\. To fix it, run: aws configure --profile nobody\n$/);
  });

  it('--help lists the posture command and its options', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
    assert.match(help, /pillar posture \[options\]/);
    for (const option of ['--profile', '--regions <all|r1,r2>', '--org-role', '--endpoint']) assert.ok(help.includes(option), option);
  });
});

describe('pillar posture against moto', { skip }, () => {
  let moto: Moto;
  let env: Record<string, string>;
  const out = mkdtempSync(join(tmpdir(), 'pillar-posture-out-'));
  const args = ['--region', 'us-east-1', '--regions', 'us-east-1'];

  before(async () => {
    moto = await startMoto();
    env = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_ENDPOINT_URL: moto.endpoint };
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Passw0rd!long-enough' }));
  });

  after(async () => moto?.stop());

  it('text: each area\'s counts, the findings with their rule, the totals; exit 1 on errors', () => {
    const result = posture(args, env);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.split('\n');
    assert.match(lines[0], /^Account 123456789012, scanned as arn:aws:(iam|sts)::123456789012:\S+, regions us-east-1$/);
    assert.ok(lines.includes('    error    alice can sign in to the console with a password and has no MFA device.  [account-console-users-mfa-enabled]'), result.stdout);
    assert.ok(lines.some((line) => /^  Identity and access management: \d+ failed, \d+ passed/.test(line)), result.stdout);
    assert.match(lines.at(-2)!, /^1 account: \d+ checks failed, \d+ passed, \d+ not evaluated \(\d+ findings\); \d+ API calls in [\d.]+ s\.$/);
  });

  it('--fail-on never exits 0', () => {
    assert.equal(posture([...args, '--fail-on', 'never', '--format', 'json'], env).status, 0);
  });

  it('json: the report with its totals', () => {
    const report = JSON.parse(posture([...args, '--format', 'json', '--fail-on', 'never'], env).stdout);
    assert.equal(report.accounts[0].accountId, '123456789012');
    assert.equal(report.accounts[0].checks.length, 26);
    assert.equal(report.summary.accounts, 1);
    const mfa = report.accounts[0].checks.find((c: { meta: { id: string } }) => c.meta.id === 'account-console-users-mfa-enabled');
    assert.deepEqual(mfa.findings.map((f: { entity: { id: string; kind: string } }) => [f.entity.kind, f.entity.id]), [['user', 'alice']]);
  });

  it('sarif: valid SARIF 2.1.0 with the account findings at logical locations', () => {
    const log = JSON.parse(posture([...args, '--format', 'sarif', '--fail-on', 'never'], env).stdout);
    const schema = JSON.parse(readFileSync(join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors));
    const mfa = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'account-console-users-mfa-enabled');
    assert.deepEqual(mfa.locations[0].logicalLocations[0], { name: 'alice', kind: 'user', fullyQualifiedName: 'aws/123456789012/global/user/alice' });
    assert.equal(log.runs[0].tool.driver.rules[mfa.ruleIndex].id, 'account-console-users-mfa-enabled');
  });

  it('html --output: one self-contained page with a bar per area; a .pillar.json in the folder changes nothing', () => {
    writeFileSync(join(out, '.pillar.json'), JSON.stringify({ posture: { endpoint: 'http://127.0.0.1:9', profile: 'attacker' } }));
    const result = posture([...args, '--format', 'html', '--output', 'posture.html', '--fail-on', 'never'], env, out);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    const html = readFileSync(join(out, 'posture.html'), 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.ok(!/<script|<link|src=/i.test(html), 'no scripts, stylesheets or images from elsewhere');
    assert.equal((html.match(/<div class="bar"/g) ?? []).length, 5);
    assert.ok(html.includes('alice</a>: alice can sign in to the console with a password and has no MFA device.'));
  });

  it('markdown: a summary table and the findings with console links', () => {
    const markdown = posture([...args, '--format', 'markdown', '--fail-on', 'never'], env).stdout;
    assert.ok(markdown.includes('| area | failed | passed | not evaluated |'));
    assert.ok(markdown.includes('  - [alice](https://console.aws.amazon.com/iam/home#/users/details/alice?section=security_credentials): alice can sign in to the console with a password and has no MFA device.'), markdown);
  });
});
