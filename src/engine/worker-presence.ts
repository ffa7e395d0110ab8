import { createRequire } from 'node:module';
import os from 'node:os';
import { WORKER_BEAT_MS } from '../domain/worker-presence.js';
import type { Store } from '../storage/store.js';
import type { WorkerRegistration } from '../storage/worker-store.js';

/** Jobdeck's version, from the package (src/engine and dist/engine are both two levels down). */
const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export interface PresenceOptions {
  id: string;
  queues: string[];
  concurrency: number;
  /** How often the row is renewed (default 10 s); beats ride on the worker's lease timer. */
  intervalMs?: number | undefined;
}

/**
 * A worker process's row in `workers`: registered at start, renewed on the worker's heartbeat
 * timer at most every `intervalMs` (one upsert, whether the worker is busy or idle), ended at a
 * clean stop. Errors go to `onError` and never stop the worker: the next beat tries again.
 */
export class WorkerPresence {
  readonly #store: Store;
  readonly #row: Omit<WorkerRegistration, 'busy' | 'startedAt'>;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  #startedAt = new Date();
  #lastBeat = 0;
  /** Set by end(): a heartbeat still in flight then must not bring the row back to life. */
  #ended = false;
  #beating: Promise<void> = Promise.resolve();

  constructor(store: Store, options: PresenceOptions, onError: (error: unknown) => void) {
    this.#store = store;
    this.#row = {
      id: options.id,
      host: os.hostname(),
      pid: process.pid,
      version: VERSION,
      queues: options.queues,
      concurrency: options.concurrency,
    };
    this.#intervalMs = options.intervalMs ?? WORKER_BEAT_MS;
    this.#onError = onError;
  }

  /** How often the row is renewed. */
  get intervalMs(): number {
    return this.#intervalMs;
  }

  async register(): Promise<void> {
    this.#startedAt = new Date();
    this.#ended = false;
    await this.beat(0);
  }

  /**
   * Called on every tick of the worker's lease timer (every `tickMs`): beats once `intervalMs`
   * has nearly passed, so the row's interval is the first multiple of the tick reaching it.
   */
  async tick(busy: number, tickMs: number): Promise<void> {
    if (Date.now() - this.#lastBeat >= this.#intervalMs - tickMs / 2) await this.beat(busy);
  }

  beat(busy: number): Promise<void> {
    if (this.#ended) return Promise.resolve();
    this.#lastBeat = Date.now();
    this.#beating = this.#store
      .workerBeat({ ...this.#row, startedAt: this.#startedAt, busy })
      .catch((error: unknown) => this.#onError(error));
    return this.#beating;
  }

  async end(): Promise<void> {
    this.#ended = true;
    await this.#beating;
    try {
      await this.#store.workerEnd(this.#row.id);
    } catch (error) {
      this.#onError(error);
    }
  }
}
