/**
 * The IAM part of `npm run bench`: what loading the catalog costs (time, heap, resident memory),
 * a 200-statement policy analyzed, and hover and completion over the catalog after the first.
 */
import { parseDocument } from 'yaml';
import { resolveConfig } from '../../server/src/engine/config';
import { engine, knownRules, loadIamCatalog } from '../helpers/analyze';

export const IAM_TARGETS = { policyMs: 20, hoverMs: 20, catalogMb: 60 } as const;

export interface IamBench {
  readonly catalog: { readonly loadMs: number; readonly heapMb: number; readonly rssMb: number; readonly actions: number; readonly version: string };
  readonly policy: { readonly statements: number; readonly bytes: number; readonly analyzeMs: number; readonly parseMs: number; readonly findings: number };
  readonly hoverMs: number;
  readonly completionMs: number;
}

const config = resolveConfig([], knownRules);

/** A policy of `count` statements as people write them: named actions, wildcards, ARNs, conditions. */
export function generatePolicy(count: number): string {
  // Per service: named actions, a wildcard, and the ARN of one of its resources.
  const services: [string, string[], string, string][] = [
    ['s3', ['s3:GetObject', 's3:PutObject'], 's3:Get*', 'arn:aws:s3:::bucket-%/*'],
    ['sqs', ['sqs:SendMessage', 'sqs:ReceiveMessage'], 'sqs:Delete*', 'arn:aws:sqs:us-east-1:123456789012:queue-%'],
    ['dynamodb', ['dynamodb:GetItem', 'dynamodb:Query'], 'dynamodb:Batch*', 'arn:aws:dynamodb:us-east-1:123456789012:table/table-%'],
    ['lambda', ['lambda:InvokeFunction'], 'lambda:Get*', 'arn:aws:lambda:us-east-1:123456789012:function:fn-%'],
    ['kms', ['kms:Decrypt', 'kms:GenerateDataKey'], 'kms:Describe*', 'arn:aws:kms:us-east-1:123456789012:key/key-%'],
    ['sns', ['sns:Publish'], 'sns:Get*', 'arn:aws:sns:us-east-1:123456789012:topic-%'],
    ['logs', ['logs:CreateLogStream', 'logs:PutLogEvents'], 'logs:Describe*', 'arn:aws:logs:us-east-1:123456789012:log-group:/app/%:*'],
    ['secretsmanager', ['secretsmanager:GetSecretValue'], 'secretsmanager:Describe*', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s-%'],
  ];
  const statements = Array.from({ length: count }, (_, i) => {
    const [service, named, wildcard, arn] = services[i % services.length];
    const actions = i % 7 === 0 ? [`${service}:*`] : i % 3 === 0 ? [wildcard, ...named] : named;
    const resource = i % 4 === 0 ? '*' : arn.replace('%', String(i));
    const condition = i % 5 === 0 ? `, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "Bool": {"aws:SecureTransport": "true"}}` : '';
    return `    {"Sid": "S${i}", "Effect": "${i % 9 === 0 ? 'Deny' : 'Allow'}", "Action": ${JSON.stringify(actions)}, "Resource": "${resource}"${condition}}`;
  });
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.join(',\n')}\n  ]\n}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function time(work: () => void, runs: number): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Run before anything else loads the catalog, so that its cost is measured alone. */
export function measureIam(collectGarbage: (() => void) | undefined): IamBench {
  const settle = () => {
    for (let i = 0; i < 3; i++) collectGarbage?.();
    return process.memoryUsage();
  };
  const before = settle();
  const start = performance.now();
  const catalog = loadIamCatalog();
  const loadMs = performance.now() - start;
  const after = settle();

  const text = generatePolicy(200);
  const analysis = engine.analyze(text, 'policy.json', config);
  const analyzeMs = time(() => engine.analyze(text, 'policy.json', config), 15);
  // The parse floor of the same text, so that a loaded machine shows in both numbers.
  const parseMs = time(() => parseDocument(text), 15);
  // Hover over a wildcard and completion after `s3:` in a statement halfway through.
  const wildcard = text.indexOf('"s3:Get*"', text.length >> 1) + 3;
  const hoverMs = time(() => engine.iamHover(analysis, wildcard), 25);
  const typed = text.indexOf('"sqs:Describe*"', text.length >> 1) + 5;
  const completionMs = time(() => engine.iamCompletions(analysis, text, typed), 25);
  return {
    catalog: {
      loadMs,
      heapMb: (after.heapUsed - before.heapUsed) / 2 ** 20,
      rssMb: (after.rss - before.rss) / 2 ** 20,
      actions: catalog.services.reduce((n, s) => n + s.actions.length, 0),
      version: catalog.version,
    },
    policy: { statements: 200, bytes: Buffer.byteLength(text), analyzeMs, parseMs, findings: analysis.findings.length },
    hoverMs,
    completionMs,
  };
}

export function printIam(result: IamBench): void {
  const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
  const { catalog, policy } = result;
  console.log(
    `IAM catalog ${catalog.version} (${catalog.actions} actions): loaded in ${catalog.loadMs.toFixed(0)} ms, ` +
      `${catalog.heapMb.toFixed(1)} MB heap, ${catalog.rssMb.toFixed(1)} MB resident (target ≤ ${IAM_TARGETS.catalogMb} MB: ${verdict(catalog.rssMb <= IAM_TARGETS.catalogMb)})`,
  );
  console.log(
    `IAM policy of ${policy.statements} statements (${(policy.bytes / 1024).toFixed(0)} KB, ${policy.findings} findings): ${policy.analyzeMs.toFixed(2)} ms ` +
      `(target ≤ ${IAM_TARGETS.policyMs} ms: ${verdict(policy.analyzeMs <= IAM_TARGETS.policyMs)}; parse floor ${policy.parseMs.toFixed(2)} ms, ${(policy.analyzeMs / policy.parseMs).toFixed(2)}×)`,
  );
  console.log(
    `IAM hover ${result.hoverMs.toFixed(2)} ms, completion ${result.completionMs.toFixed(2)} ms after the first (target ≤ ${IAM_TARGETS.hoverMs} ms: ${verdict(Math.max(result.hoverMs, result.completionMs) <= IAM_TARGETS.hoverMs)})`,
  );
}
