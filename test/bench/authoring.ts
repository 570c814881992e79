/**
 * The authoring part of `npm run bench`, over the language server as an editor drives it:
 * completion and hover latency in a template (median and p95 after the first request, which loads
 * the CloudFormation schema), and the time from the last keystroke of a burst of typing to the
 * diagnostics of that version, with the adaptive debounce, on the median corpus template and on a
 * generated 20,000-line one. `node dist/bench.js --authoring` runs only this part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { generateTemplate } from '../helpers/generate-template';
import { fileUri, LspClient } from '../helpers/lsp-client';
import type { CorpusFile } from './corpus';

export const AUTHORING_TARGETS = { completionMs: 20, hoverMs: 20, diagnosticsMs: 100 } as const;

/** Keystrokes per burst, and the pause between them (a quick typist). */
const BURST_KEYS = 6;
const KEY_INTERVAL_MS = 80;
const BURSTS = 12;
const REQUESTS = 40;

interface Latency {
  readonly firstMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

interface Typing {
  readonly name: string;
  readonly lines: number;
  /** Last keystroke of a burst to the diagnostics of that version. */
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Analyses published per burst of BURST_KEYS keystrokes (1: only once typing paused). */
  readonly analysesPerBurst: number;
}

export interface AuthoringBench {
  readonly template: { readonly name: string; readonly lines: number };
  readonly typeCompletion: Latency;
  readonly propertyCompletion: Latency;
  readonly hover: Latency;
  readonly typing: readonly Typing[];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The YAML corpus template of median length, with at least one resource that has properties. */
export function medianTemplate(corpus: readonly CorpusFile[]): CorpusFile {
  const candidates = corpus
    .filter((file) => /\.ya?ml$/.test(file.name) && /^Resources:/m.test(file.text) && /^ {4}Properties:\n {6}\S/m.test(file.text) && /^ {4}Type: AWS::/m.test(file.text))
    .sort((a, b) => a.text.split('\n').length - b.text.split('\n').length);
  return candidates[candidates.length >> 1];
}

async function timeRequests(request: () => Promise<unknown>): Promise<Latency> {
  let start = performance.now();
  await request();
  const firstMs = performance.now() - start;
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    start = performance.now();
    await request();
    samples.push(performance.now() - start);
  }
  return { firstMs, medianMs: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95) };
}

/** Where to type in a template: a new comment line inside the resource at the middle of the text. */
function typingPlace(text: string): number {
  const type = text.indexOf('\n    Type: ', text.length >> 1);
  return text.indexOf('\n', type + 1) + 1;
}

async function measureTyping(client: LspClient, workspace: string, name: string, text: string, version: { n: number }): Promise<Typing> {
  const uri = fileUri(join(workspace, name));
  const published: { version: number; at: number }[] = [];
  client.onPublish = (params: PublishDiagnosticsParams) => {
    if (params.uri === uri && params.version !== undefined) published.push({ version: params.version, at: performance.now() });
  };
  await client.open(uri, text, 'yaml', ++version.n);
  await client.diagnostics(uri, (params) => params.version === version.n, 120_000);
  const at = typingPlace(text);
  let typed = '    # ';
  let current = text;
  const latencies: number[] = [];
  let analyses = 0;
  for (let burst = 0; burst < BURSTS; burst++) {
    const first = version.n + 1;
    let lastKey = 0;
    for (let key = 0; key < BURST_KEYS; key++) {
      typed += String.fromCharCode(97 + ((burst * BURST_KEYS + key) % 26));
      current = `${text.slice(0, at)}${typed}\n${text.slice(at)}`;
      lastKey = performance.now();
      await client.change(uri, current, ++version.n);
      if (key < BURST_KEYS - 1) await sleep(KEY_INTERVAL_MS);
    }
    const last = version.n;
    await client.diagnostics(uri, (params) => params.version === last, 120_000);
    const arrival = published.find((p) => p.version === last)!;
    latencies.push(arrival.at - lastKey);
    analyses += published.filter((p) => p.version >= first && p.version <= last).length;
    // A pause between bursts, as a typist reads what they wrote.
    await sleep(300);
  }
  client.onPublish = undefined;
  return { name, lines: text.split('\n').length, medianMs: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95), analysesPerBurst: analyses / BURSTS };
}

