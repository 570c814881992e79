import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import { RULES } from '../../rules';
import { ENGINE_CHECKS } from '../../server/src/engine/engine-checks';
import packageJson from '../../package.json';
import { EXAMPLE, EXAMPLE_FINDINGS, REPO, UNENCRYPTED_VOLUME, pillar, tempDir } from './helpers';

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

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
    logicalLocations?: { name: string; kind: string }[];
  }[];
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: { tool: { driver: { name: string; version: string; informationUri?: string; rules: Descriptor[] } }; originalUriBaseIds: object; results: Result[] }[];
}

const schema = JSON.parse(readFileSync(join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// unicodeRegExp: false because the official schema's language pattern ends in a stray `]`, invalid under the u flag.
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile<SarifLog>(schema);

function sarif(args: readonly string[], cwd = REPO): SarifLog {
  const { stdout, stderr } = pillar(['scan', ...args, '--format', 'sarif'], cwd);
  assert.equal(stderr, '');
  const log: unknown = JSON.parse(stdout);
  if (!validate(log)) assert.fail(JSON.stringify(validate.errors, null, 2));
  return log;
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
        `${r.locations[0].physicalLocation.region.startLine}:${r.locations[0].physicalLocation.region.startColumn}`,
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
});
