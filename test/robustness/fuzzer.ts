/**
 * A seeded mutation fuzzer for the language server (issue 11). Real templates are opened in the
 * bundled server over stdio and mutated edit by edit, as a hostile user would: deleted spans,
 * random bytes, tabs, lone `\r`, emoji and lone surrogate halves, NUL, duplicated and swapped
 * lines, re-indentation, truncation, injected tags, anchors and aliases, deep brackets, megabyte
 * scalars, line endings changed, and the server's own quick fixes applied back. It checks:
 *
 * - every range the server returns (diagnostics, hovers, quick-fix edits) against the current text;
 * - that the diagnostics after the edits equal those of the same text opened fresh (incremental
 *   re-analysis against a first analysis);
 * - that the server neither dies nor stalls (no diagnostics within `stallMs`), its latencies and its
 *   resident memory.
 *
 * A failing document is saved with the seed and case that reproduce it. The same seed gives the
 * same cases: `npm run fuzz -- --seed 7 --cases 10000`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, Range, TextDocumentEdit } from 'vscode-languageserver/node';
import type { CorpusFile } from '../bench/corpus';
import { seededRandom, type Random } from '../helpers/generate-template';
import { fileUri, LspClient } from '../helpers/lsp-client';
import { validPosition } from '../helpers/positions';

export interface FuzzOptions {
  readonly seed: number;
  readonly cases: number;
  readonly corpus: readonly CorpusFile[];
  /** Cases run side by side, each on its own document of the one server. */
  readonly lanes?: number;
  readonly editsPerCase?: number;
  /** Diagnostics not published this long after the last edit: a stall. */
  readonly stallMs?: number;
  /** Where failing documents are saved. */
  readonly outDir?: string;
  readonly serverBundle?: string;
  readonly log?: (line: string) => void;
  /** Allow megabyte scalars (slow: the long run only). */
  readonly hugeEdits?: boolean;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  edits: number;
  requests: number;
  crashes: number;
  stalls: number;
  invalidRanges: number;
  mismatches: number;
  failures: string[];
  latency: { diagnosticsP99Ms: number; hoverP99Ms: number; codeActionP99Ms: number; diagnosticsMaxMs: number; hoverMaxMs: number; codeActionMaxMs: number };
  peakRssMb: number | undefined;
  durationS: number;
}

const PIECES = ['\t', '\r', '\r\n', '\n', '😀', '\ud83d', '\ude00', '\u0000', '"', "'", ':', '- ', '[', ']', '{', '}', ',', '#', '&a ', '*a', '!Ref ', '!Sub ', '!GetAtt ', '!If [', '<<: *a', '|', '>', '? ', '---\n', '...\n', '%YAML 1.2\n', 'é', '\ufeff', '\\'];
const TAGS = ['!Ref x', '!Sub "${AWS::Region}"', '!GetAtt A.Arn', '!If [C, a, b]', '!Equals [a, b]', '!FindInMap [M, a, b]', '!Base64 x', '!Unknown x', '!!binary x'];

type Mutation = (text: string, random: Random) => string;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const offset = (random: Random, text: string) => Math.floor(random() * (text.length + 1));
const splice = (text: string, at: number, remove: number, insert: string) => text.slice(0, at) + insert + text.slice(at + remove);

function lineBounds(text: string, random: Random): { start: number; end: number } {
  const at = offset(random, text);
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const next = text.indexOf('\n', at);
  return { start, end: next < 0 ? text.length : next + 1 };
}

