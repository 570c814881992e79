// Headless Chromium (Debian's package, driven by playwright-core) for the code-server stages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.PILLAR_CHROMIUM ?? '/usr/bin/chromium';

/** Opens a fresh browser profile; `close()` removes it. */
export async function openBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'pillar-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Reads `--name value` options; every listed name is required. */
export function options(names) {
  const args = process.argv.slice(2);
  const result = {};
  for (const name of names) {
    const at = args.indexOf(`--${name}`);
    if (at < 0 || at + 1 >= args.length) throw new Error(`missing --${name}; usage: ${names.map((n) => `--${n} <${n}>`).join(' ')}`);
    result[name] = args[at + 1];
  }
  return result;
}
