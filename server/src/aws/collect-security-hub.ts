import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Collected } from '../engine/account';
import { collect, hasCode, type AwsSession } from './session';

/** Whether Security Hub is enabled: DescribeHub answers, or says the account is not subscribed. */
export function collectSecurityHub(session: AwsSession, region: string): Promise<Collected<boolean>> {
  return collect('securityhub:DescribeHub', region, async () => {
    try {
      await session.client(SecurityHubClient, region).send(new DescribeHubCommand({}));
      return true;
    } catch (error) {
      if (hasCode(error, 'InvalidAccessException', 'ResourceNotFoundException')) return false;
      throw error;
    }
  });
}
