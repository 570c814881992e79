import { Worker } from 'node:worker_threads';
import type { DocumentKind, Finding } from '../engine/api';
import type { ResolvedConfig } from '../engine/config';

export interface AnalysisRequest {
  readonly type: 'analyze';
  readonly id: number;
  /** The open document's URI, whose previous analysis the worker keeps; none for one-off analyses. */
  readonly uri: string | undefined;
  readonly text: string;
  readonly file: string;
  readonly config: ResolvedConfig;
}

export type WorkerMessage = AnalysisRequest | { readonly type: 'forget'; readonly uri: string };

export type AnalysisResponse =
  | {
      readonly id: number;
      readonly kind: DocumentKind;
      readonly findings: readonly Finding[];
      readonly ruleErrors: readonly { readonly ruleId: string; readonly error: string }[];
      readonly hasPolicies: boolean;
      readonly catalogError: string | undefined;
      readonly elapsedMs: number;
      readonly error?: undefined;
    }
  | { readonly id: number; readonly error: string; readonly elapsedMs: number };

export type Outcome =
  | { readonly status: 'done'; readonly response: Extract<AnalysisResponse, { kind: DocumentKind }> }
  | { readonly status: 'cancelled' }
  /** Over the time budget, out of memory, or the worker died: the worker was ended. */
  | { readonly status: 'stopped'; readonly reason: 'time' | 'memory' | 'crash'; readonly detail: string };

/** Texts above this size (characters) are analyzed one at a time, so that two never fill two heaps. */
const LARGE_TEXT = 512 * 1024;
/** An analysis running this long is slow: the documents queued behind it get another worker. */
const SLOW_MS = 300;

export interface PoolOptions {
  /** Workers kept running. */
  readonly size: number;
  /** Workers started when every one is busy and a request waits (a hover on a document not yet analyzed). */
  readonly maxSize: number;
  /** An analysis running longer is stopped (its worker ended). */
  readonly timeBudgetMs: number;
  /** Heap of each worker; over it, the worker dies and the analysis is stopped. */
  readonly workerHeapMb: number;
}

interface Job {
  readonly request: Omit<AnalysisRequest, 'id' | 'type'>;
  readonly priority: boolean;
  readonly resolve: (outcome: Outcome) => void;
}

interface Slot {
  readonly worker: Worker;
  job: (Job & { readonly id: number; readonly started: number; readonly timer: NodeJS.Timeout }) | undefined;
  /** URIs whose previous analysis this worker holds. */
  readonly holds: Set<string>;
  ended: boolean;
}

