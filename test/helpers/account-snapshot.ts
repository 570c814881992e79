import assert from 'node:assert/strict';
import { evaluateAccount, type AccountRule, type AccountSnapshot, type CallError, type Collected, type Regional } from '../../server/src/engine/account';

/** Every account test measures time against this instant. */
export const NOW = '2026-06-01T12:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;

export function daysAgo(days: number): string {
  return new Date(new Date(NOW).getTime() - days * DAY).toISOString();
}

export const ok = <T>(value: T): Collected<T> => ({ ok: true, value });

export function denied(action: string, region?: string): Collected<never> {
  return { ok: false, error: { action, code: 'AccessDenied', message: `User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: ${action}`, denied: true, region } };
}

export const REGIONS = ['us-east-1', 'eu-west-1'] as const;

/** The same value in both regions. */
export function everywhere<T>(value: T): Regional<T>[] {
  return REGIONS.map((region) => ({ region, result: ok(value) }));
}

const TRAIL = { name: 'org-trail', arn: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail', homeRegion: 'us-east-1', multiRegion: true, organization: false, logFileValidation: true, kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/trail', logging: ok(true), managementEvents: ok(true) };

/**
 * An account that passes every account rule: hand-built, so each test changes one thing and
 * the rest stays secure.
 */
export function secureSnapshot(): AccountSnapshot {
  return {
    accountId: '111122223333',
    partition: 'aws',
    homeRegion: 'us-east-1',
    regions: [...REGIONS],
    collectedAt: NOW,
    iam: {
      summary: ok({ rootMfaEnabled: true, rootAccessKeysPresent: false }),
      passwordPolicy: ok({ minimumLength: 14, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, reusePrevention: 24, maxAgeDays: 90 }),
      credentialReport: ok([
        { user: '<root_account>', arn: 'arn:aws:iam::111122223333:root', userCreationTime: daysAgo(900), passwordEnabled: false, passwordLastUsed: daysAgo(400), mfaActive: true, accessKeys: [noKey(), noKey()] },
        { user: 'dana', arn: 'arn:aws:iam::111122223333:user/dana', userCreationTime: daysAgo(400), passwordEnabled: true, passwordLastUsed: daysAgo(3), mfaActive: true, accessKeys: [{ active: true, lastRotated: daysAgo(30), lastUsed: daysAgo(1) }, noKey()] },
      ]),
      accessKeys: [{ user: 'dana', keys: ok([{ id: 'AKIADANA0000000001', active: true, created: daysAgo(30) }]) }],
      authorization: ok({
        users: [{ name: 'dana', arn: 'arn:aws:iam::111122223333:user/dana', attachedPolicies: [], inlinePolicies: [], groups: ['developers'] }],
        groups: [{ name: 'developers', arn: 'arn:aws:iam::111122223333:group/developers', attachedPolicies: [{ name: 'ReadBuckets', arn: 'arn:aws:iam::111122223333:policy/ReadBuckets' }], inlinePolicies: [] }],
        roles: [{ name: 'support', arn: 'arn:aws:iam::111122223333:role/support', attachedPolicies: [{ name: 'AWSSupportAccess', arn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }], inlinePolicies: [] }],
        policies: [{ name: 'ReadBuckets', arn: 'arn:aws:iam::111122223333:policy/ReadBuckets', attachmentCount: 1, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] } }],
      }),
      serverCertificates: ok([{ name: 'www', arn: 'arn:aws:iam::111122223333:server-certificate/www', expiration: daysAgo(-60) }]),
    },
    trails: everywhere([TRAIL]),
    s3PublicAccessBlock: ok({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
    ebsEncryptionByDefault: everywhere(true),
    securityGroups: everywhere([{ id: 'sg-0web', name: 'web', vpcId: 'vpc-0main', ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0', '::/0'] }, { protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['10.0.0.0/8'] }] }]),
    vpcs: everywhere([{ id: 'vpc-0main', isDefault: false }]),
    flowLogs: everywhere([{ id: 'fl-0main', resourceId: 'vpc-0main', active: true }]),
    kmsKeys: everywhere([
      { id: 'key-customer', arn: 'arn:aws:kms:us-east-1:111122223333:key/key-customer', manager: 'CUSTOMER', spec: 'SYMMETRIC_DEFAULT', state: 'Enabled', rotation: ok(true) },
      { id: 'key-aws', arn: 'arn:aws:kms:us-east-1:111122223333:key/key-aws', manager: 'AWS', spec: 'SYMMETRIC_DEFAULT', state: 'Enabled' },
    ]),
    configRecorders: everywhere([{ name: 'default', recording: true, allSupported: true }]),
    guardDutyDetectors: everywhere([{ id: 'detector', enabled: true }]),
    accessAnalyzers: everywhere([{ name: 'account', arn: 'arn:aws:access-analyzer:us-east-1:111122223333:analyzer/account', type: 'ACCOUNT', active: true }]),
    securityHub: everywhere(true),
  };
}

function noKey() {
  return { active: false, lastRotated: null, lastUsed: null };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };
/** The snapshot with its fields (and those of `iam`) assignable, for tests that change one thing. */
export type MutableSnapshot = Omit<Writable<AccountSnapshot>, 'iam'> & { iam: Writable<AccountSnapshot['iam']> };

/** The secure snapshot with one change. */
export function snapshotWith(change: (snapshot: MutableSnapshot) => void): AccountSnapshot {
  const snapshot = structuredClone(secureSnapshot()) as MutableSnapshot;
  change(snapshot);
  return snapshot as AccountSnapshot;
}

export interface Outcome {
  readonly status: string;
  /** `entity id: message` per finding. */
  readonly findings: readonly string[];
  /** `action region` per call that left the check unevaluated. */
  readonly unavailable: readonly string[];
}

/** Runs one rule the way the scan does, on a frozen snapshot (rules must not change what they read). */
export function runAccountRule(rule: AccountRule, snapshot: AccountSnapshot): Outcome {
  const [result] = evaluateAccount([rule], deepFreeze(snapshot));
  return {
    status: result.status,
    findings: result.findings.map((f) => `${f.entity.id}: ${f.message}`),
    unavailable: result.unavailable.map((e: CallError) => `${e.action}${e.region ? ` ${e.region}` : ''}`),
  };
}

export interface AccountCase {
  readonly name: string;
  readonly snapshot: AccountSnapshot;
  readonly expected: Outcome;
}

/** Checks a rule's cases; every rule must pass the secure snapshot. */
export function checkAccountCases(rule: AccountRule, cases: readonly AccountCase[], it: (name: string, fn: () => void) => void): void {
  it('passes on the secure account', () => assert.deepEqual(runAccountRule(rule, secureSnapshot()), { status: 'pass', findings: [], unavailable: [] }));
  const names = new Set<string>();
  for (const { name, snapshot, expected } of cases) {
    assert.ok(!names.has(name), `duplicate case ${name}`);
    names.add(name);
    it(name, () => assert.deepEqual(runAccountRule(rule, snapshot), expected));
  }
}

export const pass: Outcome = { status: 'pass', findings: [], unavailable: [] };
export const fail = (...findings: string[]): Outcome => ({ status: 'fail', findings, unavailable: [] });
export const notEvaluated = (...unavailable: string[]): Outcome => ({ status: 'not-evaluated', findings: [], unavailable });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
