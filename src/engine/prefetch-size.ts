/**
 * The largest claim buffer: each claim and each completion batch is a round trip and a commit, so
 * short tasks need batches much larger than the concurrency (60,000 no-op runs at concurrency 10
 * on PostgreSQL, quiet machine: about 20,000 runs/s with a buffer of 100, 24,000-26,000 with 300
 * or 500). A hundred per slot, at most 1,000: with 500, a claim of half the buffer (250 runs)
 * took longer than the 250 runs left to start, and the buffer ran dry for a third of a 20,000-run
 * drain (docs/performance.md, "PostgreSQL drain, wave 2 session 4"); 1,000 is still about 50 ms
 * of runs at 20,000 runs/s. The buffer shrinks to the concurrency for long tasks (see
 * PrefetchSize), and unstarted runs go back after the worker's `prefetchTtlMs`.
 */
function defaultPrefetch(concurrency: number): number {
  return Math.min(1000, Math.max(20, concurrency * 100));
}

/**
 * A worker's claim buffer size: fixed when configured, else about 50 ms of runs at the pace they
 * have been starting (no-op runs: the maximum; one-second runs: the concurrency), so short runs
 * get large claim batches and long runs are not hoarded away from other workers.
 */
export class PrefetchSize {
  readonly #max: number;
  readonly #min: number;
  readonly #adaptive: boolean;
  /** Smoothed time between two run starts (ms). */
  #startGapMs = 0;
  #lastStartAt = 0;
  readonly #clock: () => number;

  /** `clock` (milliseconds, monotonic) is for tests. */
  constructor(concurrency: number, fixed: number | undefined, clock: () => number = () => performance.now()) {
    this.#max = fixed ?? defaultPrefetch(concurrency);
    this.#min = concurrency;
    this.#adaptive = fixed === undefined;
    this.#clock = clock;
  }

  get max(): number {
    return this.#max;
  }

  runStarted(): void {
    const now = this.#clock();
    if (this.#lastStartAt) this.#startGapMs = 0.9 * this.#startGapMs + 0.1 * (now - this.#lastStartAt);
    this.#lastStartAt = now;
  }

  now(): number {
    if (!this.#adaptive || this.#startGapMs === 0) return this.#max;
    return Math.min(this.#max, Math.max(this.#min, Math.ceil(50 / this.#startGapMs)));
  }
}
