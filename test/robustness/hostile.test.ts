/**
 * Input an editor or a CI job can hand the engine: half-typed, truncated, binary, absurdly nested,
 * huge, alias bombs, and valid-but-unusual text. The engine must never throw, must say when it
 * stopped short (input-limit, parse-error), and must keep positions right.
 *
 * No timing asserts. Each test has a generous timeout as a hang guard; node:test can only fire it
 * between synchronous calls, so loops over many inputs yield to the event loop after each one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Analysis } from '../../server/src/engine/engine';
import { analyze, rangeText } from '../helpers/analyze';
import { generateTemplate, seededRandom } from '../helpers/generate-template';

const GUARD = { timeout: 30_000 };
// Thousands of analyses with every rule on: minutes on a loaded two-core machine.
const TYPED = { timeout: 180_000 };
const EXAMPLE = readFileSync('examples/insecure-stack.yaml', 'utf8');
const JSON_TEMPLATE = generateTemplate({ lines: 400, format: 'json' });

function idsOf(analysis: Analysis): string[] {
  return analysis.findings.map((finding) => finding.ruleId);
}

/** Analyzes each text in turn, yielding between them so the hang guard can fire; returns what failed. */
async function failuresOver(texts: Iterable<[label: string, text: string]>, file: string): Promise<string[]> {
  const failures: string[] = [];
  for (const [label, text] of texts) {
    try {
      const failed = analyze(text, file).findings.filter((finding) => finding.ruleId === 'rule-error');
      failures.push(...failed.map((finding) => `${label}: ${finding.message}`));
    } catch (error) {
      failures.push(`${label}: threw ${String(error)}`);
    }
    await yieldToEventLoop();
  }
  return failures;
}

function* prefixes(text: string, step: number): Generator<[string, string]> {
  for (let end = 0; end <= text.length; end += step) yield [`first ${end} characters`, text.slice(0, end)];
}

/** A bucket without a public access block, with `nested` as the value of one of its tags. */
function bucketHolding(nested: string): string {
  return ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', '    Properties:', `      Tags: ${nested}`, ''].join('\n');
}

function jsonBucketHolding(nested: string): string {
  return `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": ${nested}}}}}\n`;
}

/** The example's resources repeated under new logical ids until the text reaches `size` characters. */
function repeatedExample(size: number): { text: string; copies: number } {
  const resources = EXAMPLE.slice(EXAMPLE.indexOf('Resources:\n') + 'Resources:\n'.length);
  const parts = [EXAMPLE];
  let length = EXAMPLE.length;
  let copies = 1;
  while (length < size) {
    // Each copy's resources, and its references to them (the trail names its own log bucket).
    const names = new Set([...resources.matchAll(/^ {2}(\w+):$/gm)].map((match) => match[1]));
    const copy = `\n${resources.replace(/^ {2}(\w+):$/gm, `  $1Copy${copies}:`).replace(/(!Ref |!GetAtt )(\w+)/g, (ref, tag: string, name: string) => (names.has(name) ? `${tag}${name}Copy${copies}` : ref))}`;
    parts.push(copy);
    length += copy.length;
    copies++;
  }
  return { text: parts.join(''), copies };
}

/** Bytes from a seeded generator: "random", yet the same on every run. */
function randomBytes(count: number, seed: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length: count }, () => Math.floor(random() * 256)));
}

describe('truncated and half-written templates', () => {
  it('analyzes the example cut every 37 characters', GUARD, async () => {
    assert.deepEqual(await failuresOver(prefixes(EXAMPLE, 37), 'template.yaml'), []);
  });

  it('analyzes a JSON template cut every 37 characters', GUARD, async () => {
    assert.deepEqual(await failuresOver(prefixes(JSON_TEMPLATE, 37), 'template.json'), []);
  });

  it('analyzes every prefix of the example, as if typed character by character', TYPED, async () => {
    assert.deepEqual(await failuresOver(prefixes(EXAMPLE, 1), 'template.yaml'), []);
  });
});

describe('binary content', () => {
  it('reports NUL bytes in a .yaml file as an input limit', GUARD, () => {
    const analysis = analyze(`AWSTemplateFormatVersion: "2010-09-09"\n\u0000\u0000Resources: {}\n`);
    assert.deepEqual(idsOf(analysis), ['input-limit']);
    assert.equal(analysis.model, undefined);
  });

  it('reports random bytes named .yaml as an input limit', GUARD, () => {
    // 64 KiB of random bytes hold NULs, which is how the engine tells binary from text.
    const analysis = analyze(randomBytes(64 * 1024, 7).toString('utf8'));
    assert.deepEqual(idsOf(analysis), ['input-limit']);
  });

  it('ignores binary files that are not named like templates', GUARD, () => {
    assert.deepEqual(idsOf(analyze(randomBytes(64 * 1024, 7).toString('latin1'), 'logo.png')), []);
  });
});

