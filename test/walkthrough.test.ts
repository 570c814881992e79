/**
 * The Get Started walkthrough: its steps cover the first finding, a quick fix, a suppression, the
 * posture view and CI; every file it shows exists and is packaged; every button runs a command
 * that exists.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string; readonly image?: string; readonly altText?: string };
  readonly completionEvents?: readonly string[];
}

const walkthroughs: { id: string; steps: Step[] }[] = manifest.contributes.walkthroughs ?? [];
const walkthrough = walkthroughs.find((w) => w.id === 'pillar.gettingStarted');
/** VS Code's own commands the walkthrough's buttons and completion events use. */
const BUILT_IN_COMMANDS = ['workbench.action.files.openFile', 'editor.action.quickFix', 'editor.action.insertSnippet', 'workbench.action.openSettings'];
const contributed = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
// Every view has a focus command.
for (const views of Object.values(manifest.contributes.views as Record<string, { id: string }[]>)) for (const view of views) contributed.add(`${view.id}.focus`);

/** Files a step shows: its media, and the images its markdown embeds (relative to the markdown). */
function stepFiles(step: Step): string[] {
  const files = [step.media.markdown, step.media.image].filter((f): f is string => f !== undefined);
  if (step.media.markdown) {
    const text = readFileSync(join(ROOT, step.media.markdown), 'utf8');
    for (const match of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) files.push(normalize(join(dirname(step.media.markdown), match[1]!)));
  }
  return files;
}

function commandsIn(text: string): string[] {
  return [...text.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1]!);
}

describe('walkthrough', () => {
  it('takes a new user through a finding, a quick fix, a suppression, snippets, the posture view and CI', () => {
    assert.ok(walkthrough, 'contributes.walkthroughs has pillar.gettingStarted');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['firstFinding', 'quickFix', 'suppress', 'snippets', 'posture', 'ci']);
    for (const step of walkthrough.steps) {
      assert.ok(step.title && step.description, step.id);
      assert.ok(step.media.markdown ?? step.media.image, `${step.id} shows something`);
    }
  });

  it('every file a step shows exists, and each screenshot step embeds its image', () => {
    for (const step of walkthrough!.steps) for (const file of stepFiles(step)) assert.ok(existsSync(join(ROOT, file)), `${step.id}: ${file}`);
    const images = walkthrough!.steps.flatMap(stepFiles).filter((f) => f.endsWith('.png'));
    assert.ok(['media/hover.png', 'media/quick-fix.png', 'media/posture.png'].every((image) => images.includes(image)), images.join(', '));
  });

  it('every button and completion event names a command that exists', () => {
    for (const step of walkthrough!.steps) {
      const text = step.description + (step.media.markdown ? readFileSync(join(ROOT, step.media.markdown), 'utf8') : '');
      const commands = [...commandsIn(text), ...(step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length))];
      for (const command of commands) assert.ok(contributed.has(command) || BUILT_IN_COMMANDS.includes(command), `${step.id}: ${command}`);
      for (const event of step.completionEvents ?? []) assert.match(event, /^(onCommand|onView|onSettingChanged|onContext|onLink|onStepSelected|extensionInstalled):/);
    }
  });

  it('the package holds every file the walkthrough shows (vsce ls, .vscodeignore)', () => {
    const vsce = join(ROOT, 'node_modules/@vscode/vsce/vsce');
    const packaged = new Set(execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n'));
    for (const file of walkthrough!.steps.flatMap(stepFiles)) assert.ok(packaged.has(file), `${file} is not packaged`);
  });
});
