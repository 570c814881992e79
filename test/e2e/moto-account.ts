/**
 * The emulated AWS account for the real-editor stages: starts moto on a free loopback port, seeds
 * it like the collectors' tests do, writes the endpoint to the file given, and stops moto when
 * this process is told to end. scripts/e2e.sh starts it and hands the endpoint to code-server's
 * environment, which the extension host and the language server inherit.
 *
 *   node --import tsx test/e2e/moto-account.ts <endpoint-file>
 */
import { writeFileSync } from 'node:fs';
import { startMoto } from '../helpers/moto';
import { seedAccount } from '../helpers/seed-account';

const [endpointFile] = process.argv.slice(2);
if (!endpointFile) throw new Error('usage: moto-account.ts <endpoint-file>');

async function main(file: string): Promise<void> {
  const moto = await startMoto();
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_ENDPOINT_URL: moto.endpoint, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  const stop = () => void moto.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await seedAccount();
  writeFileSync(file, moto.endpoint);
  console.log(`moto ${moto.endpoint}: seeded`);
  setInterval(() => {}, 60_000);
}

void main(endpointFile).catch((error) => {
  console.error(error);
  process.exit(1);
});
