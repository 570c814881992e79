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
import type { DocumentKind, Finding, RuleMeta } from '../engine/api';
import { ENGINE_CHECKS } from '../engine/engine-checks';
import { Engine, type Analysis, type EngineOptions } from '../engine/engine';
import { resolveConfig, type ResolvedConfig } from '../engine/config';
import { AnalysisPool, type Outcome, type PoolOptions } from './analysis-pool';
import { LineIndex } from '../engine/positions';
import { DOCUMENT_KIND_NOTIFICATION, POSTURE_SCAN_REQUEST, SCAN_WORKSPACE_REQUEST, type DocumentKindParams, type PillarInitializationOptions, type PostureScanParams, type ScanWorkspaceResult } from '../protocol';
import { postureScan } from './posture-scan';
import { codeActionsFor, FIX_ALL_KIND } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { DocumentConfigs, pathOf } from './document-config';
import { hoverFor } from './hover';
import { AdaptiveDebounce } from './debounce';
import { combineHovers, IAM_COMPLETION_TRIGGERS, iamCompletionsFor, iamHoverFor } from './iam';
import { resolveTemplateCompletion, templateCompletionsFor, templateHoverFor } from './template';
import { scanWorkspace } from './workspace-scan';

/**
 * Characters that open a completion: `:` after a service prefix (`s3:`) or a type's namespace
 * (`AWS::S3::`), and after a key whose values are listed; `"` opening a JSON string.
 */
const COMPLETION_TRIGGERS = [...new Set([...IAM_COMPLETION_TRIGGERS, ':', '"'])];
/** IAM and template hovers and completions need the model, built on this thread: only for documents analyzed quickly. */
const MAIN_THREAD_MODEL_MS = 250;

/** A document's analysis as this thread keeps it: findings, and the text and lines they refer to. */
export interface AnalyzedText {
  readonly kind: DocumentKind;
  readonly findings: readonly Finding[];
  readonly text: string;
  readonly lines: LineIndex;
  readonly file: string;
  readonly config: ResolvedConfig | undefined;
  readonly hasPolicies: boolean;
  readonly elapsedMs: number;
  /** The engine's whole analysis, when it ran on this thread (or was rebuilt for an IAM hover). */
  full?: Analysis;
}

interface CachedAnalysis {
  readonly version: number;
  readonly analysis: AnalyzedText;
}

export interface ServerOptions extends EngineOptions {
  /** The bundled analysis worker; without it, analyses run on the server's own thread. */
  readonly workerFile?: string;
  readonly pool?: Partial<PoolOptions>;
}