export async function measureAuthoring(corpus: readonly CorpusFile[] | undefined, serverBundle = resolve(__dirname, 'server.js')): Promise<AuthoringBench | string> {
  if (!corpus) return 'no corpus';
  const template = medianTemplate(corpus);
  if (!template) return 'no YAML template with properties in the corpus';
  const workspace = mkdtempSync(join(tmpdir(), 'pillar-authoring-'));
  const client = new LspClient(serverBundle);
  try {
    // As VS Code does: a list's items share its default edit range.
    await client.initialize(workspace, { completionItemDefaults: true });
    const version = { n: 0 };
    // Completion and hover on the median template, with a half-written property and a half-written type.
    const propertiesAt = template.text.search(/^ {4}Properties:\n/m) + '    Properties:\n'.length;
    const text = `${template.text.slice(0, propertiesAt)}      Ver\n${template.text.slice(propertiesAt)}`;
    const uri = fileUri(join(workspace, 'completion.yaml'));
    await client.open(uri, text, 'yaml', ++version.n);
    await client.diagnostics(uri, (params) => params.version === version.n, 120_000);
    const position = (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    const request = (method: string, offset: number) => () => client.connection.sendRequest(method, { textDocument: { uri }, position: position(offset), context: { triggerKind: 1 } });
    const answered = (list: unknown) => {
      if (!list || (list as { items: unknown[] }).items.length === 0) throw new Error('The benchmark asked for completion where there is none.');
    };
    const propertyCompletion = await timeRequests(async () => answered(await request('textDocument/completion', propertiesAt + '      Ver'.length)()));
    // A resource's type (parameters have types like AWS::EC2::VPC::Id too).
    const resources = text.search(/^Resources:/m);
    const typeValue = text.indexOf('\n    Type: AWS::', resources) + '\n    Type: AWS::'.length;
    const typeCompletion = await timeRequests(async () => answered(await request('textDocument/completion', typeValue)()));
    const hover = await timeRequests(async () => {
      if (!(await request('textDocument/hover', typeValue + 2)())) throw new Error('The benchmark asked for hover where there is none.');
    });
    const typing = [
      await measureTyping(client, workspace, 'median.yaml', template.text, version),
      await measureTyping(client, workspace, 'generated-20k.yaml', generateTemplate({ lines: 20_000 }), version),
    ];
    return { template: { name: template.name, lines: template.text.split('\n').length }, typeCompletion, propertyCompletion, hover, typing };
  } finally {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

export function printAuthoring(result: AuthoringBench | string): void {
  if (typeof result === 'string') {
    console.log(`authoring: not measured (${result})`);
    return;
  }
  const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
  const latency = (name: string, l: Latency, target: number) =>
    console.log(`  ${name.padEnd(22)} first ${l.firstMs.toFixed(1).padStart(7)} ms, then median ${l.medianMs.toFixed(1)} ms, p95 ${l.p95Ms.toFixed(1)} ms (target ≤ ${target} ms: ${verdict(l.p95Ms <= target)})`);
  console.log(`authoring over the language server, on ${result.template.name} (${result.template.lines} lines, the median YAML corpus template):`);
  latency('property completion', result.propertyCompletion, AUTHORING_TARGETS.completionMs);
  latency('resource type completion', result.typeCompletion, AUTHORING_TARGETS.completionMs);
  latency('resource type hover', result.hover, AUTHORING_TARGETS.hoverMs);
  console.log(`  last keystroke to diagnostics (bursts of ${BURST_KEYS} keys ${KEY_INTERVAL_MS} ms apart, adaptive debounce):`);
  for (const t of result.typing) {
    const target = t.name.startsWith('median') ? ` (target ≤ ${AUTHORING_TARGETS.diagnosticsMs} ms: ${verdict(t.medianMs <= AUTHORING_TARGETS.diagnosticsMs)})` : '';
    console.log(`  ${`${t.name} (${t.lines} lines)`.padEnd(34)} median ${t.medianMs.toFixed(0)} ms, p95 ${t.p95Ms.toFixed(0)} ms; ${t.analysesPerBurst.toFixed(1)} analyses per burst${target}`);
  }
}
