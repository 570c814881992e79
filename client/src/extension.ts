import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_KIND_NOTIFICATION, SCAN_WORKSPACE_REQUEST, type DocumentKindParams, type PillarInitializationOptions, type ScanWorkspaceResult } from '../../server/src/protocol';
import { openExample } from './example';
import { registerPosture, type PostureApi } from './posture/commands';
import { STACK_SCHEME } from './posture/stack-documents';
import { FindingsStatusBar, type FindingsStatus } from './status-bar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ posture: PostureApi; findingsStatus: () => FindingsStatus }> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Owned here rather than by the client, so it survives Pillar: Restart Language Server (the client
  // disposes a channel it created itself on every stop, and the Output view loses it).
  const outputChannel = vscode.window.createOutputChannel('Pillar');
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    outputChannel,
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'file', pattern: '**/*.template' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
      // Deployed stacks' templates, opened from the posture view.
      { scheme: STACK_SCHEME, language: 'yaml' },
      { scheme: STACK_SCHEME, language: 'json' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.pillar.json') },
    initializationOptions: { documentKinds: true } satisfies PillarInitializationOptions,
  };
  client = new LanguageClient('pillar', 'Pillar', serverOptions, clientOptions);
  const statusBar = new FindingsStatusBar();
  context.subscriptions.push(statusBar);
  // Registered before start, so it holds across restarts; a restarted server sends every kind again.
  client.onNotification(DOCUMENT_KIND_NOTIFICATION, ({ uri, kind }: DocumentKindParams) => statusBar.setKind(uri, kind));
  client.onDidChangeState(({ newState }) => {
    if (newState !== State.Running) statusBar.reset();
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('pillar.scanWorkspace', () => scanWorkspace()),
    vscode.commands.registerCommand('pillar.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('pillar.showOutput', () => client?.outputChannel.show()),
    vscode.commands.registerCommand('pillar.openExample', () => openExample()),
  );
  const posture = registerPosture(context, () => client);
  await client.start();
  return { posture, findingsStatus: () => statusBar.status() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Runs the server's workspace scan (it reports its own progress) and sums up the result. */
async function scanWorkspace(): Promise<ScanWorkspaceResult | undefined> {
  if (!client) return undefined;
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage('Pillar: open a folder to scan its templates.');
    return undefined;
  }
  try {
    const result = await client.sendRequest<ScanWorkspaceResult>(SCAN_WORKSPACE_REQUEST);
    const { error, warning, info } = result.bySeverity;
    const summary = `Pillar scanned ${result.templates} template${result.templates === 1 ? '' : 's'} (${result.files} files): ${error} errors, ${warning} warnings, ${info} info.`;
    void vscode.window.showInformationMessage(summary, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return result;
  } catch (error) {
    void vscode.window.showErrorMessage(`Pillar: the workspace scan failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
