import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../rules/index';
import type { Rule } from '../../server/src/engine/rule';
import { ConfigError, createPathFilter, parseConfigFile, resolveConfig } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/engine';
import { analyze, knownRules } from '../helpers/analyze';

/** Kept as a snapshot on deletion and replacement, so that encryption is its only finding. */
const KEPT = '    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n';
const volume = `Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n${KEPT}    Properties: { Size: 10 }\n`;

describe('engine', () => {
  it('isolates a rule that throws: one rule-error finding, the other rules still run', () => {
    const broken: Rule = {
      meta: { ...RULES[0].meta, id: 'always-throws', resourceTypes: ['AWS::EC2::Volume'] },
      resource() {
        throw new Error('boom');
      },
    };
    const engine = new Engine([broken, ...RULES]);
    const analysis = engine.analyze(`${volume}  Other:\n    Type: AWS::EC2::Volume\n${KEPT}`, 't.yaml', resolveConfig([], knownRules));
    assert.deepEqual(analysis.findings.map((f) => f.ruleId), ['rule-error', 'ebs-volume-encryption-enabled', 'ebs-volume-encryption-enabled']);
    assert.match(analysis.findings[0].message, /always-throws failed on this file \(boom\)/);
    assert.equal(analysis.ruleErrors.length, 1);
  });

  it('builds a rule\'s fixes only for the findings it keeps, and keeps a finding whose fixes fail to build', () => {
    const built: string[] = [];
    const lazy: Rule = {
      meta: { ...RULES[0].meta, id: 'lazy-fixes', severity: 'info', resourceTypes: ['AWS::EC2::Volume'] },
      resource(resource, context) {
        context.report({
          at: resource.key,
          message: `${resource.logicalId} is reported`,
          fixes: () => {
            built.push(resource.logicalId);
            if (resource.logicalId === 'Broken') throw new Error('no fix here');
            return [{ title: 'Remove the volume', preferred: true, changes: [{ kind: 'remove', map: resource.node, key: 'Properties' }] }];
          },
        });
      },
    };
    const engine = new Engine([lazy]);
    const config = (options: object) => resolveConfig([options], new Map([[lazy.meta.id, lazy.meta]]));
    const text = `Resources:
  Kept:
    Type: AWS::EC2::Volume
  # pillar:ignore lazy-fixes -- a scratch volume
  Ignored:
    Type: AWS::EC2::Volume
  Broken:
    Type: AWS::EC2::Volume
`;
    const analysis = engine.analyze(text, 't.yaml', config({}));
    // The suppressed finding's fixes are never built.
    assert.deepEqual(built, ['Kept', 'Broken']);
    assert.deepEqual(analysis.findings.map((f) => [f.ruleId, f.resource, f.fixes.length]), [['rule-error', null, 0], ['lazy-fixes', 'Kept', 1], ['lazy-fixes', 'Broken', 0]]);
    assert.match(analysis.findings[0].message, /lazy-fixes could not build its fixes on this file \(no fix here\); its findings are shown without them/);
    assert.deepEqual(analysis.ruleErrors.map((e) => e.ruleId), ['lazy-fixes']);
    // Beyond maxDiagnostics, neither.
    built.length = 0;
    const many = `Resources:\n${Array.from({ length: 30 }, (_, i) => `  V${i}:\n    Type: AWS::EC2::Volume\n`).join('')}`;
    const capped = engine.analyze(many, 't.yaml', config({ maxDiagnostics: 5 }));
    assert.equal(capped.findings.length, 5);
    assert.deepEqual(built, ['V0', 'V1', 'V2', 'V3']);
  });

  it('turns rules off and overrides severities from configuration', () => {
    assert.deepEqual(analyze(volume, 't.yaml', { rules: { 'ebs-volume-encryption-enabled': 'off' } }).findings, []);
    assert.equal(analyze(volume, 't.yaml', { rules: { 'ebs-volume-encryption-enabled': 'info' } }).findings[0].severity, 'info');
  });

  it('reports nothing at all on documents that are not templates or policies', () => {
    const analysis = analyze('name: x\n  bad: [indentation\n', 'workflow.yml');
    assert.equal(analysis.kind, 'none');
    assert.deepEqual(analysis.findings, []);
  });

  it('gives each finding its file, resource, area, range and fixes', () => {
    const [finding] = analyze(volume, 'stacks/data.yaml').findings;
    assert.equal(finding.file, 'stacks/data.yaml');
    assert.equal(finding.resource, 'Volume');
    assert.equal(finding.area, 'data-protection');
    assert.deepEqual(finding.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 14 } });
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Set Encrypted to true (replaces the resource)']);
  });
});

