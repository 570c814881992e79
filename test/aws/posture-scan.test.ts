import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { RULES } from '../../rules/index';
import { resolveConfig } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/engine';
import type { CheckResult } from '../../server/src/engine/account';
import { scanPosture, type ScanOptions } from '../../server/src/aws/scan';
import { PostureError } from '../../server/src/aws/credentials';
import type { AccountPosture } from '../../server/src/posture/report';
import { startAccessAnalyzerStub, useEmulatorEnvironment } from '../helpers/aws-fixture';
import { motoSkipReason, startMoto, type Moto } from '../helpers/moto';
import { REGION, seedAccount } from '../helpers/seed-account';

const skip = motoSkipReason();
const engine = new Engine(RULES);
const config = resolveConfig([], new Map(RULES.map((rule) => [rule.meta.id, rule.meta])));
const DAY = 24 * 60 * 60 * 1000;
const REGIONS = [REGION, 'eu-west-1'];

/** The scan as the editor and the CLI run it, 100 days from now: every credential seeded today is then 100 days old. */
function scan(extra: Partial<ScanOptions> = {}) {
  return scanPosture({
    region: REGION,
    regions: REGIONS,
    analyzeTemplate: (text, name) => engine.analyze(text, name, config).findings,
    clock: () => new Date(Date.now() + 100 * DAY),
    ...extra,
  });
}

function check(account: AccountPosture, id: string): CheckResult {
  const found = account.checks.find((c) => c.meta.id === id);
  assert.ok(found, `no check ${id}`);
  return found;
}

/** "fail: alice, bob": a check's status and the ids of the entities it names. */
function outcome(account: AccountPosture, id: string): string {
  const result = check(account, id);
  return `${result.status}: ${result.findings.map((f) => f.entity.id).join(', ')}`;
}

