/**
 * The README's command-line recipes, run as documented on the bundled example (with `pillar` on
 * the PATH and `infra/` read as `examples/`), and the pre-commit hook as pre-commit runs it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { parse } from 'yaml';
import { REPO } from './helpers';
import { parseSarif } from './sarif-schema';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const CLI_SECTION = section(README, '## On the command line', '\n## ');

function section(text: string, heading: string, next: string): string {
  const start = text.indexOf(heading);
  assert.ok(start >= 0, `README has no "${heading}"`);
  const end = text.indexOf(next, start + heading.length);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The fenced code blocks of a piece of the README. */
function codeBlocks(text: string): string[] {
  return [...text.matchAll(/^```\w*\n([\s\S]*?)^```/gm)].map((match) => match[1]);
}

/** Every `pillar scan …` command, in code blocks and inline code, in order. */
function scanCommands(text: string): string[] {
  return [...text.matchAll(/(?<=^|[\s`:])(pillar scan [^`\n]+)/gm)].map((match) => match[1].trim());
}

/** A folder holding a copy of examples/ and a `pillar` on the PATH that runs the built bundle. */
function workspace(): { dir: string; run: (command: string) => { status: number | null; stdout: string; stderr: string } } {
  const dir = mkdtempSync(join(tmpdir(), 'pillar-recipe-'));
  cpSync(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  const bin = join(dir, '.bin');
  cpSync(join(REPO, 'dist/cli.js'), join(bin, 'cli.js'));
  writeFileSync(join(bin, 'pillar'), `#!/bin/sh\nexec "${process.execPath}" "${join(bin, 'cli.js')}" "$@"\n`);
  chmodSync(join(bin, 'pillar'), 0o755);
  const { NO_COLOR: _no, FORCE_COLOR: _force, ...env } = process.env;
  return {
    dir,
    run: (command) => {
      const result = spawnSync('sh', ['-c', command.replaceAll('infra/', 'examples/')], { cwd: dir, encoding: 'utf8', env: { ...env, PATH: `${bin}:${env.PATH}` } });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}

function outputOf(command: string): string {
  const match = /--output (\S+)/.exec(command);
  assert.ok(match, `${command} names no --output`);
  return match[1];
}

describe('README recipes', () => {
  it('every `pillar scan` command of the command-line section is accepted as written', () => {
    // Not the synopsis, whose <placeholders> are not a command.
    const commands = scanCommands(CLI_SECTION).filter((command) => !command.includes('<'));
    assert.ok(commands.length >= 8, `only ${commands.length} commands found`);
    for (const command of commands) {
      const { run } = workspace();
      // A recipe that reads a baseline needs one first.
      if (command.includes('--baseline ')) run('pillar scan infra/ --write-baseline .pillar-baseline.json');
      // Usage, file and configuration errors exit with 2.
      const { status, stderr } = run(command);
      assert.ok(status === 0 || status === 1, `${command}: exit ${status}: ${stderr}`);
    }
  });

  it('GitHub Actions: the scan writes valid SARIF, under the name the upload step reads', () => {
    const block = codeBlocks(section(CLI_SECTION, '#### GitHub Actions', '\n####')).join('');
    const steps = (parse(block) as { jobs: Record<string, { steps: { run?: string; uses?: string; if?: string; with?: Record<string, string> }[] }> }).jobs.pillar.steps;
    const scan = steps.find((step) => step.run?.startsWith('pillar scan'))?.run ?? '';
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.equal(upload?.with?.sarif_file, outputOf(scan));
    assert.equal(upload?.if, 'success() || failure()', 'findings fail the scan step, and are uploaded all the same');
    const { dir, run } = workspace();
    const { status } = run(scan);
    assert.equal(status, 1);
    const log = parseSarif<{ runs: { results: unknown[] }[] }>(readFileSync(join(dir, outputOf(scan)), 'utf8'));
    assert.ok(log.runs[0].results.length > 0);
  });

  it('GitLab CI: the JUnit and code quality reports are written where the artifacts say, and the job fails on errors', () => {
    const block = codeBlocks(section(CLI_SECTION, '#### GitLab CI', '\n####')).join('');
    const job = (parse(block) as Record<string, { script: string[]; artifacts: { when: string; reports: { junit: string; codequality: string } } }>).pillar;
    const scans = job.script.filter((line) => line.startsWith('pillar scan'));
    assert.equal(scans.length, 2);
    assert.equal(job.artifacts.when, 'always');
    const { dir, run } = workspace();
    assert.deepEqual(scans.map((command) => run(command).status), [0, 1], 'the first scan only reports; the second gates');
    const junit = scans.find((command) => command.includes('--format junit'))!;
    const quality = scans.find((command) => command.includes('--format gitlab'))!;
    assert.equal(job.artifacts.reports.junit, outputOf(junit));
    assert.equal(job.artifacts.reports.codequality, outputOf(quality));
    assert.equal(XMLValidator.validate(readFileSync(join(dir, outputOf(junit)), 'utf8')), true);
    const issues = JSON.parse(readFileSync(join(dir, outputOf(quality)), 'utf8')) as { location: { path: string } }[];
    assert.ok(issues.length > 0 && issues.every((issue) => issue.location.path === 'examples/insecure-stack.yaml'));
  });

  it('a shell step: fails on the example, and passes once its findings are in a baseline', () => {
    const shell = section(CLI_SECTION, '#### Any CI: a shell step', '\n####');
    const [plain, withBaseline] = scanCommands(shell);
    const { run } = workspace();
    const first = run(plain);
    assert.equal(first.status, 1);
    assert.match(first.stdout, /^examples\/insecure-stack\.yaml\n {2}\d+:\d+ +error /);
    const [record] = scanCommands(section(CLI_SECTION, '### Baselines', '\n### '));
    assert.equal(run(record).status, 0);
    assert.equal(run(withBaseline).status, 0);
  });
});

describe('pre-commit hook', () => {
  const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; name: string; entry: string; language: string; files: string }[];
  const [hook] = hooks;

  it('is declared as pre-commit expects, and the README adds it by its id', () => {
    assert.equal(hooks.length, 1);
    assert.deepEqual([hook.id, hook.language, hook.entry], ['pillar', 'node', 'pillar scan']);
    assert.ok(hook.name);
    const config = parse(codeBlocks(section(CLI_SECTION, '#### pre-commit', '\n## ')).join('')) as { repos: { hooks: { id: string }[] }[] };
    assert.deepEqual(config.repos[0].hooks, [{ id: hook.id }]);
  });

  it('selects templates and policies by name, and its entry takes the files pre-commit passes', () => {
    const files = new RegExp(hook.files);
    const staged = ['examples/insecure-stack.yaml', 'infra/app.yml', 'policies/admin.json', 'legacy/net.template', 'README.md', 'server/src/cli/run.ts'];
    const selected = staged.filter((file) => files.test(file));
    assert.deepEqual(selected, ['examples/insecure-stack.yaml', 'infra/app.yml', 'policies/admin.json', 'legacy/net.template']);
    const { run } = workspace();
    assert.equal(run(`${hook.entry} examples/insecure-stack.yaml`).status, 1);
    const { run: runClean, dir } = workspace();
    writeFileSync(join(dir, 'package.json'), '{ "name": "app" }');
    const clean = runClean(`${hook.entry} package.json`);
    assert.deepEqual([clean.status, clean.stdout], [0, 'No findings in 1 file scanned.\n']);
  });

  it('installs as pre-commit and `npm install --global <git URL>` install it: npm builds it, and packs the CLI', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.equal(manifest.bin.pillar, 'dist/cli.js');
    assert.equal(manifest.scripts.prepare, 'node scripts/build.mjs', 'npm runs prepare when it installs from a clone');
    assert.ok(existsSync(join(REPO, 'dist/cli.js')));
    assert.match(readFileSync(join(REPO, 'dist/cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const files = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((file) => file.path).sort();
    assert.deepEqual(files, ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
  });
});
