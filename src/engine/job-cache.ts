import type { Job } from '../domain/model.js';
import type { Store } from '../storage/store.js';

interface Entry {
  job: Promise<Job | undefined>;
  until: number;
  /** The job once read. */
  value?: Job | undefined;
}

/**
 * Jobs read by a worker, kept for a moment: many runs of one job start close together, and the
 * job's fields a task sees need not be fresher than that.
 */
export class JobCache {
  readonly #store: Store;
  readonly #ttlMs: number;
  readonly #entries = new Map<string, Entry>();

  constructor(store: Store, ttlMs = 2000) {
    this.#store = store;
    this.#ttlMs = ttlMs;
  }

  /** The job if it is cached, fresh and already read: callers then need not wait at all. */
  peek(id: string): Job | undefined {
    const entry = this.#entries.get(id);
    return entry && entry.until > Date.now() ? entry.value : undefined;
  }

  get(id: string): Promise<Job | undefined> {
    const now = Date.now();
    const entry = this.#entries.get(id);
    if (entry && entry.until > now) return entry.job;
    if (this.#entries.size > 1000) this.#entries.clear();
    const job = this.#store.jobGet(id);
    const fresh: Entry = { job, until: now + this.#ttlMs };
    this.#entries.set(id, fresh);
    job.then(
      (value) => (fresh.value = value),
      () => this.#entries.delete(id),
    );
    return job;
  }
}
