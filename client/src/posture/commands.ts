import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { formatPostureHtml } from '../../../server/src/posture/format-html';
import { formatPostureJson } from '../../../server/src/posture/format-json';
import { formatPostureMarkdown } from '../../../server/src/posture/format-markdown';
import { listProfiles } from '../../../server/src/posture/profiles';
import type { PostureReport } from '../../../server/src/posture/report';
import { totals } from '../../../server/src/posture/summary';
import { POSTURE_SCAN_REQUEST, type PostureScanParams, type PostureScanResult } from '../../../server/src/protocol';
import { REGIONS } from './regions';
import { postureTarget, setUserSetting } from './settings';
import { StackDocuments, STACK_SCHEME } from './stack-documents';
import { PostureTree, type PostureNode } from './tree';

export const POSTURE_VIEW = 'pillar.posture';

const EXPORTS = {
  html: { label: 'HTML', format: formatPostureHtml },
  md: { label: 'Markdown', format: formatPostureMarkdown },
  json: { label: 'JSON', format: formatPostureJson },
} as const;

/** What the posture view offers other code (the extension's API, used by the editor tests). */
export interface PostureApi {
  readonly tree: PostureTree;
}

/** The posture view, its read-only stack documents and its commands; nothing scans but the user's command. */
export function registerPosture(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): PostureApi {
  const tree = new PostureTree();
  const stacks = new StackDocuments();
  context.subscriptions.push(
    tree,
    stacks,
    vscode.window.registerTreeDataProvider(POSTURE_VIEW, tree),
    vscode.workspace.registerTextDocumentContentProvider(STACK_SCHEME, stacks),
    vscode.commands.registerCommand('pillar.posture.scan', () => scan(client(), tree, stacks)),
    vscode.commands.registerCommand('pillar.posture.refresh', () => scan(client(), tree, stacks)),
    vscode.commands.registerCommand('pillar.posture.chooseProfile', () => chooseProfile()),
    vscode.commands.registerCommand('pillar.posture.export', (target?: vscode.Uri) => exportReport(tree.lastReport, target)),
    vscode.commands.registerCommand('pillar.posture.clear', () => {
      tree.show(undefined);
      stacks.update([]);
    }),
    vscode.commands.registerCommand('pillar.posture.openConsole', (node?: PostureNode) => {
      if (node?.kind === 'finding') void vscode.env.openExternal(vscode.Uri.parse(node.finding.entity.console));
    }),
  );
  void vscode.commands.executeCommand('setContext', 'pillar.posture.hasReport', false);
  return { tree };
}

/** Runs the language server's scan with a cancellable progress notification; returns the totals for callers (and tests). */
async function scan(client: LanguageClient | undefined, tree: PostureTree, stacks: StackDocuments) {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Pillar does not scan AWS accounts in a workspace you have not trusted. Trust the workspace, or open the folder in a trusted window.');
    return undefined;
  }
  if (!client) return undefined;
  const target = postureTarget();
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Pillar: scanning the AWS account', cancellable: true }, async (progress, token) => {
    const workDoneToken = `pillar-posture-${Date.now()}`;
    let reported = 0;
    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const percentage = value.percentage ?? reported;
      progress.report({ message: value.message, increment: Math.max(0, percentage - reported) });
      reported = Math.max(reported, percentage);
    });
    try {
      const params: PostureScanParams = { ...target, workDoneToken };
      return await client.sendRequest<PostureScanResult>(POSTURE_SCAN_REQUEST, params, token);
    } catch (error) {
      if (token.isCancellationRequested) return { cancelled: true } as const;
      return { error: { message: `The scan failed: ${error instanceof Error ? error.message : String(error)}`, kind: 'failed' } };
    } finally {
      listener.dispose();
    }
  });
  if ('cancelled' in result) return undefined;
  if ('error' in result) {
    showScanError(result.error, target.profile);
    return undefined;
  }
  const credentials = target.profile ? `profile ${target.profile}` : 'default credentials';
  tree.show(result.report, credentials);
  stacks.update(result.report.accounts);
  void vscode.commands.executeCommand(`${POSTURE_VIEW}.focus`);
  return totals(result.report);
}

