import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { planFiring, type PlanOptions } from '../domain/fire-plan.js';
import type { TaskRegistry } from '../domain/task-registry.js';
import type { FireResult, Store } from '../storage/store.js';
import { silentLogger } from './silent-logger.js';

export interface SchedulerOptions extends PlanOptions {
  /** Jobs fired per transaction (default 50). */
  batchSize?: number;
  /** Longest sleep between checks when nothing is announced (default 60 s: saved jobs and other
   * processes' writes are announced, and it sleeps exactly until the next due job anyway). */
  maxSleepMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  logger?: Logger;
}

export interface SchedulerEvents {
  fired: [FireResult[]];
  error: [unknown];
}

/**
 * Fires due jobs. Sleeps until the earliest `next_run_at` and wakes early when a job is saved.
 * Any number of schedulers may run against one database: storage locks each due job for one of
 * them and the (job, slot) unique index makes a slot fire once.
 */
export class Scheduler extends EventEmitter<SchedulerEvents> {
  readonly #store: Store;
  readonly #tasks: TaskRegistry;
  readonly #opts: SchedulerOptions;
  readonly #now: () => number;
  readonly #log: Logger;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #ticking: Promise<void> | undefined;
  #again = false;

  constructor(store: Store, tasks: TaskRegistry, options: SchedulerOptions = {}) {
    super();
    this.#store = store;
    this.#tasks = tasks;
    this.#opts = options;
    this.#now = options.now ?? Date.now;
    this.#log = (options.logger ?? silentLogger).child({ service: 'scheduler' });
  }

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#unsubscribe = this.#store.subscribe((event) => {
      // Schedulers sleep until the earliest due job: a saved job may make it earlier.
      if (event.type === 'job' || event.type === 'external') this.wake();
    });
    await this.#store.listening();
    this.#log.info('scheduler started');
    this.wake();
  }

  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    clearTimeout(this.#timer);
    this.#unsubscribe?.();
    await this.#ticking;
    this.#log.info('scheduler stopped');
  }

  /** Fires what is due now and plans the next wake-up; calls during a tick run one more. */
  wake(): void {
    if (!this.#running) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    this.#ticking = this.#tick().finally(() => {
      this.#ticking = undefined;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  async #tick(): Promise<void> {
    clearTimeout(this.#timer);
    let sleepMs = this.#opts.maxSleepMs ?? 60_000;
    try {
      const fired = await this.fireDue();
      const next = await this.#store.jobsNextDue();
      // A due job we could not lock is being fired by another scheduler: look again shortly.
      const floor = fired.length === 0 ? 20 : 0;
      if (next) sleepMs = Math.min(sleepMs, Math.max(floor, next.getTime() - this.#now()));
    } catch (error) {
      this.#log.error({ err: error }, 'scheduler error');
      if (this.listenerCount('error') > 0) this.emit('error', error);
      sleepMs = Math.min(sleepMs, 1000);
    }
    if (this.#running) this.#timer = setTimeout(() => this.wake(), sleepMs);
  }

  /** Fires every job due now, in batches; returns what was done. */
  async fireDue(): Promise<FireResult[]> {
    const all: FireResult[] = [];
    const batchSize = this.#opts.batchSize ?? 50;
    for (;;) {
      const now = new Date(this.#now());
      const results = await this.#store.jobsFireDue(now, batchSize, (due) =>
        planFiring(due, now, this.#tasks, this.#opts),
      );
      all.push(...results);
      if (results.length) {
        this.#log.debug({ jobs: results.length, runs: results.reduce((n, r) => n + r.runs.length, 0) }, 'fired');
        this.emit('fired', results);
      }
      if (results.length < batchSize) return all;
    }
  }
}
