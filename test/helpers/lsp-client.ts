import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

export const SERVER_BUNDLE = resolve(__dirname, '../../dist/server.js');

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

/**
 * A real JSON-RPC client for the bundled server over stdio: what any LSP editor does, with hooks
 * for the requests the server sends back (configuration, progress, registrations, messages).
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly stderr: string[] = [];
  readonly messages: string[] = [];
  /** What `workspace/configuration` answers for the `pillar` section. */
  settings: Record<string, unknown> = {};
  /** While set, `workspace/configuration` waits for it: a busy editor that answers late. */
  private configurationGate: Promise<void> | undefined;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  /** Called with every publishDiagnostics, as it arrives (the benchmark times and counts them). */
  onPublish: ((params: PublishDiagnosticsParams) => void) | undefined;
  private readonly waiters: (() => void)[] = [];

  constructor(serverBundle = SERVER_BUNDLE) {
    this.process = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.onPublish?.(params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.messages.push(params.message));
    this.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
      const answer = params.items.map(() => this.settings);
      await this.configurationGate;
      return answer;
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onNotification('window/showMessage', (params: { message: string }) => this.messages.push(params.message));
    this.connection.listen();
  }

  /** `pullConfiguration: false` is a client that only pushes settings (didChangeConfiguration). */
  /** Holds back answers to `workspace/configuration` until the returned function is called. */
  holdConfiguration(): () => void {
    let release!: () => void;
    this.configurationGate = new Promise((done) => (release = done));
    return () => {
      this.configurationGate = undefined;
      release();
    };
  }

  /** `completionItemDefaults`: a client that takes a completion list's default edit range, as VS Code does. */
  async initialize(workspaceFolder: string, { pullConfiguration = true, initializationOptions = undefined as unknown, completionItemDefaults = false } = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      initializationOptions,
      rootUri: fileUri(workspaceFolder),
      workspaceFolders: [{ uri: fileUri(workspaceFolder), name: 'workspace' }],
      capabilities: {
        workspace: { configuration: pullConfiguration, workspaceFolders: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          ...(completionItemDefaults ? { completion: { completionList: { itemDefaults: ['editRange'] } } } : {}),
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Waits for diagnostics on `uri` that satisfy `accept` (e.g. a given document version). */
  async diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const params = this.published.get(uri);
      if (params && accept(params)) return params.diagnostics;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(params?.diagnostics.map((d) => d.code))}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  /** Shuts the server down as an editor does, and resolves with its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((done) => this.process.once('exit', (code) => done(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