const MUTATIONS: readonly [string, number, Mutation][] = [
  ['delete span', 10, (t, r) => splice(t, offset(r, t), 1 + Math.floor(r() * 200), '')],
  ['random pieces', 10, (t, r) => splice(t, offset(r, t), 0, Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(r, PIECES)).join(''))],
  ['random bytes', 4, (t, r) => splice(t, offset(r, t), 0, String.fromCharCode(...Array.from({ length: 1 + Math.floor(r() * 16) }, () => Math.floor(r() * 0x10000))))],
  ['lone CR', 3, (t, r) => splice(t, offset(r, t), 0, '\r')],
  ['CRLF everywhere', 2, (t) => t.replace(/\r?\n/g, '\r\n')],
  ['CR everywhere', 1, (t) => t.replace(/\r?\n/g, '\r')],
  ['duplicate line', 6, (t, r) => {
    const { start, end } = lineBounds(t, r);
    return splice(t, end, 0, t.slice(start, end));
  }],
  ['swap lines', 5, (t, r) => {
    const a = lineBounds(t, r);
    const b = lineBounds(t, r);
    if (a.start === b.start) return t;
    const [first, second] = a.start < b.start ? [a, b] : [b, a];
    if (second.start < first.end) return t;
    return t.slice(0, first.start) + t.slice(second.start, second.end) + t.slice(first.end, second.start) + t.slice(first.start, first.end) + t.slice(second.end);
  }],
  ['re-indent', 6, (t, r) => {
    const { start } = lineBounds(t, r);
    return r() < 0.5 ? splice(t, start, 0, ' '.repeat(1 + Math.floor(r() * 4))) : t.slice(start, start + 2).trim() === '' ? splice(t, start, 2, '') : t;
  }],
  ['tab indent', 2, (t, r) => splice(t, lineBounds(t, r).start, 0, '\t')],
  ['truncate', 2, (t, r) => t.slice(0, offset(r, t))],
  ['tag', 4, (t, r) => splice(t, offset(r, t), 0, ` ${pick(r, TAGS)} `)],
  ['anchor and aliases', 4, (t, r) => {
    const name = pick(r, ['a', 'b', 'x']);
    let out = splice(t, offset(r, t), 0, `&${name} `);
    for (let i = Math.floor(r() * 20); i > 0; i--) out = splice(out, offset(r, out), 0, ` *${name}`);
    return out;
  }],
  ['deep brackets', 1, (t, r) => {
    const depth = Math.floor(r() * 3000);
    return splice(t, offset(r, t), 0, '['.repeat(depth) + (r() < 0.5 ? ']'.repeat(depth) : ''));
  }],
  ['NUL', 1, (t, r) => splice(t, offset(r, t), 0, '\u0000')],
  ['emoji and surrogate halves', 3, (t, r) => splice(t, offset(r, t), 0, pick(r, ['😀', '\ud83d', '\ude00', '👩‍💻', '\ud83d\ud83d']))],
];

const HUGE: [string, number, Mutation] = ['megabyte scalar', 1, (t, r) => splice(t, lineBounds(t, r).end, 0, `Big${Math.floor(r() * 1e6)}: "${'x'.repeat(1024 * 1024)}"\n`)];

function mutate(text: string, random: Random, huge: boolean): { name: string; text: string } {
  const table = huge ? [...MUTATIONS, HUGE] : MUTATIONS;
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [name, weight, apply] of table) {
    roll -= weight;
    if (roll <= 0) return { name, text: apply(text, random) };
  }
  return { name: 'none', text };
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function rangeProblem(text: string, range: Range): string | undefined {
  const problem = validPosition(text, range.start) ?? validPosition(text, range.end);
  if (problem) return problem;
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'inverted range';
  return undefined;
}

