import type { Logger } from 'pino';
import type { Store } from '../storage/store.js';
import { silentLogger } from './silent-logger.js';
import type { Service } from './service.js';
import { WORKER_DEAD_AFTER_MS, WORKER_KEEP_ENDED_MS } from '../domain/worker-presence.js';

/** Worker rows are swept (dead ones marked, old ones pruned) once a minute: 2 statements. */
const WORKER_SWEEP_MS = 60_000;

export interface MaintenanceOptions {
  /** A running run whose worker has not renewed its lease for this long is rescued (default 30 s). */
  leaseMs?: number;
  /** How often to look (default 5 s). */
  intervalMs?: number;
  logger?: Logger;
}

/**
 * Rescues runs of workers that died (crash, kill -9, lost machine): any number of processes may
 * run this, as each rescue is one guarded UPDATE. Also indexes new log lines' words and sweeps
 * the workers' rows.
 */
export class Maintenance implements Service {
  readonly #store: Store;
  readonly #leaseMs: number;
  readonly #intervalMs: number;
  readonly #log: Logger;
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<void> = Promise.resolve();
  #lastWorkerSweep = 0;

  constructor(store: Store, options: MaintenanceOptions = {}) {
    this.#store = store;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#intervalMs = options.intervalMs ?? 5000;
    this.#log = (options.logger ?? silentLogger).child({ service: 'maintenance' });
  }

  async start(): Promise<void> {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.#sweeping = this.#sweeping.then(async () => {
        await this.rescue();
        await this.indexLogWords();
        if (Date.now() - this.#lastWorkerSweep >= WORKER_SWEEP_MS) await this.sweepWorkers();
      });
    }, this.#intervalMs);
    await this.rescue();
    await this.indexLogWords();
    await this.sweepWorkers();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#sweeping;
  }

  /** One sweep; returns how many runs were rescued. */
  async rescue(): Promise<number> {
    try {
      const rescued = await this.#store.runsRescue(this.#leaseMs);
      for (const run of rescued) this.#log.warn({ run: run.id, status: run.status }, run.message ?? 'rescued');
      return rescued.length;
    } catch (error) {
      this.#log.error({ err: error }, 'rescue failed');
      return 0;
    }
  }

  /**
   * Moves the log lines stored since the last sweep into the word index (migration 0025): the
   * writers of logs only note them, and a search matches them directly until then.
   */
  async indexLogWords(): Promise<void> {
    try {
      await this.#store.logWordsIndex();
    } catch (error) {
      this.#log.error({ err: error }, 'log word indexing failed');
    }
  }

  /** Marks workers silent for 30 s as died and prunes those ended over a day ago (100 at a time). */
  async sweepWorkers(): Promise<void> {
    this.#lastWorkerSweep = Date.now();
    try {
      const { died } = await this.#store.workersSweep({
        deadAfterMs: WORKER_DEAD_AFTER_MS,
        keepEndedMs: WORKER_KEEP_ENDED_MS,
        limit: 100,
      });
      if (died) this.#log.warn({ workers: died }, 'workers died (no heartbeat)');
    } catch (error) {
      this.#log.error({ err: error }, 'worker sweep failed');
    }
  }
}
