/**
 * How long to wait after an edit before analyzing a document again: a multiple of how long its
 * last analysis took, within bounds. A template that analyzes in 5 ms gets its diagnostics about
 * 50 ms after the last keystroke; one that takes 200 ms is analyzed once typing pauses, not on
 * every key.
 */
export class AdaptiveDebounce {
  private readonly lastMs = new Map<string, number>();

  constructor(
    readonly options: { readonly factor: number; readonly minMs: number; readonly maxMs: number } = debounceOptions(),
  ) {}

  /** Records how long an analysis of the document took. */
  record(uri: string, ms: number): void {
    this.lastMs.set(uri, ms);
  }

  /** The pause before the next analysis: the longest until one has been measured. */
  delayFor(uri: string): number {
    const { factor, minMs, maxMs } = this.options;
    const last = this.lastMs.get(uri);
    if (last === undefined) return maxMs;
    return Math.round(Math.min(maxMs, Math.max(minMs, factor * last)));
  }

  forget(uri: string): void {
    this.lastMs.delete(uri);
  }
}

/** The bounds of the pause: adaptive, or fixed by PILLAR_CHANGE_DEBOUNCE_MS (the fuzzer shortens it). */
export function debounceOptions(env: NodeJS.ProcessEnv = process.env): AdaptiveDebounce['options'] {
  const fixed = Number(env.PILLAR_CHANGE_DEBOUNCE_MS);
  return env.PILLAR_CHANGE_DEBOUNCE_MS !== undefined && Number.isFinite(fixed) ? { factor: 0, minMs: fixed, maxMs: fixed } : { factor: 4, minMs: 50, maxMs: 1000 };
}
