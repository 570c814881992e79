import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from '@aws-sdk/client-config-service';
import type { Collected, ConfigRecorder } from '../engine/account';
import { collect, type AwsSession } from './session';

export function collectConfigRecorders(session: AwsSession, region: string): Promise<Collected<ConfigRecorder[]>> {
  const config = session.client(ConfigServiceClient, region);
  return collect('config:DescribeConfigurationRecorders', region, async () => {
    const [{ ConfigurationRecorders }, { ConfigurationRecordersStatus }] = await Promise.all([
      config.send(new DescribeConfigurationRecordersCommand({})),
      config.send(new DescribeConfigurationRecorderStatusCommand({})),
    ]);
    return (ConfigurationRecorders ?? []).map((r) => ({
      name: r.name ?? '',
      recording: (ConfigurationRecordersStatus ?? []).some((s) => s.name === r.name && s.recording === true),
      // Recording "all supported" types, or every type listed by exclusion, covers the region.
      allSupported: r.recordingGroup?.allSupported === true || r.recordingGroup?.recordingStrategy?.useOnly === 'ALL_SUPPORTED_RESOURCE_TYPES' || r.recordingGroup?.recordingStrategy?.useOnly === 'EXCLUSION_BY_RESOURCE_TYPES',
    }));
  });
}