describe('configuration', () => {
  it('later layers win, rule by rule', () => {
    const config = resolveConfig([{ rules: { 'ebs-volume-encryption-enabled': 'off', 'rds-instance-storage-encrypted': 'info' } }, { rules: { 'ebs-volume-encryption-enabled': 'warning' } }], knownRules);
    assert.deepEqual([...config.ruleSettings], [['ebs-volume-encryption-enabled', 'warning'], ['rds-instance-storage-encrypted', 'info']]);
  });

  it('rejects unknown rules, unknown severities and bad sizes with a readable message', () => {
    assert.throws(() => resolveConfig([{ rules: { 'no-such-rule': 'off' } }], knownRules), (e) => e instanceof ConfigError && /Unknown rule "no-such-rule"/.test(e.message));
    assert.throws(() => resolveConfig([{ rules: { 'ebs-volume-encryption-enabled': 'fatal' as never } }], knownRules), /"fatal" is not one of off, error, warning, info/);
    assert.throws(() => resolveConfig([{ maxFileSize: -1 }], knownRules), /maxFileSize/);
  });

  it('parses .pillar.json and reports mistakes with the file name', () => {
    assert.deepEqual(parseConfigFile('{"rules": {"a": "off"}, "exclude": ["x/**"]}', '.pillar.json'), { rules: { a: 'off' }, exclude: ['x/**'] });
    assert.throws(() => parseConfigFile('{', '.pillar.json'), /\.pillar\.json: not valid JSON/);
    assert.throws(() => parseConfigFile('{"rule": {}}', '.pillar.json'), /unknown setting "rule"/);
    assert.throws(() => parseConfigFile('{"include": "*.yaml"}', '.pillar.json'), /"include" must be a list/);
  });

  it('filters paths with include and exclude globs', () => {
    const defaults = createPathFilter(resolveConfig([], knownRules));
    assert.equal(defaults('stacks/app.yaml'), true);
    assert.equal(defaults('stacks/app.template'), true);
    assert.equal(defaults('node_modules/x/t.yaml'), false);
    assert.equal(defaults('package.json'), false);
    assert.equal(defaults('README.md'), false);
    const custom = createPathFilter(resolveConfig([{ include: ['infra/**/*.yaml'], exclude: ['infra/legacy/**'] }], knownRules));
    assert.equal(custom('infra/app.yaml'), true);
    assert.equal(custom('infra/legacy/old.yaml'), false);
    assert.equal(custom('other/app.yaml'), false);
  });
});

describe('bounded output', () => {
  const buckets = (n: number) => `Resources:\n${Array.from({ length: n }, (_, i) => `  B${i}:\n    Type: AWS::S3::Bucket\n`).join('')}`;

  it('reports at most maxDiagnostics findings, the most severe first, and one more that counts the rest', () => {
    const all = analyze(buckets(40)).findings;
    assert.ok(all.length > 20);
    const capped = analyze(buckets(40), 'template.yaml', { maxDiagnostics: 20 }).findings;
    assert.equal(capped.length, 20);
    const note = capped.filter((f) => /not shown/.test(f.message));
    assert.equal(note.length, 1);
    assert.match(note[0].message, new RegExp(`^${all.length - 19} more problems are not shown: at most 20`));
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const worstLeftOut = Math.min(...all.filter((f) => !capped.some((c) => c.ruleId === f.ruleId && c.span.start === f.span.start)).map((f) => rank[f.severity]));
    assert.ok(capped.filter((f) => f !== note[0]).every((f) => rank[f.severity] <= worstLeftOut));
    assert.throws(() => resolveConfig([{ maxDiagnostics: 0 }], knownRules), /maxDiagnostics/);
  });

  it('reports the first 50 parse errors one by one, and one more that counts the rest', () => {
    const text = `Resources:\n  T:\n    Type: AWS::SNS::Topic\n${Array.from({ length: 300 }, (_, i) => `K${i}: "a\n  b: c\n`).join('')}`;
    const errors = analyze(text, 'template.yaml', { maxDiagnostics: 10_000 }).findings.filter((f) => f.ruleId === 'parse-error');
    assert.equal(errors.length, 51);
    assert.match(errors[50].message, /^\d[\d,]* more parse errors from here on are not shown\.$/);
  });
});
