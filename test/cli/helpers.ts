import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FIRST_RULES, exampleRulesOnly, firstRulesOnly } from '../helpers/pinned-rules';

export { FIRST_RULES, firstRulesOnly };

export const REPO = resolve(__dirname, '../..');
const CLI = join(REPO, 'dist/cli.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built bundle, as users and CI do. The colour variables of the test's own environment
 * are left out (a CI may set FORCE_COLOR), so that only `env` decides them.
 */
export function pillar(args: readonly string[], cwd = REPO, env: Readonly<Record<string, string>> = {}): CliResult {
  const { NO_COLOR: _no, FORCE_COLOR: _force, ...inherited } = process.env;
  // A scan of the whole corpus as JSON is megabytes: past spawnSync's 1 MB default the child is killed.
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...inherited, ...env }, maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The path of a file holding `firstRulesOnly()`, outside any folder a test scans. */
export function firstRulesOnlyFile(): string {
  return join(tempDir({ 'only.json': firstRulesOnly() }), 'only.json');
}

/** A file configuring the rules that raise the bundled example's findings (EXAMPLE_FINDINGS), and no others. */
let exampleRulesFile: string | undefined;

/** Runs the CLI with only the example's rules, for tests whose expectations are exact. */
export function pinned(args: readonly string[], cwd = REPO, env: Readonly<Record<string, string>> = {}): CliResult {
  exampleRulesFile ??= join(tempDir({ 'example-rules.json': exampleRulesOnly() }), 'example-rules.json');
  return pillar([...args, '--config', exampleRulesFile], cwd, env);
}


/** A fresh temporary folder holding the given files (paths relative to it, folders created). */
export function tempDir(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'pillar-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export const UNENCRYPTED_VOLUME = `Resources:
  Volume:
    Type: AWS::EC2::Volume
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      AvailabilityZone: us-east-1a
      Size: 8
      Encrypted: false
`;

export const CLEAN_BUCKET = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      VersioningConfiguration:
        Status: Enabled
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: [!GetAtt Bucket.Arn, !Sub "\${Bucket.Arn}/*"]
            Condition: { Bool: { aws:SecureTransport: "false" } }
`;

/** Two warnings (multi-Region and log file validation), nothing else. */
export const SINGLE_REGION_TRAIL = `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: logs
`;

export const WORKFLOW = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;

/** The findings the bundled example must give: rule id and 1-based start line:column, in output order. */
export const EXAMPLE_FINDINGS: readonly (readonly [string, string, 'error' | 'warning'])[] = [
  ['iam-policy-no-wildcard-action', '29:25', 'error'],
  ['cloudtrail-log-file-validation-enabled', '35:5', 'warning'],
  ['cloudtrail-multi-region-enabled', '35:5', 'warning'],
  ['ec2-security-group-no-public-admin-ingress', '48:19', 'error'],
  ['s3-bucket-policy-requires-tls', '52:3', 'warning'],
  ['s3-bucket-public-access-block', '56:5', 'error'],
  ['ebs-volume-encryption-enabled', '68:18', 'error'],
  ['rds-instance-storage-encrypted', '82:25', 'error'],
];

export const EXAMPLE = 'examples/insecure-stack.yaml';
