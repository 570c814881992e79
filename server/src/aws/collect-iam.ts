import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  paginateListAccessKeys,
  paginateListServerCertificates,
  type AttachedPolicy as SdkAttachedPolicy,
  type PolicyDetail,
} from '@aws-sdk/client-iam';
import type { AccessKey, AccountSnapshot, AttachedPolicy, Authorization, Collected, CredentialReportRow, InlinePolicy, ManagedPolicy, PasswordPolicy, UserAccessKeys } from '../engine/account';
import { parseCredentialReport } from './credential-report';
import { mapLimited } from './limiter';
import { collect, hasCode, MAX_PAGE, type AwsSession } from './session';

/** How long to wait for the credential report: AWS usually has it within seconds. */
const REPORT_POLLS = 20;
const REPORT_POLL_MS = 1_500;

type IamSnapshot = AccountSnapshot['iam'];

/** The account's IAM data, asked in the home region (IAM is global). */
export async function collectIam(session: AwsSession, region: string): Promise<IamSnapshot> {
  const iam = session.client(IAMClient, region);
  const [summary, passwordPolicy, credentialReport, authorization, serverCertificates] = await Promise.all([
    collect('iam:GetAccountSummary', region, async () => {
      const map = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
      return { rootMfaEnabled: map.AccountMFAEnabled === 1, rootAccessKeysPresent: (map.AccountAccessKeysPresent ?? 0) > 0 };
    }),
    collect('iam:GetAccountPasswordPolicy', region, () => passwordPolicyOf(iam)),
    collect('iam:GenerateCredentialReport', region, () => credentialReportOf(iam, session.options.signal)),
    collect('iam:GetAccountAuthorizationDetails', region, () => authorizationOf(iam)),
    collect('iam:ListServerCertificates', region, async () => {
      const certificates = [];
      for await (const page of paginateListServerCertificates({ client: iam, pageSize: MAX_PAGE }, {})) {
        for (const c of page.ServerCertificateMetadataList ?? []) certificates.push({ name: c.ServerCertificateName ?? '', arn: c.Arn ?? '', expiration: iso(c.Expiration) ?? '' });
      }
      return certificates;
    }),
  ]);
  return { summary, passwordPolicy, credentialReport, accessKeys: await accessKeysOf(iam, credentialReport, region), authorization, serverCertificates };
}

async function passwordPolicyOf(iam: IAMClient): Promise<PasswordPolicy | null> {
  try {
    const policy = (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy ?? {};
    return {
      minimumLength: policy.MinimumPasswordLength ?? 0,
      requireUppercase: policy.RequireUppercaseCharacters === true,
      requireLowercase: policy.RequireLowercaseCharacters === true,
      requireNumbers: policy.RequireNumbers === true,
      requireSymbols: policy.RequireSymbols === true,
      reusePrevention: policy.PasswordReusePrevention ?? 0,
      maxAgeDays: policy.MaxPasswordAge ?? null,
    };
  } catch (error) {
    if (hasCode(error, 'NoSuchEntity', 'NoSuchEntityException')) return null;
    throw error;
  }
}

/** Asks IAM to generate the credential report, polls (bounded) until it is ready, and parses it. */
async function credentialReportOf(iam: IAMClient, signal: AbortSignal | undefined): Promise<CredentialReportRow[]> {
  for (let poll = 1; ; poll++) {
    const { State } = await iam.send(new GenerateCredentialReportCommand({}));
    if (State === 'COMPLETE') break;
    if (poll >= REPORT_POLLS) throw Object.assign(new Error(`the credential report was not ready after ${(REPORT_POLLS * REPORT_POLL_MS) / 1000} s`), { name: 'ReportNotReady' });
    await new Promise((resume) => setTimeout(resume, REPORT_POLL_MS));
    signal?.throwIfAborted();
  }
  const { Content } = await iam.send(new GetCredentialReportCommand({}));
  return parseCredentialReport(new TextDecoder().decode(Content ?? new Uint8Array()));
}

/** Users, groups, roles and customer managed policies, with their policy documents, in one paginated call. */
async function authorizationOf(iam: IAMClient): Promise<Authorization> {
  const users: Authorization['users'][number][] = [];
  const groups: Authorization['groups'][number][] = [];
  const roles: Authorization['roles'][number][] = [];
  const policies: ManagedPolicy[] = [];
  const pages = paginateGetAccountAuthorizationDetails({ client: iam, pageSize: MAX_PAGE }, { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] });
  for await (const page of pages) {
    for (const u of page.UserDetailList ?? []) {
      users.push({ name: u.UserName ?? '', arn: u.Arn ?? '', attachedPolicies: attached(u.AttachedManagedPolicies), inlinePolicies: inline(u.UserPolicyList), groups: u.GroupList ?? [] });
    }
    for (const g of page.GroupDetailList ?? []) groups.push({ name: g.GroupName ?? '', arn: g.Arn ?? '', attachedPolicies: attached(g.AttachedManagedPolicies), inlinePolicies: inline(g.GroupPolicyList) });
    for (const r of page.RoleDetailList ?? []) roles.push({ name: r.RoleName ?? '', arn: r.Arn ?? '', attachedPolicies: attached(r.AttachedManagedPolicies), inlinePolicies: inline(r.RolePolicyList) });
    for (const p of page.Policies ?? []) {
      const version = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.[0];
      // The name is the ARN's last segment when a response leaves it out.
      policies.push({ name: p.PolicyName ?? p.Arn?.split('/').pop() ?? '', arn: p.Arn ?? '', attachmentCount: p.AttachmentCount ?? 0, document: policyDocument(version?.Document) });
    }
  }
  return { users, groups, roles, policies };
}

/** Access key ids of the users whose report row shows a key, so findings can name them. */
async function accessKeysOf(iam: IAMClient, report: Collected<readonly CredentialReportRow[]>, region: string): Promise<UserAccessKeys[]> {
  if (!report.ok) return [];
  const holders = report.value.filter((row) => row.arn.includes(':user/') && row.accessKeys.some((key) => key.lastRotated !== null));
  return mapLimited(holders, 4, async (row) => ({
    user: row.user,
    keys: await collect('iam:ListAccessKeys', region, async () => {
      const keys: AccessKey[] = [];
      for await (const page of paginateListAccessKeys({ client: iam, pageSize: MAX_PAGE }, { UserName: row.user })) {
        for (const k of page.AccessKeyMetadata ?? []) keys.push({ id: k.AccessKeyId ?? '', active: k.Status === 'Active', created: iso(k.CreateDate) ?? '' });
      }
      return keys;
    }),
  }));
}

function attached(list: readonly SdkAttachedPolicy[] | undefined): AttachedPolicy[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' }));
}

function inline(list: readonly PolicyDetail[] | undefined): InlinePolicy[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: policyDocument(p.PolicyDocument) }));
}

/** IAM returns policy documents URL-encoded; a document that does not parse is kept as text. */
export function policyDocument(text: string | undefined): unknown {
  if (text === undefined) return null;
  for (const candidate of [text, safeDecode(text)]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next form
    }
  }
  return text;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function iso(date: Date | string | undefined): string | undefined {
  if (date === undefined) return undefined;
  return (date instanceof Date ? date : new Date(date)).toISOString();
}
