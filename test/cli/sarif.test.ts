import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../rules';
import { parseCommand, type ScanCommand } from '../../server/src/cli/args';
import { runScan } from '../../server/src/cli/scan-command';
import { Engine } from '../../server/src/engine/engine';
import { ENGINE_CHECKS } from '../../server/src/engine/engine-checks';
import type { Rule } from '../../server/src/engine/rule';
import packageJson from '../../package.json';
import { EXAMPLE, EXAMPLE_FINDINGS, REPO, SINGLE_REGION_TRAIL, UNENCRYPTED_VOLUME, pinned, tempDir } from './helpers';
import { parseSarif } from './sarif-schema';

interface Descriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { area: string; bestPractice: string[]; equivalents: object; tags: string[] };
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region };
  logicalLocations?: { name: string; kind: string }[];
}

interface SarifFix {
  description: { text: string };
  artifactChanges: { artifactLocation: { uri: string; uriBaseId?: string }; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[];
  properties: { preferred: boolean; replaces: boolean };
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Location[];
  partialFingerprints: Record<string, string>;
  baselineState?: string;
  fixes?: SarifFix[];
}

interface Notification {
  level: string;
  message: { text: string };
  locations: Location[];
  descriptor: { id: string; index: number };
  associatedRule?: { id: string; index: number };
  exception?: { kind: string; message: string };
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: Descriptor[]; notifications: Descriptor[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: Notification[] }[];
    originalUriBaseIds: object;
    columnKind: string;
    results: Result[];
  }[];
}

function sarif(args: readonly string[], cwd = REPO): SarifLog {
  const { stdout, stderr } = pinned(['scan', ...args, '--format', 'sarif'], cwd);
  assert.equal(stderr, '');
  return parseSarif<SarifLog>(stdout);
}

/** The text with SARIF replacements applied, regions turned back into offsets here (1-based lines and UTF-16 columns). */
function applyReplacements(text: string, replacements: SarifFix['artifactChanges'][number]['replacements']): string {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const offset = (line: number, column: number) => starts[line - 1] + column - 1;
  const edits = replacements.map((r, order) => ({ order, start: offset(r.deletedRegion.startLine, r.deletedRegion.startColumn), end: offset(r.deletedRegion.endLine, r.deletedRegion.endColumn), text: r.insertedContent.text }));
  // From the end backwards; of two insertions at one place, the one listed first ends up first.
  return edits.sort((a, b) => b.start - a.start || b.order - a.order).reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}

describe('sarif output', () => {
  const log = sarif([EXAMPLE]);
  const run = log.runs[0];
  const driver = run.tool.driver;

  it('describes the tool, and every rule and engine check once', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    assert.equal(driver.name, 'Pillar');
    assert.equal(driver.version, packageJson.version);
    assert.equal(driver.informationUri, (packageJson as { homepage?: string }).homepage);
    const expected = [...RULES.map((rule) => rule.meta.id), ...Object.values(ENGINE_CHECKS).map((check) => check.id)];
    assert.deepEqual(driver.rules.map((rule) => rule.id), expected);
  });

  it('gives each rule its help, help URI, properties and default level', () => {
    for (const { meta } of RULES) {
      const descriptor = driver.rules.find((rule) => rule.id === meta.id);
      assert.ok(descriptor, meta.id);
      assert.equal(descriptor.shortDescription.text, meta.title);
      assert.equal(descriptor.fullDescription.text, meta.rationale);
      assert.equal(descriptor.helpUri, meta.docs[0]);
      for (const part of [meta.rationale, meta.remediation, ...meta.bestPractice, ...meta.docs]) {
        assert.ok(descriptor.help.text.includes(part), `${meta.id} help.text lacks ${part}`);
        assert.ok(descriptor.help.markdown.includes(part), `${meta.id} help.markdown lacks ${part}`);
      }
      assert.deepEqual(descriptor.properties.area, meta.area);
      assert.deepEqual(descriptor.properties.bestPractice, meta.bestPractice);
      assert.deepEqual(descriptor.properties.equivalents, meta.equivalents);
      assert.ok(descriptor.properties.tags.includes('security'));
      assert.equal(descriptor.defaultConfiguration.level, meta.severity === 'info' ? 'note' : meta.severity);
    }
    assert.equal(driver.rules.find((rule) => rule.id === 'iam-policy-no-wildcard-action')?.name, 'IamPolicyNoWildcardAction');
  });

  it('reports each finding with its rule index, level and 1-based region relative to SRCROOT', () => {
    assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: `${pathToFileURL(REPO).href}/` } });
    assert.deepEqual(
      run.results.map((r) => [
        r.ruleId,
        `${r.locations[0].physicalLocation.region?.startLine}:${r.locations[0].physicalLocation.region?.startColumn}`,
        r.level,
      ]),
      EXAMPLE_FINDINGS.map(([ruleId, at, severity]) => [ruleId, at, severity]),
    );
    for (const result of run.results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    assert.deepEqual(run.results[0].locations[0], {
      physicalLocation: {
        artifactLocation: { uri: 'examples/insecure-stack.yaml', uriBaseId: 'SRCROOT' },
        region: { startLine: 29, startColumn: 25, endLine: 29, endColumn: 28 },
      },
      logicalLocations: [{ name: 'AppRole', kind: 'resource' }],
    });
    assert.equal(run.results[0].message.text, 'AppRole (Policies[0].PolicyDocument) allows every action of every service ("*").');
  });

  it('links engine findings to the engine checks, encodes paths, and uses file URIs outside the working directory', () => {
    const dir = tempDir({ 'my stacks/broken.yaml': 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n    Properties:\n      Size: [\n', 'outside/volume.yaml': UNENCRYPTED_VOLUME });
    const inside = sarif(['my stacks'], dir).runs[0];
    assert.deepEqual(inside.results.map((r) => r.ruleId), ['ebs-volume-encryption-enabled', 'parse-error']);
    const broken = inside.results[1];
    assert.equal(broken.ruleId, 'parse-error');
    assert.equal(broken.level, 'error');
    assert.equal(inside.tool.driver.rules[broken.ruleIndex].id, 'parse-error');
    assert.deepEqual(broken.locations[0].physicalLocation.artifactLocation, { uri: 'my%20stacks/broken.yaml', uriBaseId: 'SRCROOT' });
    assert.equal(broken.locations[0].logicalLocations, undefined);

    const outside = sarif([join(dir, 'outside/volume.yaml')], join(dir, 'my stacks')).runs[0];
    assert.deepEqual(outside.results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(join(dir, 'outside/volume.yaml')).href });
  });

  it('writes an empty results list, still valid, for a clean scan', () => {
    const dir = tempDir({ 'empty.yaml': 'name: not a template\n' });
    assert.deepEqual(sarif(['empty.yaml'], dir).runs[0].results, []);
  });

  it('states that columns count UTF-16 code units, as Pillar\'s offsets do', () => {
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });
});

