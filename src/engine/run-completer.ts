import type { Run } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';
import type { RunOutcome, Store } from '../storage/store.js';
import { CompletionBatcher } from './completion-batcher.js';
import { retrying } from './retrying.js';
import { isDatabaseUnavailable } from '../storage/unavailable.js';

/** An outcome decided by the worker itself rather than by the task (no result, no counters). */
export function workerOutcome(run: Run, workerId: string, status: RunStatus, message: string): RunOutcome {
  return { id: run.id, workerId, attempt: run.attempt, status, message, result: null, progress: {} };
}

/**
 * Records final states: batched, retried while the database is away, and reconciled with a stop
 * that arrived after the task ended (the stop wins).
 */
export class RunCompleter {
  readonly #store: Store;
  readonly #batcher: CompletionBatcher;
  readonly #onError: (error: unknown) => void;

  constructor(store: Store, onError: (error: unknown) => void) {
    this.#store = store;
    this.#batcher = new CompletionBatcher(store);
    this.#onError = onError;
  }

  /**
   * Writes with backoff: for as long as the database is unreachable (an outage keeps the outcome
   * in memory until it is back), a dozen times for any other error.
   */
  async #persist<T>(write: () => Promise<T>, firstError?: { error: unknown }): Promise<T> {
    let otherFailures = 0;
    const retryable = (error: unknown) => (isDatabaseUnavailable(error) ? true : ++otherFailures < 12);
    if (firstError) {
      // The caller's own first try failed: the same rules from there.
      if (!retryable(firstError.error)) throw firstError.error;
      this.#onError(firstError.error);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return retrying(write, this.#onError, Number.POSITIVE_INFINITY, retryable);
  }

  /** The outcome as recorded, or undefined when the run is no longer held by this worker. */
  async complete(outcome: RunOutcome): Promise<RunOutcome | undefined> {
    const { retryAt } = outcome;
    if (retryAt) {
      // Another attempt: the run goes back to the queue (reported as QUEUED) instead of ending.
      if (await this.#persist(() => this.#store.runRetry(outcome, retryAt))) {
        return { ...outcome, status: 'QUEUED' };
      }
    } else {
      // The first try without the retry machinery: it nearly always succeeds, for every run.
      let applied: boolean;
      try {
        applied = await this.#batcher.finish(outcome);
      } catch (error) {
        applied = await this.#persist(() => this.#batcher.finish(outcome), { error });
      }
      if (applied) return outcome;
    }
    const current = await this.#store.runGet(outcome.id);
    if (
      current?.status !== 'CANCELLING' ||
      current.workerId !== outcome.workerId ||
      current.attempt !== outcome.attempt
    ) {
      return undefined;
    }
    const cancelled: RunOutcome = {
      ...outcome,
      status: 'CANCELLED',
      message: outcome.message ?? 'Stopped on request.',
    };
    return (await this.#batcher.finish(cancelled)) ? cancelled : undefined;
  }
}
