import { RULES } from '../../rules';

/** The rules of the first release: the ones the CLI's snapshots and exact expectations name. */
export const FIRST_RULES: readonly string[] = [
  'cloudtrail-log-file-validation-enabled',
  'cloudtrail-multi-region-enabled',
  'ebs-volume-encryption-enabled',
  'ec2-security-group-no-public-admin-ingress',
  'iam-policy-no-wildcard-action',
  'rds-instance-storage-encrypted',
  's3-bucket-public-access-block',
];

/**
 * A configuration that runs only the first seven rules, at their default severities (and the
 * overrides given), so that output snapshots and exact expectations hold however many rules are added.
 */
export function firstRulesOnly(overrides: Readonly<Record<string, unknown>> = {}): string {
  const severity = (id: string) => RULES.find((rule) => rule.meta.id === id)!.meta.severity;
  return JSON.stringify({ onlyConfiguredRules: true, rules: { ...Object.fromEntries(FIRST_RULES.map((id) => [id, severity(id)])), ...overrides } });
}

/** The rules that raise the findings of the bundled example, examples/insecure-stack.yaml, and no others. */
export function exampleRulesOnly(): string {
  return firstRulesOnly({ 's3-bucket-policy-requires-tls': 'warning' });
}
