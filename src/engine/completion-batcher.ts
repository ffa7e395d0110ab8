import type { RunOutcome, Store } from '../storage/store.js';

interface Pending {
  outcome: RunOutcome;
  resolve(applied: boolean): void;
  reject(error: unknown): void;
}

export interface CompletionBatcherOptions {
  /**
   * Outcomes per statement (default 400: a 20,000-run drain in 50 statements rather than 100,
   * each a round trip, a commit and a statement trigger; the `changed` announcement still
   * carries the ids, up to 500).
   */
  maxBatch?: number;
  /** Statements in flight at once (default 2). */
  maxInFlight?: number;
}

/**
 * Writes final states of many runs in one statement: outcomes that arrive while a write is in
 * flight wait and go together in the next one.
 *
 * A second statement may be sent while the first is in flight, once half a batch is waiting: the
 * database then executes one batch while the round trip, commit and the worker's own work of the
 * other go on, so both cores stay busy (measured in docs/performance.md, "PostgreSQL drain, wave 2
 * session 4"). Below half a batch the outcomes wait for the write in flight, so batches stay large
 * when the database keeps up. Batches in flight hold disjoint runs (an outcome is in one batch
 * until it settles, and the completer sends a run's next outcome only after that), so their order
 * does not matter: each run's final state is still one guarded UPDATE.
 */
export class CompletionBatcher {
  readonly #store: Store;
  readonly #maxBatch: number;
  readonly #maxInFlight: number;
  #pending: Pending[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(store: Store, { maxBatch = 400, maxInFlight = 2 }: CompletionBatcherOptions = {}) {
    this.#store = store;
    this.#maxBatch = maxBatch;
    this.#maxInFlight = maxInFlight;
  }

  /** Resolves true when the final state was stored, false when the run was no longer ours. */
  finish(outcome: RunOutcome): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ outcome, resolve, reject });
      this.#schedule();
    });
  }

  /** Whether another statement should go now: none in flight, or a backlog worth a second one. */
  #ready(): boolean {
    if (this.#pending.length === 0 || this.#inFlight >= this.#maxInFlight) return false;
    return this.#inFlight === 0 || this.#pending.length >= this.#maxBatch / 2;
  }

  #schedule(): void {
    if (this.#scheduled || !this.#ready()) return;
    this.#scheduled = true;
    // After the current turn: outcomes of runs ending in the same turn share the statement.
    setImmediate(() => {
      this.#scheduled = false;
      while (this.#ready()) void this.#write(this.#pending.splice(0, this.#maxBatch));
    });
  }

  async #write(batch: Pending[]): Promise<void> {
    this.#inFlight += 1;
    try {
      const applied = new Set(await this.#store.runsFinish(batch.map((p) => p.outcome)));
      for (const item of batch) item.resolve(applied.has(item.outcome.id));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      // One outcome the database refuses must not sink the others: write them one by one.
      else await Promise.all(batch.map((item) => this.#writeAlone(item)));
    } finally {
      this.#inFlight -= 1;
      this.#schedule();
    }
  }

  async #writeAlone(item: Pending): Promise<void> {
    try {
      item.resolve((await this.#store.runsFinish([item.outcome])).includes(item.outcome.id));
    } catch (error) {
      item.reject(error);
    }
  }
}
