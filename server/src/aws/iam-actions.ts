/**
 * The IAM action behind each SDK call: what a denied call names as missing, what the README's
 * policy must grant. One table for both, so they cannot drift apart.
 */
interface Service {
  /** The SDK package the collectors import its commands from. */
  readonly package: string;
  /** The client's name, as the SDK puts it in every call's middleware context. */
  readonly client: string;
  /** The IAM service prefix. */
  readonly prefix: string;
  /** Commands whose IAM action has another name. */
  readonly renamed?: Readonly<Record<string, string>>;
}

export const SERVICES: readonly Service[] = [
  { package: '@aws-sdk/client-sts', client: 'STSClient', prefix: 'sts' },
  { package: '@aws-sdk/client-iam', client: 'IAMClient', prefix: 'iam' },
  { package: '@aws-sdk/client-ec2', client: 'EC2Client', prefix: 'ec2' },
  { package: '@aws-sdk/client-cloudtrail', client: 'CloudTrailClient', prefix: 'cloudtrail' },
  { package: '@aws-sdk/client-s3-control', client: 'S3ControlClient', prefix: 's3', renamed: { GetPublicAccessBlock: 'GetAccountPublicAccessBlock' } },
  { package: '@aws-sdk/client-kms', client: 'KMSClient', prefix: 'kms' },
  { package: '@aws-sdk/client-config-service', client: 'ConfigServiceClient', prefix: 'config' },
  { package: '@aws-sdk/client-guardduty', client: 'GuardDutyClient', prefix: 'guardduty' },
  { package: '@aws-sdk/client-accessanalyzer', client: 'AccessAnalyzerClient', prefix: 'access-analyzer' },
  { package: '@aws-sdk/client-securityhub', client: 'SecurityHubClient', prefix: 'securityhub' },
  { package: '@aws-sdk/client-organizations', client: 'OrganizationsClient', prefix: 'organizations' },
  { package: '@aws-sdk/client-cloudformation', client: 'CloudFormationClient', prefix: 'cloudformation' },
];

/** `iam:ListUsers` for the IAMClient's ListUsersCommand; `by` picks the service by client or package name. */
export function iamAction(by: 'client' | 'package', name: string, command: string): string {
  const service = SERVICES.find((s) => s[by] === name);
  const operation = command.replace(/Command$/, '');
  if (!service) return `unknown:${operation}`;
  return `${service.prefix}:${service.renamed?.[operation] ?? operation}`;
}
