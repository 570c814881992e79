import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import type { Collected, GuardDutyDetector } from '../engine/account';
import { collect, type AwsSession } from './session';

export function collectGuardDuty(session: AwsSession, region: string): Promise<Collected<GuardDutyDetector[]>> {
  const guardDuty = session.client(GuardDutyClient, region);
  return collect('guardduty:ListDetectors', region, async () => {
    const ids: string[] = [];
    for await (const page of paginateListDetectors({ client: guardDuty }, {})) ids.push(...(page.DetectorIds ?? []));
    return Promise.all(ids.map(async (id) => ({ id, enabled: (await guardDuty.send(new GetDetectorCommand({ DetectorId: id }))).Status === 'ENABLED' })));
  });
}
