import type { Logger } from 'pino';
import type { Store } from '../storage/store.js';
import { silentLogger } from './silent-logger.js';
import type { Service } from './service.js';

export interface MaintenanceOptions {
  /** A running run whose worker has not renewed its lease for this long is rescued (default 30 s). */
  leaseMs?: number;
  /** How often to look (default 5 s). */
  intervalMs?: number;
  logger?: Logger;
}

/**
 * Rescues runs of workers that died (crash, kill -9, lost machine): any number of processes may
 * run this, as each rescue is one guarded UPDATE.
 */
export class Maintenance implements Service {
  readonly #store: Store;
  readonly #leaseMs: number;
  readonly #intervalMs: number;
  readonly #log: Logger;
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<void> = Promise.resolve();

  constructor(store: Store, options: MaintenanceOptions = {}) {
    this.#store = store;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#intervalMs = options.intervalMs ?? 5000;
    this.#log = (options.logger ?? silentLogger).child({ service: 'maintenance' });
  }

  async start(): Promise<void> {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.#sweeping = this.#sweeping.then(() => this.rescue().then(() => undefined));
    }, this.#intervalMs);
    await this.rescue();
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
}