/** A non-modal message that names the fix, with a button that runs it in a terminal. */
function showScanError(error: { message: string; fix?: string; kind: string }, profile: string | undefined): void {
  const actions = [...(error.fix?.startsWith('aws ') ? ['Run in Terminal'] : []), 'Choose Profile'];
  void vscode.window.showErrorMessage(`Pillar: ${error.message}${error.fix ? ` Fix: \`${error.fix}\`.` : ''}`, ...actions).then((choice) => {
    if (choice === 'Run in Terminal' && error.fix) {
      const terminal = vscode.window.createTerminal({ name: profile ? `AWS sign-in (${profile})` : 'AWS sign-in' });
      terminal.show();
      terminal.sendText(error.fix, false); // typed, not run: the user presses Enter
    } else if (choice === 'Choose Profile') void vscode.commands.executeCommand('pillar.posture.chooseProfile');
  });
}

/** Picks a profile from the shared config files and a region, saved in the user's settings. */
async function chooseProfile(): Promise<void> {
  let profiles: Awaited<ReturnType<typeof listProfiles>> = [];
  try {
    profiles = await listProfiles();
  } catch (error) {
    void vscode.window.showWarningMessage(`Pillar could not read the AWS config files: ${error instanceof Error ? error.message : String(error)}`);
  }
  const DEFAULT = '$(key) Default credential chain';
  const picked = await vscode.window.showQuickPick(
    [
      { label: DEFAULT, description: 'environment variables, AWS_PROFILE, the default profile, SSO, container or instance role' },
      ...profiles.map((p) => ({ label: p.name, description: [p.sso ? 'IAM Identity Center' : '', p.region].filter(Boolean).join(' · ') })),
    ],
    { title: 'Pillar: AWS profile for account scans', placeHolder: profiles.length ? 'Profiles from ~/.aws/config and ~/.aws/credentials' : 'No profiles in ~/.aws/config or ~/.aws/credentials: run `aws configure` to add one' },
  );
  if (!picked) return;
  const profile = picked.label === DEFAULT ? undefined : picked.label;
  const own = profiles.find((p) => p.name === profile)?.region;
  const regions = [...new Set([...(own ? [own] : []), ...REGIONS])];
  const region = await vscode.window.showQuickPick(
    [{ label: '$(settings) The profile\'s or environment\'s region', description: own ?? '' }, ...regions.map((r) => ({ label: r, description: r === own ? 'the profile\'s region' : '' }))],
    { title: 'Pillar: region for global services (every enabled region is scanned)' },
  );
  if (!region) return;
  await setUserSetting('profile', profile);
  await setUserSetting('region', region.label.startsWith('$(') ? undefined : region.label);
  void vscode.window.showInformationMessage(`Pillar will scan with ${profile ? `profile ${profile}` : 'the default credential chain'}. Run Pillar: Scan AWS Account to start.`);
}

/** Saves the last report as HTML, Markdown or JSON (by the file's extension), asking where unless told. */
async function exportReport(report: PostureReport | undefined, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!report) {
    void vscode.window.showInformationMessage('Pillar: there is no posture report yet. Run Pillar: Scan AWS Account first.');
    return undefined;
  }
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: 'Export the account posture report',
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()), `pillar-posture-${report.accounts[0]?.accountId ?? 'report'}.html`),
      filters: Object.fromEntries(Object.entries(EXPORTS).map(([extension, { label }]) => [label, [extension]])),
    }));
  if (!uri) return undefined;
  const extension = uri.path.split('.').pop()?.toLowerCase();
  const exporter = EXPORTS[(extension === 'markdown' ? 'md' : extension) as keyof typeof EXPORTS] ?? EXPORTS.html;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exporter.format(report)));
  return uri;
}
