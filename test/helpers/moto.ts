import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

/**
 * moto (a local AWS emulator, `python3 -m moto.server`) on a free loopback port, for the tests of
 * the collectors over real HTTP. Where moto is missing, `startMoto` returns a reason to skip;
 * under CI=true a missing emulator is a failure instead.
 */
export interface Moto {
  readonly endpoint: string;
  /** Turns moto's IAM authorization on (calls are then allowed only by the caller's policies) or off. */
  setAuthorization(on: boolean): Promise<void>;
  stop(): Promise<void>;
}

export const MOTO_MISSING = 'moto is not installed: install it with `pip install "moto[server]"` (5.2.1 is known to work); the tests that need it are skipped';

export function motoAvailable(): boolean {
  return spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' }).status === 0;
}

/** Skips (with the reason) where moto is missing, except under CI=true, where it fails. */
export function motoSkipReason(): string | false {
  if (motoAvailable()) return false;
  if (process.env.CI === 'true') throw new Error(`CI=true and ${MOTO_MISSING}`);
  return MOTO_MISSING;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  // Its log goes to a file, not a pipe: a test that blocks in spawnSync would stop draining a pipe, and moto with it.
  const logFile = join(mkdtempSync(join(tmpdir(), 'pillar-moto-')), 'moto.log');
  const child: ChildProcess = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', openSync(logFile, 'w')] });
  const log = () => readFileSync(logFile, 'utf8').slice(-4000);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto exited with ${child.exitCode}: ${log()}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`moto did not start within 30 s: ${log()}`);
    }
    await new Promise((resume) => setTimeout(resume, 100));
  }
  return {
    endpoint,
    async setAuthorization(on) {
      // The body is how many requests are still let through without authorization.
      const response = await fetch(`${endpoint}/moto-api/reset-auth`, { method: 'POST', body: on ? '0' : 'inf' });
      if (!response.ok) throw new Error(`moto refused reset-auth: ${response.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