/** A diagnostic as compared between an incremental and a fresh analysis. */
const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`;
const STOPPED = /The analysis (was stopped|failed)/;

class Fuzzer {
  private client!: LspClient;
  private readonly workspace = mkdtempSync(join(tmpdir(), 'pillar-fuzz-'));
  private readonly report: FuzzReport;
  private readonly diagnosticsMs: number[] = [];
  private readonly hoverMs: number[] = [];
  private readonly codeActionMs: number[] = [];
  private rssTimer: NodeJS.Timeout | undefined;
  private serverAlive = true;
  private readonly started = Date.now();

  constructor(private readonly options: FuzzOptions) {
    this.report = {
      seed: options.seed, cases: 0, edits: 0, requests: 0, crashes: 0, stalls: 0, invalidRanges: 0, mismatches: 0, failures: [],
      latency: { diagnosticsP99Ms: 0, hoverP99Ms: 0, codeActionP99Ms: 0, diagnosticsMaxMs: 0, hoverMaxMs: 0, codeActionMaxMs: 0 },
      peakRssMb: undefined, durationS: 0,
    };
  }

  async run(): Promise<FuzzReport> {
    await this.startServer();
    this.rssTimer = setInterval(() => this.sampleRss(), 200);
    const lanes = this.options.lanes ?? 4;
    let next = 0;
    const lane = async () => {
      while (next < this.options.cases) {
        const index = next++;
        await this.runCase(index);
        if (index % 250 === 249) {
          const p99 = (values: number[]) => percentile(values, 0.99).toFixed(0);
          this.options.log?.(
            `${new Date().toISOString()} ${this.report.cases} cases, ${this.report.edits} edits, ${this.report.crashes} crashes, ${this.report.stalls} stalls, ${this.report.invalidRanges} invalid ranges, ` +
              `${this.report.mismatches} mismatches; p99 diagnostics ${p99(this.diagnosticsMs)} ms, hover ${p99(this.hoverMs)} ms, code action ${p99(this.codeActionMs)} ms; peak ${this.report.peakRssMb?.toFixed(0)} MB`,
          );
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: lanes }, lane));
    } finally {
      clearInterval(this.rssTimer);
      await this.stopServer();
      rmSync(this.workspace, { recursive: true, force: true });
    }
    const { latency } = this.report;
    latency.diagnosticsP99Ms = percentile(this.diagnosticsMs, 0.99);
    latency.hoverP99Ms = percentile(this.hoverMs, 0.99);
    latency.codeActionP99Ms = percentile(this.codeActionMs, 0.99);
    latency.diagnosticsMaxMs = Math.max(0, ...this.diagnosticsMs);
    latency.hoverMaxMs = Math.max(0, ...this.hoverMs);
    latency.codeActionMaxMs = Math.max(0, ...this.codeActionMs);
    this.report.durationS = (Date.now() - this.started) / 1000;
    return this.report;
  }

  /** Rejects when the current server process exits: nothing waits for a dead server. */
  private exited: Promise<never> = new Promise(() => undefined);

  private async startServer(): Promise<void> {
    // Edits are analyzed after a short pause, not an editor's 200 ms: more cases per minute.
    process.env.PILLAR_CHANGE_DEBOUNCE_MS ??= '20';
    this.client = new LspClient(this.options.serverBundle);
    this.serverAlive = true;
    const client = this.client;
    this.exited = new Promise<never>((_, reject) => client.process.once('exit', () => reject(new Error('the server exited'))));
    this.exited.catch(() => undefined);
    client.process.once('exit', (code, signal) => {
      if (this.client === client && !this.stopping) {
        this.serverAlive = false;
        this.report.crashes++;
        this.options.log?.(`server exited (code ${code}, signal ${signal}); stderr: ${client.stderr.join('').slice(-2000)}`);
      }
    });
    await client.initialize(this.workspace);
  }

  private stopping = false;

  private async stopServer(): Promise<void> {
    this.stopping = true;
    if (this.serverAlive) await Promise.race([this.client.stop(), new Promise((wake) => setTimeout(wake, 5000))]);
    this.client.process.kill();
  }

  private sampleRss(): void {
    try {
      const status = readFileSync(`/proc/${this.client.process.pid}/status`, 'utf8');
      const mb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024;
      if (Number.isFinite(mb)) this.report.peakRssMb = Math.max(this.report.peakRssMb ?? 0, mb);
    } catch {
      // not Linux, or the process is gone
    }
  }

  private save(index: number, kind: string, text: string, detail: unknown): void {
    const dir = this.options.outDir;
    const name = `seed-${this.options.seed}-case-${index}-${kind}`;
    this.report.failures.push(name);
    this.options.log?.(`${kind} in case ${index}: ${JSON.stringify(detail).slice(0, 500)}`);
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.yaml`), text);
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ seed: this.options.seed, case: index, kind, detail }, null, 2));
  }

  private async runCase(index: number): Promise<void> {
    // Each case draws from its own generator: the same seed and case give the same edits, whatever the lanes.
    const random = seededRandom(this.options.seed * 1_000_003 + index);
    const source = pick(random, this.options.corpus);
    let text = source.text;
    const extension = source.name.endsWith('.json') ? 'json' : 'yaml';
    const uri = fileUri(join(this.workspace, `case-${index}.${extension}`));
    const freshUri = fileUri(join(this.workspace, `case-${index}-fresh.${extension}`));
    const client = this.client;
    if (!this.serverAlive) await this.restart();
    let version = 1;
    const history: string[] = [];
    try {
      await client.open(uri, text, extension);
      await this.published(index, uri, version, text);
      const edits = this.options.editsPerCase ?? 4;
      for (let e = 0; e < edits; e++) {
        // Now and then the server's own quick fix is the edit.
        const fixed = random() < 0.25 ? await this.quickFix(index, uri, text, random) : undefined;
        const mutation = fixed !== undefined ? { name: 'quick fix', text: fixed } : mutate(text, random, this.options.hugeEdits === true);
        history.push(mutation.name);
        text = mutation.text;
        version++;
        this.report.edits++;
        await client.change(uri, text, version);
        if (random() < 0.5) await this.hover(index, uri, text, random);
        // Some edits come faster than the debounce; others wait for their diagnostics.
        if (random() < 0.4) await this.published(index, uri, version, text);
      }
      const incremental = await this.published(index, uri, version, text);
      await this.hover(index, uri, text, random);
      await client.open(freshUri, text, extension);
      const fresh = await this.published(index, freshUri, 1, text);
      if (incremental && fresh && !incremental.some((d) => STOPPED.test(d.message)) && !fresh.some((d) => STOPPED.test(d.message))) {
        const a = incremental.map(key).sort();
        const b = fresh.map(key).sort();
        if (a.join('\n') !== b.join('\n')) {
          this.report.mismatches++;
          this.save(index, 'mismatch', text, { source: source.name, edits: history, incremental: a.filter((k) => !b.includes(k)), fresh: b.filter((k) => !a.includes(k)) });
        }
      }
    } catch (error) {
      if (this.serverAlive) this.options.log?.(`case ${index}: ${String(error)}`);
      else this.save(index, 'crash', text, { source: source.name, edits: history });
    } finally {
      this.report.cases++;
      if (this.serverAlive && client === this.client) {
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } }).catch(() => undefined);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: freshUri } }).catch(() => undefined);
      }
    }
  }

  private restarting: Promise<void> | undefined;

  private async restart(): Promise<void> {
    this.restarting ??= this.startServer().finally(() => (this.restarting = undefined));
    await this.restarting;
  }

  /** Waits for the diagnostics of `version` and checks their ranges; undefined on a stall. */
  private async published(index: number, uri: string, version: number, text: string): Promise<Diagnostic[] | undefined> {
    const started = performance.now();
    try {
      const diagnostics = await Promise.race([this.client.diagnostics(uri, (p) => p.version === version, this.options.stallMs ?? 30_000), this.exited]);
      this.diagnosticsMs.push(performance.now() - started);
      for (const d of diagnostics) this.validRange(index, text, d.range, { what: 'diagnostic', code: d.code });
      return diagnostics;
    } catch (error) {
      if (!this.serverAlive) throw error;
      this.report.stalls++;
      this.save(index, 'stall', text, { uri, version, error: String(error) });
      return undefined;
    }
  }

  private async hover(index: number, uri: string, text: string, random: Random): Promise<void> {
    const document = TextDocument.create(uri, 'yaml', 1, text);
    const position = document.positionAt(offset(random, text));
    const started = performance.now();
    this.report.requests++;
    const hover = (await Promise.race([this.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), this.exited])) as Hover | null;
    this.hoverMs.push(performance.now() - started);
    if (hover?.range) this.validRange(index, text, hover.range, { what: 'hover' });
  }

  /** Whether a range the server sent is valid in `text`; an invalid one is counted and its case saved. */
  private validRange(index: number, text: string, range: Range, what: Record<string, unknown>): boolean {
    const problem = rangeProblem(text, range);
    if (!problem) return true;
    this.report.invalidRanges++;
    this.save(index, 'invalid-range', text, { ...what, range, problem });
    return false;
  }

  /** Asks for the quick fixes of a random diagnostic; returns the text with one applied, checking its ranges. */
  private async quickFix(index: number, uri: string, text: string, random: Random): Promise<string | undefined> {
    const document = TextDocument.create(uri, 'yaml', 1, text);
    const range = { start: document.positionAt(offset(random, text)), end: document.positionAt(text.length) };
    const started = performance.now();
    this.report.requests++;
    const request = this.client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const actions = ((await Promise.race([request, this.exited])) ?? []) as CodeAction[];
    this.codeActionMs.push(performance.now() - started);
    if (actions.length === 0) return undefined;
    const action = pick(random, actions);
    const change = action.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
    const edits = change?.edits ?? action.edit?.changes?.[uri] ?? [];
    for (const edit of edits) if (!this.validRange(index, text, edit.range, { what: 'quick fix', title: action.title })) return undefined;
    return TextDocument.applyEdits(document, edits);
  }
}

export function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  return new Fuzzer(options).run();
}
