import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_KIND_NOTIFICATION, SCAN_WORKSPACE_REQUEST, type DocumentKindParams, type PillarInitializationOptions, type ScanWorkspaceResult } from '../../server/src/protocol';
import { openExample } from './example';
import { registerPosture, type PostureApi } from './posture/commands';
import { STACK_SCHEME } from './posture/stack-documents';
import { FindingsStatusBar, type FindingsStatus } from './status-bar';

let client: LanguageClient | undefined;

/** Restarts of a server that died, within RESTART_WINDOW_MS: past MAX_RESTARTS it stays down. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** What the extension tells its tests (and nothing else) about the running server. */
export interface PillarApi {
  readonly posture: PostureApi;
  /** The language server's process id, while it runs. */
  serverProcessId(): number | undefined;
  /** How many times the server died and was restarted. */
  restarts(): number;
  /** What the user was told about those restarts. */
  restartMessages(): readonly string[];
  /** What the status bar item shows for the active file. */
  findingsStatus(): FindingsStatus;
}

/**
 * Restarts a server that died (the client then opens the open documents in it again, so they are
 * analyzed again) and says so once per session; a server that keeps dying stays down, with a message.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly deaths: number[] = [];
  private told = false;
  restarted = 0;

  constructor(private readonly notify: (message: string) => void) {}

  error(): { action: ErrorAction; handled: boolean } {
    // A message that could not be read or written: the connection decides; a dead server closes it.
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): { action: CloseAction; message?: string; handled: boolean } {
    const now = Date.now();
    this.deaths.push(now);
    while (this.deaths.length > 0 && now - this.deaths[0] > RESTART_WINDOW_MS) this.deaths.shift();
    if (this.deaths.length > MAX_RESTARTS) {
      return { action: CloseAction.DoNotRestart, message: `The Pillar language server stopped ${this.deaths.length} times in 3 minutes and was not restarted. Run "Pillar: Restart Language Server" to start it again, and see the Pillar output for the cause.`, handled: false };
    }
    this.restarted++;
    if (!this.told) {
      this.told = true;
      this.notify('The Pillar language server stopped unexpectedly and was restarted; open templates are analyzed again. See the Pillar output for the cause.');
    }
    return { action: CloseAction.Restart, handled: true };
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<PillarApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Owned here rather than by the client, so it survives Pillar: Restart Language Server (the client
  // disposes a channel it created itself on every stop, and the Output view loses it).
  const outputChannel = vscode.window.createOutputChannel('Pillar');
  context.subscriptions.push(outputChannel);
  const restartMessages: string[] = [];
  const errorHandler = new RestartingErrorHandler((message) => {
    restartMessages.push(message);
    void vscode.window.showWarningMessage(message);
  });
  const clientOptions: LanguageClientOptions = {
    outputChannel,
    errorHandler,
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
  return {
    posture,
    findingsStatus: () => statusBar.status(),
    // The node client keeps the child process in a private field; only the tests read it.
    serverProcessId: () => (client as unknown as { _serverProcess?: { pid?: number } } | undefined)?._serverProcess?.pid,
    restarts: () => errorHandler.restarted,
    restartMessages: () => restartMessages,
  };
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
