import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import packageJson from '../../../package.json';
import { ACCOUNT_RULES } from '../../../rules/account-rules';
import { evaluateAccount, type AccountSnapshot, type CallError, type Collected, type Regional } from '../engine/account';
import type { AccountPosture, PostureReport } from '../posture/report';
import { collectAccessAnalyzers } from './collect-access-analyzer';
import { collectTrails } from './collect-cloudtrail';
import { collectConfigRecorders } from './collect-config';
import { collectEc2, enabledRegions } from './collect-ec2';
import { collectGuardDuty } from './collect-guardduty';
import { collectIam } from './collect-iam';
import { collectKmsKeys } from './collect-kms';
import { assumeRole, organizationAccounts } from './collect-organizations';
import { collectS3PublicAccessBlock } from './collect-s3-control';
import { collectSecurityHub } from './collect-security-hub';
import { collectStacks, type AnalyzeTemplate } from './collect-stacks';
import { explainCredentialsError, PostureError } from './credentials';
import { mapLimited } from './limiter';
import { listProfiles } from '../posture/profiles';
import { AwsSession, callError, isAbort, isCredentialsError, sharedState, type SessionOptions, type Target } from './session';

export interface ScanOptions extends Target {
  /** Regions to scan: every enabled region (the default), or these. */
  readonly regions?: 'all' | readonly string[];
  /** Scan every account of the organization by assuming this role in each. */
  readonly orgRole?: string;
  readonly signal?: AbortSignal;
  readonly analyzeTemplate: AnalyzeTemplate;
  readonly onProgress?: (message: string, fraction: number) => void;
  readonly instrument?: SessionOptions['instrument'];
  readonly maxCallsInFlight?: number;
  /** Accounts scanned at once with --org-role. */
  readonly maxAccountsInFlight?: number;
  /** The time the account rules measure ages against (credential age, last use); now by default. */
  readonly clock?: () => Date;
}

const DEFAULT_REGION = 'us-east-1';

/** Scans the account the credentials belong to (or, with orgRole, every account of its organization). */
export async function scanPosture(options: ScanOptions): Promise<PostureReport & { readonly calls: SessionOptions['shared']['calls'] }> {
  const started = Date.now();
  const shared = sharedState(options.maxCallsInFlight);
  const progress = new Progress(options.onProgress);
  const base = new AwsSession({ ...options, shared });
  const sessions = [base];
  try {
    const homeRegion = options.region ?? (await configuredRegion(options.profile)) ?? DEFAULT_REGION;
    const identity = await progress.track('Checking the credentials', callerIdentity(base, homeRegion, options.profile));
    let accounts: AccountPosture[];
    if (options.orgRole) {
      const members = await progress.track('Listing the organization\'s accounts', organizationAccounts(base, homeRegion).catch((error) => {
        if (isAbort(error)) throw error;
        const failed = callError(error, 'organizations:ListAccounts', homeRegion);
        throw new PostureError(`Could not list the organization's accounts: ${failed.message}`, failed.denied ? `allow ${failed.action}, from the management account or a delegated administrator` : undefined, failed.denied ? 'permission' : 'failed');
      }));
      accounts = await mapLimited(members, options.maxAccountsInFlight ?? 2, async (member) => {
        if (member.id === identity.account) return { ...(await scanAccount(base, identity, homeRegion, options, progress)), accountName: member.name };
        try {
          const credentials = await assumeRole(base, homeRegion, identity.partition, member.id, options.orgRole!);
          const session = new AwsSession({ ...options, credentials, shared });
          sessions.push(session);
          const assumed = await callerIdentity(session, homeRegion, undefined);
          return { ...(await scanAccount(session, assumed, homeRegion, options, progress)), accountName: member.name };
        } catch (error) {
          if (isAbort(error)) throw error;
          return failedAccount(member.id, member.name, identity.partition, homeRegion, `could not assume ${options.orgRole} (${error instanceof Error ? error.message : String(error)})`);
        }
      });
    } else {
      accounts = [await scanAccount(base, identity, homeRegion, options, progress)];
    }
    return { tool: { name: 'Pillar', version: packageJson.version }, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, apiCalls: shared.calls.length, accounts, calls: shared.calls };
  } catch (error) {
    // Credentials that expire in the middle of a scan end it, with the same advice as at the start.
    if (isCredentialsError(error)) throw explainCredentialsError(error, options.profile ?? process.env.AWS_PROFILE, false);
    throw error;
  } finally {
    for (const session of sessions) session.destroy();
  }
}

interface Identity {
  readonly account: string;
  readonly arn: string;
  readonly partition: string;
}

