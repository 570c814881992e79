/**
 * The posture scan on an emulated account of 200 users, 400 roles and 300 customer managed
 * policies (moto, seeded through the SDK): wall time and API calls of a first scan (moto still
 * loading its services) and a second one, and whether any call asked again for data already
 * fetched. Without moto it says why and measures nothing.
 */
import { AttachRolePolicyCommand, CreateAccessKeyCommand, CreateLoginProfileCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { mapLimited } from '../../server/src/aws/limiter';
import { scanPosture } from '../../server/src/aws/scan';
import { startAccessAnalyzerStub, useEmulatorEnvironment } from '../helpers/aws-fixture';
import { motoAvailable, MOTO_MISSING, startMoto } from '../helpers/moto';

export const ACCOUNT = { users: 200, roles: 400, policies: 300 } as const;
const REGIONS = ['us-east-1', 'eu-west-1'];

export interface PostureBench {
  readonly regions: readonly string[];
  readonly seedMs: number;
  readonly scans: readonly { readonly ms: number; readonly calls: number; readonly repeated: number; readonly byService: Record<string, number> }[];
}

export async function measurePosture(): Promise<PostureBench | string> {
  if (!motoAvailable()) return MOTO_MISSING;
  const moto = await startMoto();
  const stub = await startAccessAnalyzerStub(REGIONS);
  try {
    useEmulatorEnvironment(moto.endpoint.replace('127.0.0.1', 'localhost'), stub.endpoint);
    const t0 = performance.now();
    await seed();
    const seedMs = performance.now() - t0;
    const scans = [];
    for (let i = 0; i < 2; i++) {
      const start = performance.now();
      const report = await scanPosture({ region: REGIONS[0], regions: REGIONS, analyzeTemplate: () => [] });
      const ms = performance.now() - start;
      const keys = report.calls.filter((c) => c.action !== 'iam:GenerateCredentialReport').map((c) => `${c.action} ${c.region} ${c.input}`);
      const byService: Record<string, number> = {};
      for (const call of report.calls) byService[call.action.split(':')[0]] = (byService[call.action.split(':')[0]] ?? 0) + 1;
      scans.push({ ms, calls: report.calls.length, repeated: keys.length - new Set(keys).size, byService });
    }
    return { regions: REGIONS, seedMs, scans };
  } finally {
    stub.server.close();
    await moto.stop();
  }
}

/** Users (every tenth with a console password, every fifth with a key), roles with a policy each, policies. */
async function seed(): Promise<void> {
  const iam = new IAMClient({ region: REGIONS[0] });
  const document = (i: number) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::bucket-${i}/*` }] });
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const policies = await mapLimited([...Array(ACCOUNT.policies).keys()], 8, async (i) => (await iam.send(new CreatePolicyCommand({ PolicyName: `policy-${i}`, PolicyDocument: document(i) }))).Policy!.Arn!);
  await mapLimited([...Array(ACCOUNT.users).keys()], 8, async (i) => {
    await iam.send(new CreateUserCommand({ UserName: `user-${i}` }));
    if (i % 10 === 0) await iam.send(new CreateLoginProfileCommand({ UserName: `user-${i}`, Password: 'Passw0rd!long-enough' }));
    if (i % 5 === 0) await iam.send(new CreateAccessKeyCommand({ UserName: `user-${i}` }));
  });
  await mapLimited([...Array(ACCOUNT.roles).keys()], 8, async (i) => {
    await iam.send(new CreateRoleCommand({ RoleName: `role-${i}`, AssumeRolePolicyDocument: trust }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: `role-${i}`, PolicyArn: policies[i % policies.length] }));
  });
}
