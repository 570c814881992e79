import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, type GetEventSelectorsCommandOutput, type Trail as SdkTrail } from '@aws-sdk/client-cloudtrail';
import type { Regional, Trail } from '../engine/account';
import { collect, type AwsSession } from './session';

/**
 * The trails each region lists, shadow trails included (so organization trails show in member
 * accounts); each distinct trail's status and event selectors are asked once, in its home region.
 */
export async function collectTrails(session: AwsSession, regions: readonly string[]): Promise<Regional<Trail[]>[]> {
  const listed = await Promise.all(
    regions.map(async (region) => ({
      region,
      result: await collect('cloudtrail:DescribeTrails', region, async () => (await session.client(CloudTrailClient, region).send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? []),
    })),
  );
  const distinct = new Map<string, SdkTrail>();
  for (const { result } of listed) if (result.ok) for (const trail of result.value) if (trail.TrailARN) distinct.set(trail.TrailARN, trail);
  const details = new Map(
    await Promise.all(
      [...distinct.values()].map(async (trail) => {
        const home = trail.HomeRegion ?? regions[0];
        const client = session.client(CloudTrailClient, home);
        const [logging, managementEvents] = await Promise.all([
          collect('cloudtrail:GetTrailStatus', home, async () => (await client.send(new GetTrailStatusCommand({ Name: trail.TrailARN }))).IsLogging === true),
          collect('cloudtrail:GetEventSelectors', home, async () => recordsManagementEvents(await client.send(new GetEventSelectorsCommand({ TrailName: trail.TrailARN })))),
        ]);
        return [trail.TrailARN!, { logging, managementEvents }] as const;
      }),
    ),
  );
  return listed.map(({ region, result }) => ({
    region,
    result: result.ok
      ? {
          ok: true,
          value: result.value
            .filter((trail) => trail.TrailARN)
            .map((trail) => ({
              name: trail.Name ?? '',
              arn: trail.TrailARN!,
              homeRegion: trail.HomeRegion ?? region,
              multiRegion: trail.IsMultiRegionTrail === true,
              organization: trail.IsOrganizationTrail === true,
              logFileValidation: trail.LogFileValidationEnabled === true,
              kmsKeyId: trail.KmsKeyId ?? null,
              ...details.get(trail.TrailARN!)!,
            })),
        }
      : result,
  }));
}

/** Whether the selectors record every management event, reads and writes (basic or advanced selectors). */
export function recordsManagementEvents(output: Pick<GetEventSelectorsCommandOutput, 'EventSelectors' | 'AdvancedEventSelectors'>): boolean {
  const basic = (output.EventSelectors ?? []).some((s) => s.IncludeManagementEvents !== false && (s.ReadWriteType ?? 'All') === 'All');
  const advanced = (output.AdvancedEventSelectors ?? []).some((s) => {
    const fields = s.FieldSelectors ?? [];
    const management = fields.some((f) => f.Field === 'eventCategory' && f.Equals?.includes('Management'));
    return management && !fields.some((f) => f.Field === 'readOnly');
  });
  // A trail with neither kind of selector records management events by default.
  return basic || advanced || (output.EventSelectors === undefined && output.AdvancedEventSelectors === undefined);
}