/** Wires the engine to the LSP: documents, diagnostics, code actions, hover and the workspace scan. */
export class PillarServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly engine: Engine;
  private readonly metas: ReadonlyMap<string, RuleMeta>;
  private readonly analyses = new Map<string, CachedAnalysis>();
  /** Analyses under way, by URI: requests for that version wait on them instead of starting another. */
  private readonly inflight = new Map<string, { readonly version: number; readonly promise: Promise<AnalyzedText | undefined> }>();
  private readonly pool: AnalysisPool | undefined;
  private readonly previous = new Map<string, Analysis>();
  private readonly poolOptions: PoolOptions;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** The pause after an edit, from how long the document's last analysis took. */
  readonly debounce = new AdaptiveDebounce();
  private readonly reportedRuleErrors = new Set<string>();
  private configs!: DocumentConfigs;
  private folders: WorkspaceFolder[] = [];
  private versionedEdits = false;
  private dynamicConfiguration = false;
  /** The kind last sent for each open document, when the client asked for kinds. */
  private sentKinds: Map<string, DocumentKind> | undefined;
  /** The client takes a completion list's default edit range (LSP 3.17 itemDefaults). */
  private completionItemDefaults = false;

  constructor(
    private readonly connection: Connection,
    rules: readonly Rule[],
    options: ServerOptions = {},
  ) {
    this.engine = new Engine(rules, options);
    this.metas = new Map(rules.map((rule) => [rule.meta.id, rule.meta]));
    const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
    this.poolOptions = {
      size: env('PILLAR_WORKERS') ?? 1,
      maxSize: 2,
      timeBudgetMs: env('PILLAR_ANALYSIS_TIME_BUDGET_MS') ?? 10_000,
      workerHeapMb: env('PILLAR_WORKER_HEAP_MB') ?? 96,
      ...options.pool,
    };
    if (options.workerFile) this.pool = new AnalysisPool(options.workerFile, this.poolOptions, (message) => this.connection.console.error(message));
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
    connection.onCompletionResolve((item) => this.guard('completionResolve', item, async () => resolveTemplateCompletion(this.engine, item)));
    connection.onRequest(SCAN_WORKSPACE_REQUEST, () => this.scanWorkspace());
    // Deployed templates are analyzed with the default settings: they belong to no workspace folder.
    const stackConfig = resolveConfig([], this.metas);
    connection.onRequest(POSTURE_SCAN_REQUEST, (params: PostureScanParams, token) => postureScan(connection, params, token, (text, name) => this.engine.analyze(text, name, stackConfig).findings));
    // Fired on open too: a document seen for the first time is analyzed at once, edits after a pause.
    documents.onDidChangeContent(({ document }) => {
      // A newer version makes the analysis of an older one pointless: stop it.
      const running = this.inflight.get(document.uri);
      if (running && running.version !== document.version) this.cancel(document.uri);
      if (this.analyses.has(document.uri)) this.schedule(document);
      else void this.validate(document);
    });
    connection.onShutdown(() => this.pool?.dispose());
    documents.onDidClose(({ document }) => this.close(document.uri));
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    this.versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    this.dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    if ((params.initializationOptions as PillarInitializationOptions | undefined)?.documentKinds === true) this.sentKinds = new Map();
    this.completionItemDefaults = capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true;
    this.configs = new DocumentConfigs(this.connection, this.metas, { configuration: capabilities.workspace?.configuration === true }, () => this.folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'pillar' },
    };
  }

  private initialized(): void {
    // IAM hovers and completions read the catalog on this thread: load it now rather than on the first hover.
    if (this.pool) setTimeout(() => void this.engine.iam, 0);
    if (this.dynamicConfiguration) void this.connection.client.register(DidChangeConfigurationNotification.type, undefined);
    this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
      this.folders = [...this.folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added];
      this.reconfigure();
    });
  }

  private cancel(uri: string): void {
    this.inflight.delete(uri);
    this.pool?.cancel(uri);
  }

  private reconfigure(): void {
    this.configs.clear();
    this.analyses.clear();
    for (const uri of [...this.inflight.keys()]) this.cancel(uri);
    for (const document of this.documents.all()) void this.validate(document);
  }

  private schedule(document: TextDocument): void {
    clearTimeout(this.pending.get(document.uri));
    this.pending.set(
      document.uri,
      setTimeout(() => {
        this.pending.delete(document.uri);
        void this.validate(document);
      }, this.debounce.delayFor(document.uri)),
    );
  }

  private close(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.analyses.delete(uri);
    this.sentKinds?.delete(uri);
    this.debounce.forget(uri);
    this.cancel(uri);
    this.previous.delete(uri);
    this.pool?.forget(uri);
    this.configs.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async validate(document: TextDocument): Promise<void> {
    try {
      const { version } = document; // TextDocuments updates the object in place: read it before awaiting
      const analysis = await this.analysisFor(document, false);
      // The document may have changed or closed while the configuration loaded or the analysis ran.
      if (!analysis || !this.isCurrent(document, version)) return;
      // The kind first: the client counts the diagnostics that follow only for templates and policies.
      if (this.sentKinds && this.sentKinds.get(document.uri) !== analysis.kind) {
        this.sentKinds.set(document.uri, analysis.kind);
        void this.connection.sendNotification(DOCUMENT_KIND_NOTIFICATION, { uri: document.uri, kind: analysis.kind } satisfies DocumentKindParams);
      }
      void this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics: this.diagnostics(analysis.findings) });
    } catch (error) {
      this.connection.console.error(`Analysis of ${document.uri} failed: ${String(error)}`);
    }
  }

  /**
   * The analysis of the document's current version: cached, under way, or started now (ahead of
   * other documents' when a request waits on it). Undefined when a newer version cancelled it.
   */
  private analysisFor(document: TextDocument, priority = true): Promise<AnalyzedText | undefined> {
    const { uri, version } = document;
    const cached = this.analyses.get(uri);
    if (cached?.version === version) return Promise.resolve(cached.analysis);
    const running = this.inflight.get(uri);
    if (running?.version === version) return running.promise;
    const promise = this.analyzeDocument(document, priority).finally(() => {
      if (this.inflight.get(uri)?.promise === promise) this.inflight.delete(uri);
    });
    this.inflight.set(uri, { version, promise });
    return promise;
  }

  private async analyzeDocument(document: TextDocument, priority: boolean): Promise<AnalyzedText | undefined> {
    const { uri, version } = document;
    const text = document.getText();
    const analysis = await this.analyzeText(uri, text, { keep: true, priority });
    // The next edit waits in proportion to how long this analysis took.
    if (analysis) this.debounce.record(uri, analysis.elapsedMs);
    // Cache only what still describes the open document: it may have changed or closed meanwhile.
    if (analysis && this.isCurrent(document, version)) this.analyses.set(uri, { version, analysis });
    return analysis;
  }

  /** Still open, at that version: a document closed and opened again is a new object, from version 1. */
  private isCurrent(document: TextDocument, version: number): boolean {
    const current = this.documents.get(document.uri);
    return current === document && current.version === version;
  }

  /**
   * Analyzes a text, in a worker when there is one. `keep`: an open document, whose analysis the
   * next one builds on. Undefined when cancelled.
   */
  private async analyzeText(uri: string, text: string, { keep, priority }: { keep: boolean; priority: boolean }): Promise<AnalyzedText | undefined> {
    const { enabled, included, config } = await this.configs.get(uri);
    const file = pathOf(uri);
    const lines = () => new LineIndex(text);
    if (!enabled || !included) return { kind: 'none', findings: [], text, lines: lines(), file, config: undefined, hasPolicies: false, elapsedMs: 0 };
    if (!this.pool) {
      const started = performance.now();
      const analysis = this.engine.analyze(text, file, config, keep ? this.previous.get(uri) : undefined);
      if (keep) this.previous.set(uri, analysis);
      this.reportCatalogError(this.engine.catalogError);
      this.reportRuleErrors(uri, analysis.ruleErrors.map(({ ruleId, error }) => ({ ruleId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })));
      const hasPolicies = (analysis.model?.policies.length ?? 0) > 0;
      return { kind: analysis.kind, findings: analysis.findings, text, lines: analysis.source?.lines ?? lines(), file, config, hasPolicies, elapsedMs: performance.now() - started, full: analysis };
    }
    const outcome = await this.pool.analyze({ uri: keep ? uri : undefined, text, file, config }, priority);
    return this.fromOutcome(uri, text, file, config, outcome);
  }

  private fromOutcome(uri: string, text: string, file: string, config: ResolvedConfig, outcome: Outcome): AnalyzedText | undefined {
    if (outcome.status === 'cancelled') return undefined;
    const lines = new LineIndex(text);
    if (outcome.status === 'done') {
      const { response } = outcome;
      this.reportCatalogError(response.catalogError);
      this.reportRuleErrors(uri, response.ruleErrors);
      return { kind: response.kind, findings: response.findings, text, lines, file, config, hasPolicies: response.hasPolicies, elapsedMs: response.elapsedMs };
    }
    // One diagnostic says why there is no analysis; the document is analyzed again on its next edit.
    const message =
      outcome.reason === 'time'
        ? `The analysis was stopped after ${(this.poolOptions.timeBudgetMs / 1000).toLocaleString('en-US')} s, its time budget; the file is not analyzed. Simplify or split it to analyze it.`
        : outcome.reason === 'memory'
          ? `The analysis was stopped: it needed more than its ${this.poolOptions.workerHeapMb} MB of memory; the file is not analyzed.`
          : `The analysis failed (${outcome.detail}); the file is not analyzed.`;
    this.connection.console.warn(`${file}: ${message}`);
    const check = ENGINE_CHECKS.inputLimit;
    const span = { start: 0, end: 0 };
    const finding: Finding = { ruleId: check.id, severity: check.severity, area: null, message, file, span, range: lines.rangeOf(span), resource: null, fixes: [] };
    return { kind: 'none', findings: [finding], text, lines, file, config, hasPolicies: false, elapsedMs: 0 };
  }

  private reportRuleErrors(uri: string, errors: readonly { readonly ruleId: string; readonly error: string }[]): void {
    for (const { ruleId, error } of errors) {
      // Logged once per rule and document, with the stack, so a crashing rule can be reported.
      const key = `${ruleId} ${uri}`;
      if (this.reportedRuleErrors.has(key)) continue;
      this.reportedRuleErrors.add(key);
      this.connection.console.error(`Rule ${ruleId} failed on ${uri}: ${error}`);
    }
  }

  /**
   * The engine's whole analysis (with the model IAM and template hovers and completions read),
   * rebuilt on this thread for a document whose analysis was quick; never for a slow one.
   */
  private fullAnalysis(analysis: AnalyzedText): Analysis | undefined {
    if (analysis.full || !analysis.config || analysis.elapsedMs > MAIN_THREAD_MODEL_MS) return analysis.full;
    analysis.full = this.engine.analyze(analysis.text, analysis.file, analysis.config);
    return analysis.full;
  }

  /** A catalog that cannot be read leaves the IAM checks silent: say why, once. */
  private reportCatalogError(error: unknown): void {
    if (error === undefined || this.reportedRuleErrors.has('iam-catalog')) return;
    this.reportedRuleErrors.add('iam-catalog');
    this.connection.console.error(`The IAM catalog could not be loaded; the checks that need it are off: ${String(error)}`);
  }

  private diagnostics(findings: readonly Finding[]) {
    return findings.map((finding) => toDiagnostic(finding, this.metas.get(finding.ruleId)));
  }

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return [];
    const { version } = document;
    const analysis = await this.analysisFor(document);
    // Edits computed on another text would land in the wrong places.
    if (!analysis || !this.isCurrent(document, version)) return [];
    return codeActionsFor(document, analysis.findings, params, this.metas, this.versionedEdits, analysis.lines);
  }

  /** A finding's guidance, and what the IAM catalog says about the policy content under the cursor. */
  private async hover(params: HoverParams): Promise<Hover | null> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await this.analysisFor(document);
    if (!analysis) return null;
    const full = this.fullAnalysis(analysis);
    return combineHovers(
      hoverFor(analysis.findings, params.position, this.metas),
      full && analysis.hasPolicies ? iamHoverFor(this.engine, full, analysis.lines, params.position) : null,
      full ? templateHoverFor(this.engine, full, document, params.position) : null,
    );
  }

  private async completion(params: CompletionParams): Promise<CompletionList | null> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const { version } = document;
    const analysis = await this.analysisFor(document);
    const full = analysis && this.isCurrent(document, version) ? this.fullAnalysis(analysis) : undefined;
    if (!full) return null;
    return (analysis!.hasPolicies ? iamCompletionsFor(this.engine, full, document, analysis!.lines, params.position) : null) ?? templateCompletionsFor(this.engine, full, document, params.position, this.completionItemDefaults);
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
        const analysis = await this.analyzeText(uri, text, { keep: false, priority: false });
        return { template: analysis !== undefined && analysis.kind !== 'none', findings: analysis?.findings ?? [] };
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

