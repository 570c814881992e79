import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, paginateListKeys } from '@aws-sdk/client-kms';
import type { Collected, KmsKey } from '../engine/account';
import { collect, MAX_PAGE, type AwsSession } from './session';

/** The region's keys; the rotation status is asked only of enabled, symmetric, customer managed keys (the only ones that can rotate). */
export function collectKmsKeys(session: AwsSession, region: string): Promise<Collected<KmsKey[]>> {
  const kms = session.client(KMSClient, region);
  return collect('kms:ListKeys', region, async () => {
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: kms, pageSize: MAX_PAGE }, {})) for (const key of page.Keys ?? []) if (key.KeyId) ids.push(key.KeyId);
    return Promise.all(
      ids.map(async (id): Promise<KmsKey> => {
        const { KeyMetadata: m } = await kms.send(new DescribeKeyCommand({ KeyId: id }));
        const key = { id, arn: m?.Arn ?? '', manager: m?.KeyManager === 'AWS' ? ('AWS' as const) : ('CUSTOMER' as const), spec: m?.KeySpec ?? 'SYMMETRIC_DEFAULT', state: m?.KeyState ?? '' };
        if (key.manager !== 'CUSTOMER' || key.spec !== 'SYMMETRIC_DEFAULT' || key.state !== 'Enabled' || (m?.Origin ?? 'AWS_KMS') !== 'AWS_KMS') return key;
        const rotation = await collect('kms:GetKeyRotationStatus', region, async () => (await kms.send(new GetKeyRotationStatusCommand({ KeyId: id }))).KeyRotationEnabled === true);
        return { ...key, rotation };
      }),
    );
  });
}
