import type { Logger } from 'pino';
import type { Store } from '../storage/store.js';
import { silentLogger } from './silent-logger.js';
import type { Service } from './service.js';
import { WORKER_DEAD_AFTER_MS, WORKER_KEEP_ENDED_MS } from '../domain/worker-presence.js';

/** Worker rows are swept (dead ones marked, old ones pruned) once a minute: 2 statements. */
const WORKER_SWEEP_MS = 60_000;
/**
 * With no run announced for this long, the sweep runs every `idleIntervalMs` instead: an idle
 * system then makes few transactions (serverless PostgreSQL bills a busy connection).
 */
const ACTIVE_WINDOW_MS = 120_000;
const IDLE_INTERVAL_MS = 30_000;

export interface MaintenanceOptions {
  /** A running run whose worker has not renewed its lease for this long is rescued (default 30 s). */
  leaseMs?: number;
  /** How often to look while runs are announced (default 5 s). */
  intervalMs?: number;
  /**
   * How often to look when no run was announced for two minutes (default 30 s, never below
   * `intervalMs`). A worker that dies holding a run that announced nothing for that long (a long
   * run without progress, on PostgreSQL) has it rescued up to this much later than its lease.
   */
  idleIntervalMs?: number;
  /** How long after a run was announced the sweep keeps `intervalMs` (default 2 minutes). */
  activeWindowMs?: number;
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
  readonly #idleIntervalMs: number;
  readonly #activeWindowMs: number;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #sweeping: Promise<void> = Promise.resolve();
  #lastWorkerSweep = 0;
  #lastRescue = 0;
  #lastIndexing = 0;
  /** When a run was last announced (queued, changed, progress, stop, another SQLite process's write). */
  #lastActivity = 0;
  /** Counts announcements, so that indexing knows whether lines may have come during its pass. */
  #announcements = 0;
  #wordsPending = true;

  constructor(store: Store, options: MaintenanceOptions = {}) {
    this.#store = store;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#intervalMs = options.intervalMs ?? 5000;
    this.#activeWindowMs = options.activeWindowMs ?? ACTIVE_WINDOW_MS;
    this.#idleIntervalMs = Math.max(this.#intervalMs, options.idleIntervalMs ?? IDLE_INTERVAL_MS);
    this.#log = (options.logger ?? silentLogger).child({ service: 'maintenance' });
  }

  async start(): Promise<void> {
    if (this.#timer) return;
    // Runs of a worker that died before this process started announce nothing: look at the
    // active pace for the first two minutes too.
    this.#lastActivity = Date.now();
    this.#unsubscribe = this.#store.subscribe((event) => {
      if (event.type === 'job') return;
      this.#lastActivity = Date.now();
      this.#announcements += 1;
      this.#wordsPending = true;
    });
    this.#timer = setInterval(() => {
      this.#sweeping = this.#sweeping.then(() => this.#tick());
    }, this.#intervalMs);
    await this.rescue();
    await this.indexLogWords();
    await this.sweepWorkers();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    await this.#sweeping;
  }

  /** One timer tick: every part that is due, each at its own pace. */
  async #tick(): Promise<void> {
    const now = Date.now();
    const active = now - this.#lastActivity < this.#activeWindowMs;
    if (active || now - this.#lastRescue >= this.#idleIntervalMs) await this.rescue();
    if (this.#wordsPending || now - this.#lastIndexing >= this.#idleIntervalMs) await this.indexLogWords();
    if (now - this.#lastWorkerSweep >= WORKER_SWEEP_MS) await this.sweepWorkers();
  }

  /** One sweep; returns how many runs were rescued. */
  async rescue(): Promise<number> {
    this.#lastRescue = Date.now();
    try {
      const rescued = await this.#store.runsRescue(this.#leaseMs);
      // Rescued runs are queued again or ended: a busy time, whatever announced it.
      if (rescued.length > 0) this.#lastActivity = Date.now();
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
    this.#lastIndexing = Date.now();
    const seen = this.#announcements;
    try {
      const indexed = await this.#store.logWordsIndex();
      // Nothing left and nothing announced meanwhile: wait for the next announcement.
      if (indexed === 0 && this.#announcements === seen) this.#wordsPending = false;
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
