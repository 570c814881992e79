import type { Equivalents } from '../../server/src/engine/api';
import { ROOT_USER, type AccountRuleContext, type AccountSnapshot, type CredentialReportRow, type Regional, type Trail } from '../../server/src/engine/account';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Account checks have no template-tool equivalents: only Security Hub controls and CIS AWS Foundations (v3.0.0) ids. */
export function accountEquivalents(securityHub: readonly string[], cis: readonly string[]): Equivalents {
  return { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub, cis };
}

/** Whole days from an ISO date-time to the snapshot's time. */
export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(iso).getTime()) / DAY_MS);
}

/** Calls `check` with each region's value; regions whose call failed make the check "not evaluated" there. */
export function eachRegion<T>(context: AccountRuleContext, results: readonly Regional<T>[], check: (region: string, value: T) => void): void {
  for (const { region, result } of results) {
    const value = context.use(result);
    if (value !== undefined) check(region, value);
  }
}

function consoleHost(partition: string, region?: string): string {
  if (partition === 'aws-cn') return 'https://console.amazonaws.cn';
  if (partition === 'aws-us-gov') return 'https://console.amazonaws-us-gov.com';
  return region ? `https://${region}.console.aws.amazon.com` : 'https://console.aws.amazon.com';
}

/** Console pages, in the snapshot's partition. */
export const consolePage = {
  iam: (snapshot: AccountSnapshot, fragment: string) => `${consoleHost(snapshot.partition)}/iam/home#/${fragment}`,
  user: (snapshot: AccountSnapshot, name: string) => consolePage.iam(snapshot, `users/details/${encodeURIComponent(name)}?section=security_credentials`),
  role: (snapshot: AccountSnapshot, name: string) => consolePage.iam(snapshot, `roles/details/${encodeURIComponent(name)}`),
  group: (snapshot: AccountSnapshot, name: string) => consolePage.iam(snapshot, `groups/details/${encodeURIComponent(name)}`),
  policy: (snapshot: AccountSnapshot, arn: string) => consolePage.iam(snapshot, `policies/details/${encodeURIComponent(arn)}`),
  rootCredentials: (snapshot: AccountSnapshot) => consolePage.iam(snapshot, 'security_credentials'),
  accountSettings: (snapshot: AccountSnapshot) => consolePage.iam(snapshot, 'account_settings'),
  /** A regional service's page: `service/home?region=R#fragment`. */
  regional: (snapshot: AccountSnapshot, region: string, service: string, fragment = '') =>
    `${consoleHost(snapshot.partition, region)}/${service}/home?region=${region}${fragment ? `#${fragment}` : ''}`,
  s3Settings: (snapshot: AccountSnapshot) => `${consoleHost(snapshot.partition)}/s3/settings`,
};

interface PolicyStatement {
  readonly Effect?: unknown;
  readonly Action?: unknown;
  readonly Resource?: unknown;
}

/** Whether a parsed policy document allows every action on every resource (`"Action": "*"`, `"Resource": "*"`). */
export function allowsFullAdministrator(document: unknown): boolean {
  const statements = (document as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  const includesStar = (value: unknown) => (Array.isArray(value) ? value : [value]).some((v) => v === '*' || v === '*:*');
  return list.some((s: PolicyStatement) => s?.Effect === 'Allow' && includesStar(s.Action) && includesStar(s.Resource));
}

export interface CredentialKey {
  /** The key's id when ListAccessKeys answered, else "access key 1" or "access key 2" as the credential report names it. */
  readonly label: string;
  readonly active: boolean;
  readonly lastRotated: string;
  readonly lastUsed: string | null;
}

/**
 * A user's access keys from the credential report, named by their ids: the report has no ids, so
 * each slot is matched to the ListAccessKeys entry created at the same second.
 */
export function credentialKeys(context: AccountRuleContext, row: CredentialReportRow): CredentialKey[] {
  const listed = context.snapshot.iam.accessKeys.find((entry) => entry.user === row.user)?.keys;
  const keys = listed?.ok ? listed.value : [];
  const second = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
  return row.accessKeys.flatMap((slot, i) => {
    if (slot.lastRotated === null) return [];
    const id = keys.find((key) => second(key.created) === second(slot.lastRotated!))?.id;
    return [{ label: id ?? `access key ${i + 1}`, active: slot.active, lastRotated: slot.lastRotated, lastUsed: slot.lastUsed }];
  });
}

/** Credential report rows of IAM users (not the root user). */
export function userRows(rows: readonly CredentialReportRow[]): CredentialReportRow[] {
  return rows.filter((row) => row.user !== ROOT_USER);
}

/** Every trail once (a multi-region trail is listed in every region); undefined when no region could list trails. */
export function uniqueTrails(context: AccountRuleContext): Trail[] | undefined {
  const byArn = new Map<string, Trail>();
  let listed = false;
  eachRegion(context, context.snapshot.trails, (_region, trails) => {
    listed = true;
    for (const trail of trails) byArn.set(trail.arn, trail);
  });
  return listed ? [...byArn.values()] : undefined;
}

/** The entity of a trail, with its console page in its home region. */
export function trailEntity(snapshot: AccountSnapshot, trail: Trail) {
  return { kind: 'trail' as const, id: trail.name, region: trail.homeRegion, console: consolePage.regional(snapshot, trail.homeRegion, 'cloudtrailv2', `/trails/${encodeURIComponent(trail.arn)}`) };
}

/** The entity of a region, with a service's console page there. */
export function regionEntity(snapshot: AccountSnapshot, region: string, service: string, fragment = '') {
  return { kind: 'region' as const, id: region, region, console: consolePage.regional(snapshot, region, service, fragment) };
}

/** "1 day", "12 days". */
export function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}
