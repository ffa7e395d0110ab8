import type { RunProgress } from '../domain/model.js';
import type { Store } from '../storage/store.js';

interface Slot {
  latest: Partial<RunProgress>;
  timer: NodeJS.Timeout | undefined;
  writing: Promise<void>;
}

/**
 * Stores progress counters at most every `intervalMs` per run, always the latest values: a task
 * may report on every record without one write each.
 */
export class ProgressThrottle {
  readonly #store: Store;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #slots = new Map<number, Slot>();

  constructor(store: Store, options: { intervalMs?: number; onError?: (error: unknown) => void } = {}) {
    this.#store = store;
    this.#intervalMs = options.intervalMs ?? 250;
    this.#onError = options.onError ?? (() => undefined);
  }

  report(runId: number, progress: Partial<RunProgress>): void {
    let slot = this.#slots.get(runId);
    if (!slot) {
      slot = { latest: progress, timer: undefined, writing: Promise.resolve() };
      this.#slots.set(runId, slot);
    }
    slot.latest = progress;
    const current = slot;
    current.timer ??= setTimeout(() => {
      current.timer = undefined;
      const latest = current.latest;
      current.writing = current.writing.then(() => this.#store.runProgress(runId, latest)).catch(this.#onError);
    }, this.#intervalMs);
  }

  /**
   * Drops pending writes for a run that ends (its final counters go with the final state); the
   * promise settles when a write already started is done.
   */
  forget(runId: number): Promise<void> {
    const slot = this.#slots.get(runId);
    if (!slot) return Promise.resolve();
    clearTimeout(slot.timer);
    this.#slots.delete(runId);
    return slot.writing;
  }
}
