import type { Job, Run, SkippedSlot } from '../domain/model.js';
import type { Page } from './page.js';
import type { NewRun } from './run-store.js';

/** A job whose next slot is due, with what the scheduler needs to decide about it. */
export interface DueJob {
  job: Job;
  /** Top-level runs of the job that are QUEUED, and RUNNING, CANCELLING or WAITING (a family counts once). */
  queuedRuns: number;
  runningRuns: number;
  lastSuccessStartedAt: Date | null;
}

/** What firing a due job does, decided by the scheduler. */
export interface FirePlan {
  runs: NewRun[];
  skips: { scheduledFor: Date; reason: string }[];
  nextRunAt: Date | null;
}

export interface FireResult {
  jobId: string;
  runs: Run[];
  skipped: number;
}

/** The scheduler's verbs: firing due jobs, and the slots it skipped. */
export interface ScheduleStore {
  /**
   * In one write transaction: locks up to `limit` active jobs due at `now` (skipping those
   * another scheduler holds), asks `plan` what to do with each, inserts its runs (at most one
   * per job and slot) and skipped slots, and moves `next_run_at` on.
   */
  jobsFireDue(now: Date, limit: number, plan: (due: DueJob) => FirePlan): Promise<FireResult[]>;
  /** The earliest `next_run_at` of an active job. */
  jobsNextDue(): Promise<Date | null>;
  skippedSlotList(jobId: string, limit: number, offset: number): Promise<Page<SkippedSlot>>;
}
