import { readFile } from 'node:fs/promises';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Rule } from '../engine/rule';
import type { Finding, RuleMeta } from '../engine/api';
import { Engine, type Analysis, type EngineOptions } from '../engine/engine';
import { resolveConfig } from '../engine/config';
import { LineIndex } from '../engine/positions';
import { POSTURE_SCAN_REQUEST, SCAN_WORKSPACE_REQUEST, type PostureScanParams, type ScanWorkspaceResult } from '../protocol';
import { postureScan } from './posture-scan';
import { codeActionsFor, FIX_ALL_KIND } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { DocumentConfigs, pathOf } from './document-config';
import { hoverFor } from './hover';
import { combineHovers, IAM_COMPLETION_TRIGGERS, iamCompletionsFor, iamHoverFor } from './iam';
import { scanWorkspace } from './workspace-scan';

const CHANGE_DEBOUNCE_MS = 200;

interface CachedAnalysis {
  readonly version: number;
  readonly analysis: Analysis;
}

/** Wires the engine to the LSP: documents, diagnostics, code actions, hover and the workspace scan. */
export class PillarServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly engine: Engine;
  private readonly metas: ReadonlyMap<string, RuleMeta>;
  private readonly analyses = new Map<string, CachedAnalysis>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly reportedRuleErrors = new Set<string>();
  private configs!: DocumentConfigs;
  private folders: WorkspaceFolder[] = [];
  private versionedEdits = false;
  private dynamicConfiguration = false;

  constructor(
    private readonly connection: Connection,
    rules: readonly Rule[],
    engineOptions: EngineOptions = {},
  ) {
    this.engine = new Engine(rules, engineOptions);
    this.metas = new Map(rules.map((rule) => [rule.meta.id, rule.meta]));
  }

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration(({ settings }) => {
      this.configs.push(settings);
      this.reconfigure();
    });
    connection.onDidChangeWatchedFiles(() => this.reconfigure());
    connection.onCodeAction((params) => this.guard('codeAction', [], () => this.codeActions(params)));
    connection.onHover((params) => this.guard('hover', null, () => this.hover(params)));
    connection.onCompletion((params) => this.guard('completion', null, () => this.completion(params)));
    connection.onRequest(SCAN_WORKSPACE_REQUEST, () => this.scanWorkspace());
    // Deployed templates are analyzed with the default settings: they belong to no workspace folder.
    const stackConfig = resolveConfig([], this.metas);
    connection.onRequest(POSTURE_SCAN_REQUEST, (params: PostureScanParams, token) => postureScan(connection, params, token, (text, name) => this.engine.analyze(text, name, stackConfig).findings));
    // Fired on open too: a document seen for the first time is analyzed at once, edits after a pause.
    documents.onDidChangeContent(({ document }) => (this.analyses.has(document.uri) ? this.schedule(document) : void this.validate(document)));
    documents.onDidClose(({ document }) => this.close(document.uri));
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    this.versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    this.dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.configs = new DocumentConfigs(this.connection, this.metas, { configuration: capabilities.workspace?.configuration === true }, () => this.folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: IAM_COMPLETION_TRIGGERS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'pillar' },
    };
  }

  private initialized(): void {
    if (this.dynamicConfiguration) void this.connection.client.register(DidChangeConfigurationNotification.type, undefined);
    this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
      this.folders = [...this.folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added];
      this.reconfigure();
    });
  }

  private reconfigure(): void {
    this.configs.clear();
    this.analyses.clear();
    for (const document of this.documents.all()) void this.validate(document);
  }

  private schedule(document: TextDocument): void {
    clearTimeout(this.pending.get(document.uri));
    this.pending.set(
      document.uri,
      setTimeout(() => {
        this.pending.delete(document.uri);
        void this.validate(document);
      }, CHANGE_DEBOUNCE_MS),
    );
  }

  private close(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.analyses.delete(uri);
    this.configs.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async validate(document: TextDocument): Promise<void> {
    try {
      const { version } = document; // TextDocuments updates the object in place: read it before awaiting
      const findings = await this.findingsFor(document);
      // The document may have changed or closed while the configuration loaded.
      if (!this.isCurrent(document, version)) return;
      void this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics: this.diagnostics(findings) });
    } catch (error) {
      this.connection.console.error(`Analysis of ${document.uri} failed: ${String(error)}`);
    }
  }

  /** Findings for the document's current version, analyzed now if the cache is stale. */
  private async findingsFor(document: TextDocument): Promise<readonly Finding[]> {
    return (await this.analysisFor(document)).findings;
  }

  private async analysisFor(document: TextDocument): Promise<Analysis> {
    const { uri, version } = document;
    const text = document.getText();
    const cached = this.analyses.get(uri);
    if (cached?.version === version) return cached.analysis;
    // The previous version's analysis lets the engine re-parse only what the edit touched.
    const analysis = await this.analyzeText(uri, text, cached?.analysis);
    // Cache only what still describes the open document: it may have changed or closed meanwhile.
    if (this.isCurrent(document, version)) this.analyses.set(uri, { version, analysis });
    return analysis;
  }

  /** Still open, at that version: a document closed and opened again is a new object, from version 1. */
  private isCurrent(document: TextDocument, version: number): boolean {
    const current = this.documents.get(document.uri);
    return current === document && current.version === version;
  }

  private async analyzeText(uri: string, text: string, previous?: Analysis): Promise<Analysis> {
    const { enabled, included, config } = await this.configs.get(uri);
    if (!enabled || !included) return { kind: 'none', findings: [], ruleErrors: [], model: undefined, source: undefined };
    const analysis = this.engine.analyze(text, pathOf(uri), config, previous);
    this.reportCatalogError();
    for (const { ruleId, error } of analysis.ruleErrors) {
      // Logged once per rule and document, with the stack, so a crashing rule can be reported.
      const key = `${ruleId} ${uri}`;
      if (this.reportedRuleErrors.has(key)) continue;
      this.reportedRuleErrors.add(key);
      this.connection.console.error(`Rule ${ruleId} failed on ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
    }
    return analysis;
  }

  /** A catalog that cannot be read leaves the IAM checks silent: say why, once. */
  private reportCatalogError(): void {
    if (this.engine.catalogError === undefined || this.reportedRuleErrors.has('iam-catalog')) return;
    this.reportedRuleErrors.add('iam-catalog');
    this.connection.console.error(`The IAM catalog could not be loaded; the checks that need it are off: ${String(this.engine.catalogError)}`);
  }

  private diagnostics(findings: readonly Finding[]) {
    return findings.map((finding) => toDiagnostic(finding, this.metas.get(finding.ruleId)));
  }

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await this.analysisFor(document);
    return codeActionsFor(document, analysis.findings, params, this.metas, this.versionedEdits, linesOf(document, analysis));
  }

  /** A finding's guidance, and what the IAM catalog says about the policy content under the cursor. */
  private async hover(params: HoverParams): Promise<Hover | null> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await this.analysisFor(document);
    return combineHovers(hoverFor(analysis.findings, params.position, this.metas), iamHoverFor(this.engine, analysis, linesOf(document, analysis), params.position));
  }

  private async completion(params: CompletionParams): Promise<CompletionList | null> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await this.analysisFor(document);
    return iamCompletionsFor(this.engine, analysis, document, linesOf(document, analysis), params.position);
  }

  private async scanWorkspace(): Promise<ScanWorkspaceResult> {
    const targets = await Promise.all(
      this.folders.map(async (folder) => {
        const { config } = await this.configs.get(folder.uri);
        return { folder: pathOf(folder.uri), include: config.include, exclude: config.exclude };
      }),
    );
    return scanWorkspace(
      this.connection,
      targets,
      async (uri, path) => this.documents.get(uri)?.getText() ?? readFile(path, 'utf8'),
      async (uri, text) => {
        const analysis = await this.analyzeText(uri, text);
        return { template: analysis.kind !== 'none', findings: analysis.findings };
      },
      (uri, findings) => void this.connection.sendDiagnostics({ uri, diagnostics: this.diagnostics(findings) }),
    );
  }

  /** A handler never throws to the connection: it logs and answers with an empty result. */
  private async guard<T>(name: string, fallback: T, handler: () => Promise<T>): Promise<T> {
    try {
      return await handler();
    } catch (error) {
      this.connection.console.error(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  }
}

/** The analysis's line index when it read the document's current text, else one for that text. */
function linesOf(document: TextDocument, analysis: Analysis): LineIndex {
  const text = document.getText();
  return analysis.source && analysis.source.parsed.text === text ? analysis.source.lines : new LineIndex(text);
}