describe('deep nesting', () => {
  const shapes: Record<string, (depth: number) => string> = {
    'YAML flow sequences': (depth) => bucketHolding(`${'['.repeat(depth)}${']'.repeat(depth)}`),
    'YAML flow maps': (depth) => bucketHolding(`${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`),
    'YAML block sequences': (depth) => bucketHolding(`\n        ${'- '.repeat(depth)}x`),
    'unclosed YAML flow sequences': (depth) => bucketHolding('['.repeat(depth)),
    'JSON arrays': (depth) => jsonBucketHolding(`${'['.repeat(depth)}1${']'.repeat(depth)}`),
    'JSON objects': (depth) => jsonBucketHolding(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  };

  for (const depth of [5_000, 100_000]) {
    for (const [shape, make] of Object.entries(shapes)) {
      it(`stops short of ${depth.toLocaleString('en-US')} levels of ${shape} and analyzes the rest`, GUARD, () => {
        const analysis = analyze(make(depth), shape.startsWith('JSON') ? 'template.json' : 'template.yaml');
        const ids = idsOf(analysis);
        assert.equal(analysis.kind, 'template');
        assert.ok(ids.includes('input-limit'), `findings: ${ids.join(', ')}`);
        assert.ok(ids.includes('s3-bucket-public-access-block'), `findings: ${ids.join(', ')}`);
      });
    }
  }

  it('reports the nesting limit at the same place whatever stack is left (issue 11)', GUARD, () => {
    const text = `Resources:\n  B:\n    Type: AWS::SNS::Topic\nDeep: ${'['.repeat(1000)}${']'.repeat(1000)}`;
    const located = () => analyze(text).findings.filter((f) => f.ruleId === 'input-limit').map((f) => `${f.ruleId} ${rangeText(f)}`);
    const expected = ['input-limit 4:407-4:408'];
    assert.deepEqual(located(), expected);
    assert.deepEqual(located(), expected);
    // Deep in the caller's own recursion, with little stack left, the answer is the same.
    const nested = (n: number): string[] => (n === 0 ? located() : nested(n - 1));
    for (const frames of [1000, 4000]) assert.deepEqual(nested(frames), expected);
  });

  it('stops short of aliases that splice deep lists into one another', GUARD, () => {
    // Each anchor stays under the depth limit, but *a10 expands to 11 × 390 levels.
    const level = (i: number) => `    a${i}: &a${i} ${'['.repeat(390)}${i === 0 ? 'x' : `*a${i - 1}`}${']'.repeat(390)}`;
    const text = ['AWSTemplateFormatVersion: "2010-09-09"', 'Mappings:', '  Deep:', ...Array.from({ length: 11 }, (_, i) => level(i)),
      'Transform: *a10', 'Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', ''].join('\n');
    // The input limit, and then the bucket's findings exactly as without the aliases.
    const bucketOnly = idsOf(analyze('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n'));
    assert.ok(bucketOnly.includes('s3-bucket-public-access-block'));
    assert.deepEqual(idsOf(analyze(text)).sort(), ['input-limit', ...bucketOnly].sort());
  });

  it('reports yaml running out of stack as an input limit, not as a parse error', GUARD, () => {
    const analysis = analyze(shapes['YAML flow sequences'](5_000));
    assert.ok(idsOf(analysis).includes('input-limit'));
    assert.deepEqual(analysis.findings.filter((f) => /call stack/i.test(f.message)).map((f) => f.message), []);
  });
});

describe('size limits', () => {
  const { text, copies } = repeatedExample(5_000_000);

  it('reports a 5 MB template as over the default 4 MB limit, without analyzing it', GUARD, () => {
    const analysis = analyze(text);
    assert.equal(analysis.kind, 'template');
    assert.deepEqual(idsOf(analysis), ['input-limit']);
    assert.match(analysis.findings[0].message, /4\.8 MB, over the 4\.0 MB/);
  });

  it('analyzes the 5 MB template in full when maxFileSize allows it', GUARD, () => {
    const perCopy = idsOf(analyze(EXAMPLE)).sort();
    assert.ok(perCopy.includes('iam-policy-no-wildcard-action') && perCopy.includes('ebs-volume-encryption-enabled'), perCopy.join(', '));
    const analysis = analyze(text, 'template.yaml', { maxFileSize: 10e6, maxDiagnostics: 1e6 });
    assert.equal(analysis.model?.kind === 'template' && analysis.model.resources.length, copies * 6);
    assert.deepEqual(idsOf(analysis).sort(), perCopy.flatMap((id) => Array<string>(copies).fill(id)));
  });

  for (const levels of [9, 10]) {
    it(`reports a ${levels}-level alias bomb as an input limit`, GUARD, () => {
      const anchors = Array.from({ length: levels }, (_, i) => `    a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`);
      const bomb = ['AWSTemplateFormatVersion: "2010-09-09"', 'Mappings:', '  Laughs:', '    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...anchors,
        'Resources:', '  Bucket:', '    Type: AWS::S3::Bucket', ''].join('\n');
      const ids = idsOf(analyze(bomb));
      assert.ok(ids.includes('input-limit'), `findings: ${ids.join(', ')}`);
      assert.ok(ids.includes('s3-bucket-public-access-block'), `findings: ${ids.join(', ')}`);
    });
  }
});

describe('conditions multiplied through aliases', () => {
  it('reports a statement reachable through 2^16 !If branches once', GUARD, () => {
    const branches = Array.from({ length: 16 }, (_, i) => `    i${i + 1}: &i${i + 1} !If [C, *i${i}, *i${i}]`);
    const text = ['AWSTemplateFormatVersion: "2010-09-09"', 'Conditions:', '  C: !Equals [a, b]', 'Mappings:', '  M:',
      '    i0: &i0 {Effect: Allow, Action: "*", Resource: "*"}', ...branches,
      'Resources:', '  Policy:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', '        Version: "2012-10-17"', '        Statement: [*i16]', ''].join('\n');
    assert.deepEqual(idsOf(analyze(text)), ['iam-policy-no-wildcard-action']);
  });
});

describe('unusual but valid text', () => {
  /** Rule id, range and the text under it, for comparing the same template written differently. */
  const located = (text: string, file = 'template.yaml') =>
    analyze(text, file).findings.map((f) => ({ ruleId: f.ruleId, range: f.range, text: text.slice(f.span.start, f.span.end) }));

  it('keeps ranges right with CRLF line endings', GUARD, () => {
    const lf = located(EXAMPLE);
    assert.ok(lf.length >= 8, `${lf.length} findings`);
    assert.deepEqual(located(EXAMPLE.replace(/\n/g, '\r\n')), lf);
  });

  it('reads a template that starts with a UTF-8 byte order mark', GUARD, () => {
    assert.deepEqual(located(`\ufeff${EXAMPLE}`), located(EXAMPLE));
  });

  it('reports a tab used as indentation as a parse error on its line, and analyzes the rest', GUARD, () => {
    const text = EXAMPLE.replace('      Size: 20', '\tSize: 20');
    const tabLine = text.slice(0, text.indexOf('\tSize')).split('\n').length - 1;
    const findings = analyze(text).findings;
    assert.ok(findings.some((f) => f.ruleId === 'parse-error' && f.range.start.line === tabLine));
    assert.ok(findings.some((f) => f.ruleId === 'iam-policy-no-wildcard-action'));
  });

  it('analyzes a template written entirely in flow style', GUARD, () => {
    const text = '{AWSTemplateFormatVersion: "2010-09-09", Resources: {Logs: {Type: AWS::S3::Bucket}, ' +
      'Disk: {Type: AWS::EC2::Volume, Properties: {Size: 1, Encrypted: false, AvailabilityZone: !Select [0, !GetAZs ""]}}}}';
    const block = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Disk:\n    Type: AWS::EC2::Volume\n' +
      '    Properties:\n      Size: 1\n      Encrypted: false\n      AvailabilityZone: !Select [0, !GetAZs ""]\n';
    const flow = located(text).map(({ ruleId, text: at }) => `${ruleId} ${at}`);
    assert.ok(flow.includes('ebs-volume-encryption-enabled false') && flow.includes('s3-bucket-public-access-block Logs'), flow.join(', '));
    assert.deepEqual(flow.sort(), located(block).map(({ ruleId, text: at }) => `${ruleId} ${at}`).sort());
  });
});
