import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { CreateLoginProfileCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import type { PostureScanResult } from '../../server/src/protocol';
import { LspClient } from '../helpers/lsp-client';
import { motoSkipReason, startMoto, type Moto } from '../helpers/moto';
import { INSECURE_STACK } from '../helpers/seed-account';

const skip = motoSkipReason();
/** Distinctive, so that a leak into a log would be found. */
const SECRET = 'pillarTestSecret/DoNotLog+0123456789abcdef';

interface Progress {
  kind: string;
  message?: string;
  percentage?: number;
  cancellable?: boolean;
}

describe('the language server\'s posture scan (pillar/postureScan over stdio, against moto)', { skip }, () => {
  let moto: Moto;
  let client: LspClient;
  const progress = new Map<string, Progress[]>();
  const workspace = mkdtempSync(join(tmpdir(), 'pillar-posture-lsp-'));
  const home = mkdtempSync(join(tmpdir(), 'pillar-posture-home-'));

  before(async () => {
    moto = await startMoto();
    // The server inherits this environment, as it inherits the editor's.
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAPILLARTEST000001',
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    const iam = new IAMClient({ region: 'us-east-1' });
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Passw0rd!long-enough' }));
    client = new LspClient();
    client.connection.onNotification('$/progress', (params: { token: string; value: Progress }) => progress.set(params.token, [...(progress.get(params.token) ?? []), params.value]));
    await client.initialize(workspace);
  });

  after(async () => {
    await client?.stop();
    await moto?.stop();
  });

  it('scans on request, reporting progress on the client\'s token', async () => {
    const result = await client.connection.sendRequest<PostureScanResult>('pillar/postureScan', { region: 'us-east-1', regions: ['us-east-1'], workDoneToken: 'scan-1' });
    assert.ok('report' in result, JSON.stringify(result));
    const [account] = result.report.accounts;
    assert.equal(account.accountId, '123456789012');
    const mfa = account.checks.find((c) => c.meta.id === 'account-console-users-mfa-enabled')!;
    assert.deepEqual(mfa.findings.map((f) => f.entity.id), ['alice']);
    const values = progress.get('scan-1') ?? [];
    assert.equal(values[0]?.kind, 'begin');
    assert.equal(values[0]?.cancellable, true);
    assert.ok(values.filter((v) => v.kind === 'report').length >= 10, `${values.length} progress notifications`);
    assert.equal(values.at(-1)?.kind, 'end');
  });

  it('stops when the client cancels the request', async () => {
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest<PostureScanResult>('pillar/postureScan', { region: 'us-east-1', regions: ['us-east-1', 'eu-west-1'], workDoneToken: 'scan-2' }, source.token);
    // Cancel as soon as the scan reports its first step.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if ((progress.get('scan-2') ?? []).some((v) => v.kind === 'report')) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    source.cancel();
    const result = await pending.catch((error: { code?: number }) => ({ rejected: error.code }));
    // Either answer is a clean stop: the server's own "cancelled", or the protocol's RequestCancelled (-32800).
    assert.ok(('cancelled' in result && result.cancelled) || ('rejected' in result && result.rejected === -32800), JSON.stringify(result).slice(0, 300));
  });

  it('answers missing credentials with the fix, not a crash', async () => {
    const result = await client.connection.sendRequest<PostureScanResult>('pillar/postureScan', { profile: 'nobody', region: 'us-east-1' });
    assert.deepEqual(result, { error: { message: 'No AWS credentials were found for profile "nobody".', fix: 'aws configure --profile nobody', kind: 'credentials' } });
  });

  it('analyzes a deployed template opened as a pillar-stack document like any other', async () => {
    const uri = 'pillar-stack:/123456789012/us-east-1/web.yaml';
    await client.open(uri, INSECURE_STACK);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const codes = diagnostics.map((d) => d.code);
    for (const seeded of ['ec2-security-group-no-public-admin-ingress', 's3-bucket-public-access-block']) assert.ok(codes.includes(seeded), `${seeded} in ${codes.join(', ')}`);
  });

  it('never writes the credentials to its logs', () => {
    const logs = [...client.stderr, ...client.messages].join('\n');
    assert.ok(!logs.includes(SECRET));
  });
});
