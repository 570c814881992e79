/**
 * The engine's public types: what rules, the language server and the CLI share.
 * Offsets are UTF-16 code unit offsets into the document text (JavaScript string indices);
 * lines and characters are 0-based, as in the LSP.
 */

export const AREAS = [
  'identity-and-access-management',
  'detective-controls',
  'infrastructure-protection',
  'data-protection',
  'incident-response',
] as const;
export type Area = (typeof AREAS)[number];

export const AREA_TITLES: Readonly<Record<Area, string>> = {
  'identity-and-access-management': 'Identity and access management',
  'detective-controls': 'Detective controls',
  'infrastructure-protection': 'Infrastructure protection',
  'data-protection': 'Data protection',
  'incident-response': 'Incident response',
};

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Ids of the same check in other tools, so users can compare, migrate and keep their suppressions. */
export interface Equivalents {
  readonly checkov: readonly string[];
  readonly cfnNag: readonly string[];
  readonly cfnLint: readonly string[];
  readonly kics: readonly string[];
  readonly securityHub: readonly string[];
  readonly cis: readonly string[];
}

export interface RuleMeta {
  /** Stable kebab-case slug that says what is required or forbidden. */
  readonly id: string;
  readonly area: Area;
  /** Well-Architected Security Pillar best-practice ids (Prowler layout), e.g. SEC08-BP02. */
  readonly bestPractice: readonly string[];
  readonly severity: Severity;
  readonly title: string;
  /** Why it matters, in the pillar's terms. */
  readonly rationale: string;
  /** What to do about it. */
  readonly remediation: string;
  readonly docs: readonly string[];
  /**
   * CloudFormation resource types the rule inspects, '*' for every resource whatever its type,
   * 'policy' for every IAM policy document, 'template' for the template as a whole, 'account'
   * for a snapshot of a live account.
   */
  readonly resourceTypes: readonly string[];
  readonly equivalents: Equivalents;
  /** True when at least one of the rule's findings can carry a fix. */
  readonly fixable: boolean;
  /** What users may configure, with defaults: `{ "minimumDays": { type: 'number', default: 365, … } }`. */
  readonly options?: Readonly<Record<string, RuleOption>>;
  /** False for a rule that means nothing until configured (a required tag): off until a user sets it. */
  readonly enabledByDefault?: boolean;
  /**
   * A small document that raises the rule and its secure counterpart, which raises nothing above
   * info from any rule: shown in the docs and run by the tests. Account rules have none.
   */
  readonly examples?: RuleExamples;
}

export interface RuleExamples {
  readonly insecure: string;
  readonly secure: string;
  /** The options both examples are analyzed with, for a rule that needs configuration. */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface RuleOption {
  readonly type: 'string' | 'number' | 'boolean' | 'string[]';
  readonly default: string | number | boolean | readonly string[] | null;
  readonly description: string;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The safest fix for its finding; fix-all applies only preferred fixes. */
  readonly preferred: boolean;
  /** Deploying it makes CloudFormation replace the resource: never applied without the user's choice. */
  readonly replaces: boolean;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** null for the engine's own findings (parse errors, suppressions, failed rules). */
  readonly area: Area | null;
  readonly message: string;
  readonly file: string;
  readonly span: Span;
  readonly range: Range;
  /** Logical id of the resource at fault, or null. */
  readonly resource: string | null;
  /**
   * Property path of the node at fault (`Resources.Bucket.Properties`, `Statement[2].Action[0]`);
   * with the rule, file and resource, it identifies a finding across edits that move lines.
   */
  readonly path?: string;
  readonly fixes: readonly Fix[];
}

export type DocumentKind = 'template' | 'policy' | 'none';
