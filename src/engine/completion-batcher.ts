import type { RunOutcome, Store } from '../storage/store.js';

interface Pending {
  outcome: RunOutcome;
  resolve(applied: boolean): void;
  reject(error: unknown): void;
}

/**
 * Writes final states of many runs in one statement: outcomes that arrive while a write is in
 * flight wait for it and go together in the next one.
 */
export class CompletionBatcher {
  readonly #store: Store;
  readonly #maxBatch: number;
  #pending: Pending[] = [];
  #flushing = false;

  constructor(store: Store, maxBatch = 200) {
    this.#store = store;
    this.#maxBatch = maxBatch;
  }

  /** Resolves true when the final state was stored, false when the run was no longer ours. */
  finish(outcome: RunOutcome): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ outcome, resolve, reject });
      if (!this.#flushing) {
        this.#flushing = true;
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    while (this.#pending.length) {
      const batch = this.#pending.splice(0, this.#maxBatch);
      try {
        const applied = new Set(await this.#store.runsFinish(batch.map((p) => p.outcome)));
        for (const item of batch) item.resolve(applied.has(item.outcome.id));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        // One outcome the database refuses must not sink the others: write them one by one.
        else await Promise.all(batch.map((item) => this.#writeAlone(item)));
      }
    }
    this.#flushing = false;
  }

  async #writeAlone(item: Pending): Promise<void> {
    try {
      item.resolve((await this.#store.runsFinish([item.outcome])).includes(item.outcome.id));
    } catch (error) {
      item.reject(error);
    }
  }
}
