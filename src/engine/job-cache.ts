import type { Job } from '../domain/model.js';
import type { Store } from '../storage/store.js';

interface Entry {
  job: Promise<Job | undefined>;
  until: number;
  /** The job once read. */
  value?: Job | undefined;
  /** A read that will replace this entry is under way. */
  renewing?: boolean;
}

/**
 * Jobs read by a worker, kept for a moment: many runs of one job start close together, and the
 * job's fields a task sees need not be fresher than that. A job still in use past half its time
 * is read again in the background, so it does not expire in front of a run (which would wait a
 * round trip before its task starts: the enqueue → start latency's tail).
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
    const now = Date.now();
    const entry = this.#entries.get(id);
    if (!entry || entry.until <= now) return undefined;
    this.#renewSoon(id, entry, now);
    return entry.value;
  }

  get(id: string): Promise<Job | undefined> {
    const now = Date.now();
    const entry = this.#entries.get(id);
    if (entry && entry.until > now) {
      this.#renewSoon(id, entry, now);
      return entry.job;
    }
    if (this.#entries.size > 1000) this.#entries.clear();
    return this.#read(id, now).job;
  }

  #read(id: string, now: number): Entry {
    const job = this.#store.jobGet(id);
    const fresh: Entry = { job, until: now + this.#ttlMs };
    this.#entries.set(id, fresh);
    job.then(
      (value) => (fresh.value = value),
      () => this.#entries.delete(id),
    );
    return fresh;
  }

  /** Past half its time, an entry in use is read again; it serves until the new one has its job. */
  #renewSoon(id: string, entry: Entry, now: number): void {
    if (entry.renewing || entry.value === undefined || entry.until - now > this.#ttlMs / 2) return;
    entry.renewing = true;
    const job = this.#store.jobGet(id);
    job.then(
      (value) => {
        if (this.#entries.get(id) === entry) this.#entries.set(id, { job, until: now + this.#ttlMs, value });
      },
      // The entry stays until it expires; the next use after that reads (and reports) again.
      () => undefined,
    );
  }
}
