/**
 * Every output format on the same fixture folder, compared with golden files in
 * test/cli/snapshots/. Regenerate them with UPDATE_SNAPSHOTS=1 after a deliberate change, and
 * review the diff: tools and people read these formats.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { formatJunit } from '../../server/src/cli/formatters/junit';
import type { ReportedFinding } from '../../server/src/cli/report';
import { firstRulesOnly, pillar, tempDir } from './helpers';
import { parseSarif } from './sarif-schema';

const FIXTURES = join(__dirname, 'fixtures/snapshot');
const SNAPSHOTS = join(__dirname, 'snapshots');
const CONFIG = join(tempDir({ 'only.json': firstRulesOnly() }), 'only.json');

function matchSnapshot(name: string, actual: string): void {
  const path = join(SNAPSHOTS, name);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `no snapshot ${name}: run with UPDATE_SNAPSHOTS=1, then review it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs from its snapshot (UPDATE_SNAPSHOTS=1 regenerates it)`);
}

function scan(...args: string[]): string {
  const { status, stdout, stderr } = pillar(['scan', '.', '--config', CONFIG, ...args], FIXTURES);
  assert.equal(status, 1);
  assert.equal(stderr, args.includes('--fix-dry-run') ? 'pillar: --fix-dry-run: 3 fixes in 2 files would be applied; nothing was written.\n' : '');
  return stdout;
}

describe('output snapshots', () => {
  it('text', () => matchSnapshot('text.txt', scan()));

  it('text in colour', () => matchSnapshot('text-color.txt', scan('--color')));

  it('json', () => matchSnapshot('json.json', scan('--format', 'json')));

  it('sarif (without the rule descriptors, which grow with every rule)', () => {
    const log = parseSarif<{ runs: { tool: { driver: { rules?: unknown } }; results: { ruleIndex?: number }[] }[] }>(scan('--format', 'sarif'));
    const run = log.runs[0];
    delete run.tool.driver.rules;
    for (const result of run.results) delete result.ruleIndex;
    const text = JSON.stringify(log, null, 2).replaceAll(pathToFileURL(FIXTURES).href, 'file:///SRCROOT');
    matchSnapshot('sarif.json', `${text}\n`);
  });

  it('junit, well-formed XML', () => {
    const xml = scan('--format', 'junit');
    assert.equal(XMLValidator.validate(xml), true);
    matchSnapshot('junit.xml', xml);
  });

  it('gitlab code quality, with a unique fingerprint per finding', () => {
    const json = scan('--format', 'gitlab');
    const issues = JSON.parse(json) as { check_name: string; description: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length);
    for (const issue of issues) {
      assert.ok(issue.description && issue.check_name && issue.location.path && issue.location.lines.begin >= 1, JSON.stringify(issue));
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
    }
    matchSnapshot('gitlab.json', json);
  });

  it('fix-dry-run diff', () => matchSnapshot('fix-dry-run.diff', scan('--fix-dry-run')));
});

describe('junit escaping', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    const finding: ReportedFinding = {
      ruleId: 'parse-error',
      severity: 'error',
      area: null,
      message: 'Unexpected <tag> & "quote" \'single\'\u0001 here',
      file: 'a&b.yaml',
      span: { start: 0, end: 1 },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      resource: null,
      path: '',
      fixes: [],
      occurrence: 0,
    };
    const xml = formatJunit({ files: ['a&b.yaml'], findings: [finding], lines: new Map(), notifications: [], hiddenByQuiet: 0 }, []);
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(xml.includes('message="Unexpected &lt;tag&gt; &amp; &quot;quote&quot; \'single\' here"'), xml);
    assert.ok(xml.includes('<testsuite name="a&amp;b.yaml" tests="1" failures="0" errors="1" skipped="0">'), xml);
  });
});
