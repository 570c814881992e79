/**
 * Helpers for the extension-host suite: fixture files, waiting on diagnostics (never sleeping),
 * code actions and settings. The suite runs inside a real VS Code (desktop through
 * @vscode/test-electron, or code-server) with a fresh copy of test/e2e/fixtures/workspace open.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'pillar.pillar';
/** First diagnostics include the server's start; later waits are for a 200 ms debounce. */
export const FIRST_DIAGNOSTICS_TIMEOUT_MS = 60_000;
export const TIMEOUT_MS = 30_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the fixture workspace open as the first folder');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function fixtureText(relativePath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(relativePath)));
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * A copy of a fixture under scratch/, for tests that edit: the fixtures stay as they are for the
 * other tests. `removeScratch` deletes the folder in teardown.
 */
export async function openScratchCopy(fixture: string, name: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name);
  await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(fixtureUri(fixture)));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function removeScratch(): Promise<void> {
  // Save what the tests edited, so closing the editors asks nothing, then delete the copies.
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const scratch = vscode.Uri.joinPath(workspaceRoot(), 'scratch');
  try {
    await vscode.workspace.fs.delete(scratch, { recursive: true, useTrash: false });
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
  }
}

export function pillarDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pillar');
}

export function ruleId(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'];

/** `7:5-7:15 warning cloudtrail-multi-region-enabled`: 1-based lines and columns, as the editor shows them. */
export function describe(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${SEVERITY_NAMES[diagnostic.severity]} ${ruleId(diagnostic)}`;
}

export function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(describe).sort(compareSummaries);
}

function compareSummaries(a: string, b: string): number {
  const key = (s: string) => s.split(/[:\- ]/).slice(0, 2).map(Number);
  const [la, ca] = key(a);
  const [lb, cb] = key(b);
  return la - lb || ca - cb || a.localeCompare(b);
}

/**
 * Resolves with the Pillar diagnostics of `uri` once `predicate` holds, checking now and on every
 * diagnostics change. Rejects after the timeout with what was seen last.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = pillarDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; last seen: ${JSON.stringify(summary(pillarDiagnostics(uri)))}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Waits until the diagnostics of `uri` are exactly `expected` (see `describe`). */
export function waitForSummary(uri: vscode.Uri, expected: readonly string[], what: string, timeoutMs = TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  const wanted = JSON.stringify([...expected].sort(compareSummaries));
  return waitForDiagnostics(uri, (diagnostics) => JSON.stringify(summary(diagnostics)) === wanted, `${what} ${wanted}`, timeoutMs);
}

export function findDiagnostic(uri: vscode.Uri, id: string): vscode.Diagnostic {
  const found = pillarDiagnostics(uri).find((d) => ruleId(d) === id);
  assert.ok(found, `no ${id} diagnostic on ${vscode.workspace.asRelativePath(uri)}: ${JSON.stringify(summary(pillarDiagnostics(uri)))}`);
  return found;
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const result = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return (result ?? []).filter((item): item is vscode.CodeAction => 'title' in item && !('command' in item && typeof item.command === 'string'));
}

/**
 * Asks again (every 100 ms, up to the timeout) until the answer is not empty: right after
 * diagnostics appear the editor may still be re-sending the document to the server (seen once in
 * CI: no code action for a document whose diagnostics were already shown).
 */
async function answered<T extends { length: number }>(ask: () => Promise<T>, what: string, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (answer.length > 0) return answer;
    assert.ok(Date.now() < deadline, `${what}: nothing within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Code actions that are expected to exist (see `answered`). */
export function offeredCodeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return answered(() => codeActions(uri, range, kind), `code actions on ${vscode.workspace.asRelativePath(uri)}`);
}

/** Hover text that is expected to exist (see `answered`). */
export function offeredHoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return answered(() => hoverText(uri, position), `hover on ${vscode.workspace.asRelativePath(uri)}`);
}

export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `code action "${action.title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `VS Code refused the edit of "${action.title}"`);
}

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n\n');
}

/** Replaces lines [from, to) (1-based `from`) of `text` with `lines`: expected texts are written as edits of the fixture. */
export function spliceLines(text: string, from: number, deleteCount: number, ...lines: string[]): string {
  const all = text.split('\n');
  all.splice(from - 1, deleteCount, ...lines);
  return all.join('\n');
}

export async function updatePillarSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('pillar').update(key, value, vscode.ConfigurationTarget.Global);
}
