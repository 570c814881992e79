import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { AwsSession } from './session';

export interface OrganizationAccount {
  readonly id: string;
  readonly name: string;
}

/** The organization's active accounts (from the management account or a delegated administrator). */
export async function organizationAccounts(session: AwsSession, region: string): Promise<OrganizationAccount[]> {
  const accounts: OrganizationAccount[] = [];
  for await (const page of paginateListAccounts({ client: session.client(OrganizationsClient, region) }, {})) {
    for (const a of page.Accounts ?? []) if (a.Id && (a.State ?? a.Status) === 'ACTIVE') accounts.push({ id: a.Id, name: a.Name ?? a.Id });
  }
  return accounts.sort((a, b) => a.id.localeCompare(b.id));
}

/** Temporary credentials of `role` in another account, for one scan. */
export async function assumeRole(session: AwsSession, region: string, partition: string, accountId: string, role: string): Promise<AwsCredentialIdentity> {
  const { Credentials } = await session.client(STSClient, region).send(
    new AssumeRoleCommand({ RoleArn: `arn:${partition}:iam::${accountId}:role/${role}`, RoleSessionName: 'pillar-posture', DurationSeconds: 3600 }),
  );
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error(`AssumeRole into ${accountId} returned no credentials`);
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken, expiration: Credentials.Expiration };
}
