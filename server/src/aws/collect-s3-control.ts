import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import type { Collected, PublicAccessBlock } from '../engine/account';
import { collect, hasCode, type AwsSession } from './session';

/** The account-level S3 Block Public Access settings, or null when the account has none. */
export function collectS3PublicAccessBlock(session: AwsSession, region: string, accountId: string): Promise<Collected<PublicAccessBlock | null>> {
  return collect('s3:GetAccountPublicAccessBlock', region, async () => {
    try {
      const { PublicAccessBlockConfiguration: c } = await session.client(S3ControlClient, region).send(new GetPublicAccessBlockCommand({ AccountId: accountId }));
      return { blockPublicAcls: c?.BlockPublicAcls === true, ignorePublicAcls: c?.IgnorePublicAcls === true, blockPublicPolicy: c?.BlockPublicPolicy === true, restrictPublicBuckets: c?.RestrictPublicBuckets === true };
    } catch (error) {
      if (hasCode(error, 'NoSuchPublicAccessBlockConfiguration')) return null;
      throw error;
    }
  });
}
