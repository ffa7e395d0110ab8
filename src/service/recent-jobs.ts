import type { Job } from '../domain/model.js';

/**
 * Jobs the run service read lately, so that the next run of one is prepared without reading the
 * job again: one round trip fewer before the enqueue. Never trusted on its own: the insert
 * happens only while the job still has the values the run was prepared from (run-creation.ts).
 */
export class RecentJobs {
  readonly #jobs = new Map<string, Job>();
  readonly #max: number;

  constructor(max = 1000) {
    this.#max = max;
  }

  get(id: string): Job | undefined {
    return this.#jobs.get(id);
  }

  remember(job: Job): void {
    this.#jobs.delete(job.id);
    this.#jobs.set(job.id, job);
    // The least recently remembered goes first (a Map iterates in insertion order).
    if (this.#jobs.size > this.#max) this.#jobs.delete(this.#jobs.keys().next().value!);
  }

  forget(id: string): void {
    this.#jobs.delete(id);
  }
}
