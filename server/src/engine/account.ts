import type { Area, RuleMeta, Severity } from './api';

/**
 * What account rules see of a live AWS account: plain, serializable data that the collectors
 * gather (server/src/aws) and tests build by hand. Every collected value may instead be the
 * error of the call that should have fetched it; a rule whose data is missing is "not evaluated".
 */

/** A call that failed: the IAM action it needs, and whether the caller lacked that permission. */
export interface CallError {
  /** The IAM action of the call, e.g. `iam:GetAccountSummary`. */
  readonly action: string;
  readonly code: string;
  readonly message: string;
  /** True when the caller is not allowed to make the call (AccessDenied and its kin). */
  readonly denied: boolean;
  readonly region?: string;
}

export type Collected<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CallError };

/** One region's answer of a regional service. */
export interface Regional<T> {
  readonly region: string;
  readonly result: Collected<T>;
}

export interface AttachedPolicy {
  readonly name: string;
  readonly arn: string;
}

export interface InlinePolicy {
  readonly name: string;
  /** The policy document, parsed. */
  readonly document: unknown;
}

export interface IamPrincipal {
  readonly name: string;
  readonly arn: string;
  readonly attachedPolicies: readonly AttachedPolicy[];
  readonly inlinePolicies: readonly InlinePolicy[];
}

export interface IamUser extends IamPrincipal {
  readonly groups: readonly string[];
}

export interface ManagedPolicy {
  readonly name: string;
  readonly arn: string;
  readonly attachmentCount: number;
  /** The default version's document, parsed. */
  readonly document: unknown;
}

/** Users, groups, roles and customer managed policies (GetAccountAuthorizationDetails). */
export interface Authorization {
  readonly users: readonly IamUser[];
  readonly groups: readonly IamPrincipal[];
  readonly roles: readonly IamPrincipal[];
  readonly policies: readonly ManagedPolicy[];
}

export interface AccessKeyColumns {
  readonly active: boolean;
  /** ISO date-times, or null for N/A. */
  readonly lastRotated: string | null;
  readonly lastUsed: string | null;
}

/** One row of the IAM credential report, by its column names. */
export interface CredentialReportRow {
  /** `<root_account>` for the root user. */
  readonly user: string;
  readonly arn: string;
  readonly userCreationTime: string | null;
  readonly passwordEnabled: boolean;
  readonly passwordLastUsed: string | null;
  readonly mfaActive: boolean;
  readonly accessKeys: readonly [AccessKeyColumns, AccessKeyColumns];
}

export const ROOT_USER = '<root_account>';

export interface AccountSummary {
  readonly rootMfaEnabled: boolean;
  readonly rootAccessKeysPresent: boolean;
}

export interface PasswordPolicy {
  readonly minimumLength: number;
  readonly requireUppercase: boolean;
  readonly requireLowercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
  /** How many previous passwords cannot be reused; 0 when not set. */
  readonly reusePrevention: number;
  readonly maxAgeDays: number | null;
}

export interface AccessKey {
  readonly id: string;
  readonly active: boolean;
  readonly created: string;
}

/** A user's access keys (ListAccessKeys), asked for users whose credential report row shows a key. */
export interface UserAccessKeys {
  readonly user: string;
  readonly keys: Collected<readonly AccessKey[]>;
}

export interface ServerCertificate {
  readonly name: string;
  readonly arn: string;
  readonly expiration: string;
}

export interface Trail {
  readonly name: string;
  readonly arn: string;
  readonly homeRegion: string;
  readonly multiRegion: boolean;
  readonly organization: boolean;
  readonly logFileValidation: boolean;
  readonly kmsKeyId: string | null;
  /** Whether it is recording now (GetTrailStatus). */
  readonly logging: Collected<boolean>;
  /** Whether it records management events, read and write (GetEventSelectors). */
  readonly managementEvents: Collected<boolean>;
}

export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

export interface IngressRule {
  /** -1 for every protocol. */
  readonly protocol: string;
  readonly fromPort: number | null;
  readonly toPort: number | null;
  readonly cidrs: readonly string[];
}

export interface SecurityGroup {
  readonly id: string;
  readonly name: string;
  readonly vpcId: string | null;
  readonly ingress: readonly IngressRule[];
}

export interface Vpc {
  readonly id: string;
  readonly isDefault: boolean;
}

export interface FlowLog {
  readonly id: string;
  readonly resourceId: string;
  readonly active: boolean;
}

export interface KmsKey {
  readonly id: string;
  readonly arn: string;
  readonly manager: 'AWS' | 'CUSTOMER';
  readonly spec: string;
  readonly state: string;
  /** Undefined for keys whose rotation was not asked (AWS managed, asymmetric, or not enabled). */
  readonly rotation?: Collected<boolean>;
}

export interface ConfigRecorder {
  readonly name: string;
  readonly recording: boolean;
  readonly allSupported: boolean;
}