describe('posture scan against moto (real SDK, real HTTP)', { skip }, () => {
  let moto: Moto;
  let stub: { endpoint: string; server: Server };
  let seeded: Awaited<ReturnType<typeof seedAccount>>;
  let account: AccountPosture;
  let calls: Awaited<ReturnType<typeof scan>>['calls'];

  before(async () => {
    moto = await startMoto();
    stub = await startAccessAnalyzerStub([REGION]);
    useEmulatorEnvironment(moto.endpoint.replace('127.0.0.1', 'localhost'), stub.endpoint);
    seeded = await seedAccount();
    const report = await scan();
    account = report.accounts[0];
    calls = report.calls;
  });

  after(async () => {
    stub?.server.close();
    await moto?.stop();
  });

  it('identifies the account and scans the regions asked for', () => {
    assert.equal(account.accountId, '123456789012');
    assert.equal(account.partition, 'aws');
    assert.deepEqual(account.regions, REGIONS);
    assert.equal(account.checks.length, 26);
  });

  it('finds the identity problems, naming users and key ids', () => {
    assert.equal(outcome(account, 'account-console-users-mfa-enabled'), 'fail: alice');
    assert.equal(outcome(account, 'account-access-keys-rotated'), `fail: ${seeded.carolKeys.join(', ')}`);
    assert.equal(outcome(account, 'account-user-single-active-access-key'), 'fail: carol');
    assert.equal(outcome(account, 'account-credentials-unused'), `fail: alice, bob, ${seeded.carolKeys.join(', ')}`);
    assert.equal(outcome(account, 'account-users-no-attached-policies'), 'fail: alice, carol');
    assert.equal(outcome(account, 'account-policies-no-full-admin'), 'fail: AdminEverything');
    assert.equal(outcome(account, 'account-password-policy-min-length'), 'fail: 123456789012');
    assert.equal(outcome(account, 'account-password-policy-reuse-prevention'), 'fail: 123456789012');
    assert.deepEqual(check(account, 'account-password-policy-complexity').findings.map((f) => f.message), ['The password policy does not require a number, a symbol.']);
    assert.equal(outcome(account, 'account-support-role-exists'), 'fail: 123456789012');
    assert.equal(outcome(account, 'account-server-certificates-not-expired'), 'pass: ');
  });

  it('finds the logging, network and data problems, region by region', () => {
    assert.equal(outcome(account, 'account-cloudtrail-multi-region-logging'), 'fail: 123456789012');
    assert.equal(outcome(account, 'account-cloudtrail-log-file-validation'), 'fail: main');
    assert.equal(outcome(account, 'account-cloudtrail-kms-encryption'), 'fail: main');
    assert.equal(outcome(account, 'account-guardduty-enabled'), 'fail: eu-west-1');
    assert.equal(outcome(account, 'account-access-analyzer-enabled'), 'fail: eu-west-1');
    assert.equal(outcome(account, 'account-kms-key-rotation'), `fail: ${seeded.keyId}`);
    assert.equal(outcome(account, 'account-ebs-default-encryption'), 'fail: us-east-1, eu-west-1');
    assert.equal(outcome(account, 'account-s3-public-access-block'), 'fail: 123456789012');
    const groups = check(account, 'account-security-groups-no-public-admin-ports').findings;
    assert.equal(groups.length, 1);
    assert.match(groups[0].message, /^Security group sg-\w+ \(.*Bastion.*\) in us-east-1 opens SSH \(22\) from 0\.0\.0\.0\/0\.$/);
    assert.match(groups[0].entity.console, /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/ec2\/home\?region=us-east-1#SecurityGroup:groupId=sg-/);
  });

  it('runs the template rules on each deployed stack', () => {
    assert.deepEqual(account.stacks.map((s) => `${s.region}/${s.name}`), [`${REGION}/web`]);
    const [stack] = account.stacks;
    assert.equal(stack.template?.includes('Bastion'), true);
    // The two problems the seeded stack was written with; other rules may find more in it.
    const seeded = new Set(['s3-bucket-public-access-block', 'ec2-security-group-no-public-admin-ingress']);
    assert.deepEqual(stack.findings.filter((f) => seeded.has(f.ruleId)).map((f) => `${f.ruleId} ${f.resource} ${f.file}`), [
      's3-bucket-public-access-block Uploads us-east-1/web.yaml',
      'ec2-security-group-no-public-admin-ingress Bastion us-east-1/web.yaml',
    ]);
  });

  it('never asks twice for what it already has (the credential report is polled by design)', () => {
    const seen = new Map<string, number>();
    for (const call of calls) {
      if (call.action === 'iam:GenerateCredentialReport') continue;
      const key = `${call.action} ${call.region} ${call.input}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    assert.deepEqual([...seen].filter(([, n]) => n > 1), []);
    assert.ok(calls.length > 30, `${calls.length} calls`);
  });

  it('retries throttled calls with backoff and still completes', async () => {
    let throttled = 0;
    const report = await scan({
      regions: [REGION],
      instrument: (stack) =>
        stack.add(
          (next, context) => async (args) => {
            // The first attempt of every IAM and EC2 call is throttled; the retry strategy must try again.
            const request = args.request as { headers: Record<string, string> };
            const attempt = Number(/attempt=(\d+)/.exec(request.headers['amz-sdk-request'] ?? '')?.[1] ?? 1);
            if (attempt === 1 && /^(IAM|EC2)Client$/.test(String(context.clientName))) {
              throttled++;
              throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 }, $fault: 'client' });
            }
            return next(args);
          },
          { step: 'finalizeRequest', priority: 'low', name: 'injectThrottling' },
        ),
    });
    assert.ok(throttled >= 8, `throttled ${throttled} calls`);
    const [scanned] = report.accounts;
    assert.equal(check(scanned, 'account-console-users-mfa-enabled').status, 'fail');
    assert.equal(check(scanned, 'account-ebs-default-encryption').status, 'fail');
    assert.deepEqual(scanned.checks.filter((c) => c.status === 'not-evaluated').map((c) => c.meta.id), []);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    await assert.rejects(scan({ signal: controller.signal, onProgress: () => controller.abort() }), (error: Error) => error.name === 'AbortError');
  });

  it('with --org-role, scans the management account and both member accounts', async () => {
    const report = await scan({ regions: [REGION], orgRole: 'OrganizationAccountAccessRole' });
    const ids = report.accounts.map((a) => a.accountId).sort();
    assert.deepEqual(ids, ['123456789012', ...seeded.memberAccounts].sort());
    for (const member of report.accounts.filter((a) => a.accountId !== '123456789012')) {
      assert.equal(member.error, undefined);
      assert.equal(member.checks.length, 26);
      // A fresh member account has no users and no stacks of its own.
      assert.equal(check(member, 'account-console-users-mfa-enabled').status, 'pass');
      assert.deepEqual(member.stacks, []);
    }
  });

  it('marks checks whose calls were denied "not evaluated", naming the permission, and goes on', async () => {
    const iam = new IAMClient({ region: REGION });
    await iam.send(new CreateUserCommand({ UserName: 'auditor' }));
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'iam-only',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:GetCallerIdentity', 'iam:Get*', 'iam:List*', 'iam:GenerateCredentialReport'], Resource: '*' }] }),
      }),
    );
    await iam.send(new AttachUserPolicyCommand({ UserName: 'auditor', PolicyArn: Policy!.Arn! }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'auditor' }));
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: AccessKey!.AccessKeyId!, AWS_SECRET_ACCESS_KEY: AccessKey!.SecretAccessKey! });
    await moto.setAuthorization(true);
    try {
      const [denied] = (await scan({ regions: [REGION] })).accounts;
      assert.equal(check(denied, 'account-console-users-mfa-enabled').status, 'fail');
      const ebs = check(denied, 'account-ebs-default-encryption');
      assert.equal(ebs.status, 'not-evaluated');
      assert.deepEqual(ebs.unavailable.map((e) => [e.action, e.denied, e.region]), [['ec2:GetEbsEncryptionByDefault', true, REGION]]);
      assert.deepEqual(check(denied, 'account-guardduty-enabled').unavailable.map((e) => e.action), ['guardduty:ListDetectors']);
      assert.deepEqual(denied.stackErrors.map((e) => [e.action, e.denied]), [['cloudformation:DescribeStacks', true]]);

      // Without the list of enabled regions, the home region is scanned and the report says why.
      const [homeOnly] = (await scan({ regions: undefined })).accounts;
      assert.deepEqual(homeOnly.regions, [REGION]);
      assert.deepEqual([homeOnly.regionsError?.action, homeOnly.regionsError?.denied], ['ec2:DescribeRegions', true]);

      process.env.AWS_ACCESS_KEY_ID = 'AKIAUNKNOWN000000000';
      await assert.rejects(scan({ regions: [REGION] }), (error: unknown) => error instanceof PostureError && error.kind === 'credentials' && error.fix === 'aws configure');
    } finally {
      await moto.setAuthorization(false);
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: saved.id, AWS_SECRET_ACCESS_KEY: saved.secret });
    }
  });
});
