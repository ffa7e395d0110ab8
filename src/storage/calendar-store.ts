import type { Job, LogLevel, SkippedSlot } from '../domain/model.js';
import type { SlotRun } from '../domain/schedule-fidelity.js';

/** A run's log lines by level, counted over its first `limit` lines. */
export interface LogLevelCounts {
  counts: Record<LogLevel, number>;
  lines: number;
  /** The log has more lines than were counted. */
  more: boolean;
}

/** Store verbs of the calendar, schedule fidelity and run comparison (calendar-queries.ts). */
export interface CalendarStore {
  /** Active scheduled jobs, soonest `next_run_at` first, at most `limit` (the jobs_due index). */
  jobsScheduled(limit: number): Promise<Job[]>;
  /** Runs of a job fired for slots in [from, to) (what a slot shows), oldest slot first, at most `limit`. */
  runsForSlots(jobId: string, from: Date, to: Date, limit: number): Promise<SlotRun[]>;
  /** Skipped slots of a job in [from, to), oldest first, at most `limit`. */
  skippedSlotsBetween(jobId: string, from: Date, to: Date, limit: number): Promise<SkippedSlot[]>;
  /** Counts a run's log lines by level, over its first `limit` lines only. */
  logLevelCounts(runId: number, limit: number): Promise<LogLevelCounts>;
}