describe('sarif partialFingerprints', () => {
  const TEMPLATE = `Resources:
  Volume:
    Type: AWS::EC2::Volume
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Size: 8
      Encrypted: false
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
`;
  const fingerprints = (text: string) => {
    const dir = tempDir({ 'stack.yaml': text });
    return sarif(['stack.yaml'], dir).runs[0].results.map((result) => `${result.ruleId} ${result.partialFingerprints['pillar/v1']}`).sort();
  };
  const original = fingerprints(TEMPLATE);

  it('gives every result its own fingerprint, a SHA-256 of its identity', () => {
    assert.equal(original.length, 3);
    for (const entry of original) assert.match(entry, / [0-9a-f]{64}$/);
    assert.equal(new Set(original.map((entry) => entry.split(' ')[1])).size, 3);
    // primaryLocationLineHash is GitHub's own: its upload action computes it from the line's text.
    const keys = sarif([EXAMPLE]).runs[0].results.map((result) => Object.keys(result.partialFingerprints).join());
    assert.deepEqual([...new Set(keys)], ['pillar/v1']);
  });

  it('keeps each fingerprint when lines are inserted, comments edited and resources reordered', () => {
    const [volume, trail] = TEMPLATE.slice('Resources:\n'.length).split(/(?=  Trail:)/);
    assert.deepEqual(fingerprints(`# header\n\n${TEMPLATE}`), original);
    assert.deepEqual(fingerprints(TEMPLATE.replace('      Size: 8\n', '      # the size in GiB\n      Size: 8 # GiB\n')), original);
    assert.deepEqual(fingerprints(`Resources:\n${trail}${volume}`), original);
  });

  it('changes the fingerprint when the finding is about something else', () => {
    const renamed = fingerprints(TEMPLATE.replace('  Volume:', '  DataVolume:'));
    assert.deepEqual(renamed.filter((entry) => original.includes(entry)).map((entry) => entry.split(' ')[0]), ['cloudtrail-log-file-validation-enabled', 'cloudtrail-multi-region-enabled']);
  });
});