/**
 * Runs analyses in worker threads: each job in one worker at a time, a document's next analysis
 * preferably in the worker that holds its previous one (incremental re-parse). Jobs for a URI can
 * be cancelled: queued ones are dropped, a running one ends its worker, which is replaced.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly workerFile: string,
    private readonly options: PoolOptions,
    private readonly log: (message: string) => void,
  ) {
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  analyze(request: Omit<AnalysisRequest, 'id' | 'type'>, priority = false): Promise<Outcome> {
    return new Promise((resolve) => {
      const job = { request, priority, resolve };
      if (priority) this.queue.unshift(job);
      else this.queue.push(job);
      this.pump();
    });
  }

  /** Drops the queued analyses of `uri` and stops a running one. */
  cancel(uri: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].request.uri === uri) this.queue.splice(i, 1)[0].resolve({ status: 'cancelled' });
    }
    for (const slot of this.slots) if (slot.job?.request.uri === uri) this.end(slot, { status: 'cancelled' });
  }

  /** The document closed: workers forget its previous analysis. */
  forget(uri: string): void {
    for (const slot of this.slots) {
      if (slot.holds.delete(uri)) slot.worker.postMessage({ type: 'forget', uri } satisfies WorkerMessage);
    }
  }

  /** Whether a job for `uri` is queued or running. */
  busyWith(uri: string): boolean {
    return this.queue.some((job) => job.request.uri === uri) || this.slots.some((slot) => slot.job?.request.uri === uri);
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve({ status: 'cancelled' });
    for (const slot of [...this.slots]) this.end(slot, { status: 'cancelled' });
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 } });
    const slot: Slot = { worker, job: undefined, holds: new Set(), ended: false };
    worker.unref();
    worker.on('message', (response: AnalysisResponse) => this.answer(slot, response));
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.log(`Analysis worker failed${slot.job ? ` on ${slot.job.request.file}` : ''}: ${error.message}`);
      this.end(slot, { status: 'stopped', reason: memory ? 'memory' : 'crash', detail: error.message });
    });
    worker.on('exit', () => this.end(slot, { status: 'stopped', reason: 'crash', detail: 'the analysis worker exited' }));
    this.slots.push(slot);
    return slot;
  }

  private answer(slot: Slot, response: AnalysisResponse): void {
    const job = slot.job;
    if (!job || job.id !== response.id) return;
    clearTimeout(job.timer);
    slot.job = undefined;
    if (response.error !== undefined) {
      this.log(`Analysis of ${job.request.file} failed: ${response.error}`);
      job.resolve({ status: 'stopped', reason: 'crash', detail: response.error.split('\n')[0] });
    } else job.resolve({ status: 'done', response });
    this.pump();
  }

  /** Ends a worker (its job resolves with `outcome`) and starts another in its place. */
  private end(slot: Slot, outcome: Outcome): void {
    if (slot.ended) return;
    slot.ended = true;
    if (slot.job) {
      clearTimeout(slot.job.timer);
      slot.job.resolve(outcome);
      slot.job = undefined;
    }
    void slot.worker.terminate();
    this.slots.splice(this.slots.indexOf(slot), 1);
    if (this.disposed) return;
    if (this.slots.length < this.options.size) this.spawn();
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.disposed) {
      // One large text at a time (memory); smaller ones go ahead of a large one that must wait.
      const largeRunning = this.slots.some((slot) => slot.job && slot.job.request.text.length > LARGE_TEXT);
      const index = largeRunning ? this.queue.findIndex((job) => job.request.text.length <= LARGE_TEXT) : 0;
      if (index < 0) return;
      const job = this.queue[index];
      const idle = this.slots.filter((slot) => !slot.job && !slot.ended);
      let slot = idle.find((s) => job.request.uri !== undefined && s.holds.has(job.request.uri)) ?? idle[0];
      if (!slot) {
        // A request waits on this document, or every worker is on a slow analysis: do not make
        // this document wait for another's.
        const slow = this.slots.every((s) => s.job !== undefined && Date.now() - s.job.started >= SLOW_MS);
        if ((job.priority || slow) && this.slots.length < this.options.maxSize) slot = this.spawn();
        else return;
      }
      this.queue.splice(index, 1);
      this.start(slot, job);
    }
    // Extra workers go once there is nothing left to do.
    if (this.queue.length === 0) {
      for (const slot of this.slots.filter((s) => !s.job).slice(this.options.size)) this.end(slot, { status: 'cancelled' });
    }
  }

  private start(slot: Slot, job: Job): void {
    const id = this.nextId++;
    const { uri } = job.request;
    if (uri !== undefined) {
      // Only one worker holds a document's previous analysis: the others forget theirs.
      for (const other of this.slots) if (other !== slot && other.holds.delete(uri)) other.worker.postMessage({ type: 'forget', uri } satisfies WorkerMessage);
      slot.holds.add(uri);
    }
    const timer = setTimeout(() => this.end(slot, { status: 'stopped', reason: 'time', detail: `over ${this.options.timeBudgetMs} ms` }), this.options.timeBudgetMs);
    slot.job = { ...job, id, started: Date.now(), timer };
    // Once this analysis is slow, the jobs waiting behind it may get a worker of their own.
    setTimeout(() => this.pump(), SLOW_MS).unref();
    slot.worker.postMessage({ type: 'analyze', id, ...job.request } satisfies AnalysisRequest);
  }
}
