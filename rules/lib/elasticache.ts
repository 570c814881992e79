import type { Resource } from '../../server/src/engine/model';

/**
 * Whether a replication group's engine can encrypt (at rest and in transit): Valkey, and Redis OSS
 * 3.2.6, 4.0.10 and later. False only for a literal EngineVersion known to be older, where turning
 * encryption on needs an engine upgrade first, so a fix that only sets the flag would not deploy.
 */
export function engineSupportsEncryption(resource: Resource): boolean {
  const engine = resource.properties?.byKey.get('Engine')?.value;
  if (engine?.kind === 'scalar' && String(engine.value).toLowerCase() === 'valkey') return true;
  const version = resource.properties?.byKey.get('EngineVersion')?.value;
  if (version?.kind !== 'scalar' || version.value === null) return true;
  const [major, minor = 0, patch = 0] = String(version.value).split('.').map((part) => Number.parseInt(part, 10));
  if ([major, minor, patch].some(Number.isNaN)) return true;
  if (major !== 3 && major !== 4) return major > 4;
  if (major === 3) return minor === 2 && patch === 6;
  return minor > 0 || patch >= 10;
}
