/**
 * One timer for the earliest moment something delayed becomes due (a retry's backoff, a run
 * enqueued for later): an idle worker sleeps until then instead of polling.
 */
export class DelayedWake {
  #next: { at: number; timer: NodeJS.Timeout } | undefined;

  constructor(
    private readonly maxDelayMs: number,
    private readonly wake: () => void,
  ) {}

  /** Wakes at `at` (at the latest `maxDelayMs` from now), unless an earlier wake is already set. */
  at(at: number): void {
    const now = Date.now();
    if (this.#next && this.#next.at <= at && this.#next.at > now) return;
    this.clear();
    const timer = setTimeout(
      () => {
        this.#next = undefined;
        this.wake();
      },
      Math.min(Math.max(0, at - now) + 1, this.maxDelayMs),
    );
    this.#next = { at, timer };
  }

  clear(): void {
    if (this.#next) clearTimeout(this.#next.timer);
    this.#next = undefined;
  }
}