async function callerIdentity(session: AwsSession, region: string, profile: string | undefined): Promise<Identity> {
  try {
    const { Account, Arn } = await session.client(STSClient, region).send(new GetCallerIdentityCommand({}));
    return { account: Account ?? '', arn: Arn ?? '', partition: Arn?.split(':')[1] ?? 'aws' };
  } catch (error) {
    if (isAbort(error)) throw error;
    const sso = profile !== undefined && (await listProfiles().catch(() => [])).some((p) => p.name === profile && p.sso);
    throw explainCredentialsError(error, profile ?? process.env.AWS_PROFILE, sso);
  }
}

/** The region of the profile or environment, as the SDK resolves it; undefined when none is configured. */
async function configuredRegion(profile: string | undefined): Promise<string | undefined> {
  const client = new STSClient({ profile });
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

async function scanAccount(session: AwsSession, identity: Identity, homeRegion: string, options: ScanOptions, progress: Progress): Promise<AccountPosture> {
  const { regions, error: regionsError } = await progress.track('Listing the enabled regions', regionsToScan(session, homeRegion, options.regions));
  const collectedAt = (options.clock?.() ?? new Date()).toISOString();
  const perRegion = <T>(label: string, collect: (region: string) => Promise<Collected<T>>): Promise<Regional<T>[]> =>
    Promise.all(regions.map(async (region) => ({ region, result: await progress.track(`${label} in ${region}`, collect(region)) })));
  const [iam, trails, s3PublicAccessBlock, ec2, kmsKeys, configRecorders, guardDutyDetectors, accessAnalyzers, securityHub, stacks] = await Promise.all([
    progress.track('Reading IAM', collectIam(session, homeRegion)),
    progress.track('Reading CloudTrail', collectTrails(session, regions)),
    progress.track('Reading S3 Block Public Access', collectS3PublicAccessBlock(session, homeRegion, identity.account)),
    Promise.all(regions.map((region) => progress.track(`Reading EC2 in ${region}`, collectEc2(session, region)))),
    perRegion('Reading KMS keys', (region) => collectKmsKeys(session, region)),
    perRegion('Reading AWS Config', (region) => collectConfigRecorders(session, region)),
    perRegion('Reading GuardDuty', (region) => collectGuardDuty(session, region)),
    perRegion('Reading IAM Access Analyzer', (region) => collectAccessAnalyzers(session, region)),
    perRegion('Reading Security Hub', (region) => collectSecurityHub(session, region)),
    progress.track('Reading deployed stacks', collectStacks(session, regions, options.analyzeTemplate)),
  ]);
  const regional = <K extends keyof (typeof ec2)[number]>(key: K) => regions.map((region, i) => ({ region, result: ec2[i][key] }));
  const snapshot: AccountSnapshot = {
    accountId: identity.account,
    partition: identity.partition,
    homeRegion,
    regions,
    collectedAt,
    iam,
    trails,
    s3PublicAccessBlock,
    ebsEncryptionByDefault: regional('ebsEncryptionByDefault'),
    securityGroups: regional('securityGroups'),
    vpcs: regional('vpcs'),
    flowLogs: regional('flowLogs'),
    kmsKeys,
    configRecorders,
    guardDutyDetectors,
    accessAnalyzers,
    securityHub,
  };
  return {
    accountId: identity.account,
    principal: identity.arn,
    partition: identity.partition,
    homeRegion,
    regions,
    collectedAt,
    checks: evaluateAccount(ACCOUNT_RULES, snapshot),
    stacks: stacks.stacks,
    stackErrors: stacks.errors,
    ...(regionsError ? { regionsError } : {}),
  };
}

/** The regions asked for, or every enabled region; the home region alone, with the reason, when the list cannot be read. */
async function regionsToScan(session: AwsSession, homeRegion: string, wanted: ScanOptions['regions']): Promise<{ regions: string[]; error?: CallError }> {
  if (wanted && wanted !== 'all') return { regions: [...new Set(wanted)] };
  const enabled = await enabledRegions(session, homeRegion);
  if (!enabled.ok) return { regions: [homeRegion], error: enabled.error };
  return { regions: enabled.value.length > 0 ? enabled.value : [homeRegion] };
}

function failedAccount(accountId: string, accountName: string, partition: string, homeRegion: string, error: string): AccountPosture {
  return { accountId, accountName, principal: '', partition, homeRegion, regions: [], collectedAt: new Date().toISOString(), checks: [], stacks: [], stackErrors: [], error };
}

/** Progress over the steps started so far: the fraction done grows as steps finish. */
class Progress {
  private started = 0;
  private finished = 0;

  constructor(private readonly report: ScanOptions['onProgress']) {}

  async track<T>(label: string, work: Promise<T>): Promise<T> {
    this.started++;
    try {
      return await work;
    } finally {
      this.finished++;
      this.report?.(label, this.finished / this.started);
    }
  }
}