export interface GuardDutyDetector {
  readonly id: string;
  readonly enabled: boolean;
}

export interface AccessAnalyzer {
  readonly name: string;
  readonly arn: string;
  readonly type: string;
  readonly active: boolean;
}

export interface AccountSnapshot {
  readonly accountId: string;
  /** aws, aws-cn, aws-us-gov: console links and ARNs differ by partition. */
  readonly partition: string;
  /** Where global services were asked. */
  readonly homeRegion: string;
  readonly regions: readonly string[];
  /** When the data was collected: "now" for every age a rule computes. */
  readonly collectedAt: string;
  readonly iam: {
    readonly summary: Collected<AccountSummary>;
    /** null when the account has no password policy. */
    readonly passwordPolicy: Collected<PasswordPolicy | null>;
    readonly credentialReport: Collected<readonly CredentialReportRow[]>;
    readonly accessKeys: readonly UserAccessKeys[];
    readonly authorization: Collected<Authorization>;
    readonly serverCertificates: Collected<readonly ServerCertificate[]>;
  };
  /** Trails each region lists (DescribeTrails, shadow trails of multi-region and organization trails included). */
  readonly trails: readonly Regional<readonly Trail[]>[];
  /** null when the account has no public access block. */
  readonly s3PublicAccessBlock: Collected<PublicAccessBlock | null>;
  readonly ebsEncryptionByDefault: readonly Regional<boolean>[];
  readonly securityGroups: readonly Regional<readonly SecurityGroup[]>[];
  readonly vpcs: readonly Regional<readonly Vpc[]>[];
  readonly flowLogs: readonly Regional<readonly FlowLog[]>[];
  readonly kmsKeys: readonly Regional<readonly KmsKey[]>[];
  readonly configRecorders: readonly Regional<readonly ConfigRecorder[]>[];
  readonly guardDutyDetectors: readonly Regional<readonly GuardDutyDetector[]>[];
  readonly accessAnalyzers: readonly Regional<readonly AccessAnalyzer[]>[];
  /** Whether Security Hub is enabled in each region. */
  readonly securityHub: readonly Regional<boolean>[];
}

/** What a finding is about: a user, an access key, a region, a trail… with its console page. */
export interface AccountEntity {
  readonly kind: 'account' | 'region' | 'user' | 'access-key' | 'role' | 'group' | 'policy' | 'certificate' | 'trail' | 'key' | 'security-group' | 'vpc';
  readonly id: string;
  readonly region?: string;
  /** The AWS console page where it is fixed. */
  readonly console: string;
}

export interface AccountReport {
  readonly entity: AccountEntity;
  readonly message: string;
}

export interface AccountRuleContext {
  readonly snapshot: AccountSnapshot;
  /** When the snapshot was taken. */
  readonly now: Date;
  /** The value of a collected result; undefined, with the check marked "not evaluated" for it, when the call failed. */
  use<T>(result: Collected<T>): T | undefined;
  report(report: AccountReport): void;
}

/** An account rule: the same metadata as a template rule (`resourceTypes: ['account']`) and a pure check of the snapshot. */
export interface AccountRule {
  readonly meta: RuleMeta;
  check(context: AccountRuleContext): void;
}

export interface AccountFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly area: Area;
  readonly message: string;
  readonly entity: AccountEntity;
}

export type CheckStatus = 'pass' | 'fail' | 'not-evaluated';

export interface CheckResult {
  readonly meta: RuleMeta;
  /** fail when anything was found; else not-evaluated when some data was missing; else pass. */
  readonly status: CheckStatus;
  readonly findings: readonly AccountFinding[];
  /** The calls whose failure left the check (or part of it) unevaluated. */
  readonly unavailable: readonly CallError[];
}

/** Runs every account rule over the snapshot; a rule that throws is reported as not evaluated, the others still run. */
export function evaluateAccount(rules: readonly AccountRule[], snapshot: AccountSnapshot): CheckResult[] {
  const now = new Date(snapshot.collectedAt);
  return rules.map((rule) => {
    const findings: AccountFinding[] = [];
    const unavailable: CallError[] = [];
    const context: AccountRuleContext = {
      snapshot,
      now,
      use: (result) => {
        if (result.ok) return result.value;
        if (!unavailable.some((e) => e.action === result.error.action && e.region === result.error.region)) unavailable.push(result.error);
        return undefined;
      },
      report: ({ entity, message }) => findings.push({ ruleId: rule.meta.id, severity: rule.meta.severity, area: rule.meta.area, message, entity }),
    };
    try {
      rule.check(context);
    } catch (error) {
      unavailable.push({ action: 'pillar:rule', code: 'RuleError', message: `the rule failed: ${error instanceof Error ? error.message : String(error)}`, denied: false });
    }
    const status: CheckStatus = findings.length > 0 ? 'fail' : unavailable.length > 0 ? 'not-evaluated' : 'pass';
    return { meta: rule.meta, status, findings, unavailable };
  });
}
