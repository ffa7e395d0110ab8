import type { Job } from '../domain/model.js';
import type { Store } from '../storage/store.js';

/**
 * Jobs read by a worker, kept for a moment: many runs of one job start close together, and the
 * job's fields a task sees need not be fresher than that.
 */
export class JobCache {
  readonly #store: Store;
  readonly #ttlMs: number;
  readonly #entries = new Map<string, { job: Promise<Job | undefined>; until: number }>();

  constructor(store: Store, ttlMs = 2000) {
    this.#store = store;
    this.#ttlMs = ttlMs;
  }

  get(id: string): Promise<Job | undefined> {
    const now = Date.now();
    const entry = this.#entries.get(id);
    if (entry && entry.until > now) return entry.job;
    if (this.#entries.size > 1000) this.#entries.clear();
    const job = this.#store.jobGet(id);
    this.#entries.set(id, { job, until: now + this.#ttlMs });
    job.catch(() => this.#entries.delete(id));
    return job;
  }
}