describe('sarif fixes', () => {
  it('states each quick fix as replacements whose regions give the same text as --fix', () => {
    const dir = tempDir({ 'trail.yaml': SINGLE_REGION_TRAIL, 'fixed/trail.yaml': SINGLE_REGION_TRAIL });
    const results = sarif(['trail.yaml'], dir).runs[0].results;
    assert.deepEqual(results.map((result) => result.fixes?.map((fix) => fix.description.text)), [['Set EnableLogFileValidation to true'], ['Set IsMultiRegionTrail to true']]);
    const [validation] = results[0].fixes!;
    assert.deepEqual(validation.properties, { preferred: true, replaces: false });
    assert.deepEqual(validation.artifactChanges[0].artifactLocation, { uri: 'trail.yaml', uriBaseId: 'SRCROOT' });
    // An insertion is an empty region at the end of line 6.
    assert.deepEqual(validation.artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 6, startColumn: 25, endLine: 6, endColumn: 25 }, insertedContent: { text: '\n      EnableLogFileValidation: true' } },
    ]);
    const both = [...results[0].fixes![0].artifactChanges[0].replacements, ...results[1].fixes![0].artifactChanges[0].replacements];
    assert.equal(pinned(['scan', 'fixed/trail.yaml', '--fix', '--fail-on', 'never'], dir).status, 0);
    assert.equal(applyReplacements(SINGLE_REGION_TRAIL, both), readFileSync(join(dir, 'fixed/trail.yaml'), 'utf8'));
  });

  it('marks a fix that replaces the resource, and leaves out fixes where a finding has none', () => {
    const dir = tempDir({ 'volume.yaml': UNENCRYPTED_VOLUME });
    const [result] = sarif(['volume.yaml'], dir).runs[0].results;
    assert.deepEqual(result.fixes?.map((fix) => [fix.description.text, fix.properties]), [['Set Encrypted to true (replaces the resource)', { preferred: false, replaces: true }]]);
    assert.deepEqual(result.fixes?.[0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 9, startColumn: 18, endLine: 9, endColumn: 23 }, insertedContent: { text: 'true' } }]);
    const wildcard = sarif([EXAMPLE]).runs[0].results.find((r) => r.ruleId === 'iam-policy-no-wildcard-action');
    assert.equal(wildcard?.fixes, undefined);
  });
});

describe('sarif invocations', () => {
  it('reports a clean, successful run with no notifications', () => {
    const [invocation] = sarif([EXAMPLE]).runs[0].invocations;
    assert.deepEqual(invocation, { executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('notifies the files Pillar could not parse, with the parse-error notification descriptor', () => {
    const dir = tempDir({ 'broken.yaml': 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties: [\n' });
    const run = sarif(['broken.yaml'], dir).runs[0];
    const [notification] = run.invocations[0].toolExecutionNotifications;
    assert.equal(notification.level, 'error');
    assert.deepEqual(notification.descriptor, { id: 'parse-error', index: 0 });
    assert.equal(run.tool.driver.notifications[notification.descriptor.index].id, 'parse-error');
    assert.deepEqual(notification.locations[0].physicalLocation.artifactLocation, { uri: 'broken.yaml', uriBaseId: 'SRCROOT' });
    assert.equal(notification.locations[0].physicalLocation.region?.startLine, 5);
    assert.equal(notification.message.text, run.results.find((r) => r.ruleId === 'parse-error')?.message.text);
    assert.deepEqual(run.tool.driver.notifications.map((d) => d.id), ['parse-error', 'input-limit', 'rule-error']);
  });

  it('notifies a rule that failed, naming the rule and its exception', () => {
    const throwing: Rule = {
      meta: { ...RULES[0].meta, id: 'always-fails', resourceTypes: ['AWS::EC2::Volume'] },
      resource() {
        throw new TypeError('cannot read the volume');
      },
    };
    const dir = tempDir({ 'volume.yaml': UNENCRYPTED_VOLUME });
    let stdout = '';
    const io = { cwd: dir, env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined } };
    runScan(parseCommand(['scan', 'volume.yaml', '--format', 'sarif']) as ScanCommand, new Engine([...RULES, throwing]), io);
    const run = parseSarif<SarifLog>(stdout).runs[0];
    const [notification] = run.invocations[0].toolExecutionNotifications;
    assert.equal(notification.level, 'warning');
    assert.equal(notification.message.text, 'Rule always-fails failed on this file; the other rules still ran.');
    assert.deepEqual(notification.descriptor, { id: ENGINE_CHECKS.ruleError.id, index: 2 });
    assert.deepEqual(notification.associatedRule, { id: 'always-fails', index: RULES.length });
    assert.equal(run.tool.driver.rules[RULES.length].id, 'always-fails');
    assert.deepEqual(notification.exception, { kind: 'TypeError', message: 'cannot read the volume' });
    assert.deepEqual(notification.locations[0].physicalLocation, { artifactLocation: { uri: 'volume.yaml', uriBaseId: 'SRCROOT' } });
    assert.equal(run.invocations[0].executionSuccessful, true);
  });
});

describe('sarif with a baseline', () => {
  it('reports only new results, each with baselineState "new"', () => {
    const dir = tempDir({ 'volume.yaml': UNENCRYPTED_VOLUME });
    assert.equal(pinned(['scan', 'volume.yaml', '--write-baseline', 'baseline.json'], dir).status, 0);
    assert.deepEqual(sarif(['volume.yaml', '--baseline', 'baseline.json'], dir).runs[0].results, []);
    const dir2 = tempDir({ 'volume.yaml': UNENCRYPTED_VOLUME, 'trail.yaml': SINGLE_REGION_TRAIL });
    pinned(['scan', 'volume.yaml', '--write-baseline', 'baseline.json'], dir2);
    const results = sarif(['.', '--baseline', 'baseline.json'], dir2).runs[0].results;
    assert.deepEqual(results.map((r) => [r.ruleId, r.baselineState]), [
      ['cloudtrail-log-file-validation-enabled', 'new'],
      ['cloudtrail-multi-region-enabled', 'new'],
    ]);
  });
});

