import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type PostureModule = typeof import('./posture');

/**
 * Loads the posture bundle (dist/posture.js, next to the server and CLI bundles) on first use:
 * the AWS SDK is large, and nothing but a scan needs it. Run from sources (tests), it loads the
 * TypeScript module instead.
 */
export function loadPosture(): PostureModule {
  const bundle = join(__dirname, 'posture.js');
  const path = existsSync(bundle) ? bundle : join(__dirname, 'posture');
  // A computed path: esbuild leaves this require to run time instead of bundling the SDK here.
  return require(path) as PostureModule;
}
