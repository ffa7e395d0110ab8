import type { RunStatus } from './run-status.js';
import type { Schedule } from './schedule.js';
import type { HistoryAlerts } from './history-alerts.js';
import type { JobPlainSettings, MisfirePolicy, OverlapPolicy } from './job-contract.js';

export type { MisfirePolicy, OverlapPolicy };

/** A schedule slot that did not produce a run, and why. */
export interface SkippedSlot {
  jobId: string;
  scheduledFor: Date;
  reason: string;
  created: Date;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

/** A named channel runs are submitted to; configured, not stored. */
export interface Queue {
  name: string;
  title: string;
  description: string;
}

/** A webhook receiver of a job's notifications. The secret is write-only outside storage. */
export interface NotificationWebhook {
  url: string;
  secret: string | null;
}

/**
 * An administrator-made configuration of one task. The plain settings (retries, timeout, owner…)
 * come from the job contract (job-contract.ts); a job stored before one existed lacks it.
 */
export interface Job extends Partial<JobPlainSettings> {
  id: string;
  title: string;
  description: string;
  task: string;
  defaultQueue: string;
  active: boolean;
  /** Saved run arguments (the task's form). */
  args: JsonObject;
  /** When set, replaces the task arguments verbatim. */
  customArgs: JsonObject | null;
  schedule: Schedule | null;
  /** When the scheduler fires this job next; null if inactive or unscheduled. */
  nextRunAt: Date | null;
  overlapPolicy: OverlapPolicy;
  misfirePolicy: MisfirePolicy;
  /** Who is told when a run ends in one of `notificationStatuses` (sending comes with notifications). */
  notificationEmails: string[];
  notificationStatuses: RunStatus[];
  /** JSON POSTs signed with the secret, if any, on the same endings (and missed slots, long runs). */
  notificationWebhooks: NotificationWebhook[];
  /** Tell the recipients once when a run has been running longer than this (seconds); null: never. */
  notifyRunningLongerThan: number | null;
  /** Slow-run (× p95) and failure-streak alerts (domain/history-alerts.ts); null or absent: none. */
  historyAlerts?: HistoryAlerts | null;
  /** Stable name of a job declared in code or applied from a file; null for jobs made in the admin. */
  key?: string | null;
  /** Fields (wire names) the host's code sets at each start; the API refuses to change them. */
  managedFields?: string[] | null;
  created: Date;
  updated: Date;
}

export interface RunProgress {
  total: number | null;
  inserted: number | null;
  updated: number | null;
  errored: number | null;
}

/** A parent run's children: how many it created, how many ended, how many of those failed. */
interface SubRunCounts {
  total: number;
  completed: number;
  /** Ended FAILED or CANCELLED. */
  failed: number;
}

/** One execution of a job. A QUEUED run is the queue entry itself. */
export interface Run {
  id: number;
  jobId: string;
  task: string;
  title: string;
  status: RunStatus;
  queue: string;
  /** The arguments the task receives (after custom args were applied). */
  args: JsonObject;
  /** The custom args given for this run, if any (they replaced the form args). */
  customArgs: JsonObject | null;
  since: Date | null;
  startedBy: string;
  created: Date;
  availableAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
  workerId: string | null;
  message: string | null;
  /** A failed run's stack trace, kept apart from `message`: shown to admins only. */
  errorStack?: string | null;
  result: JsonValue | null;
  /** Its own counters plus, for a parent, the sums of its sub-runs' counters. */
  progress: RunProgress;
  subRuns: SubRunCounts;
  attempt: number;
  maxAttempts: number;
  parentRunId: number | null;
  /** The schedule slot this run was fired for; null for runs started by hand. */
  scheduledFor: Date | null;
  priority: number;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogLine {
  runId: number;
  seq: number;
  time: Date;
  level: LogLevel;
  message: string;
  fields: JsonObject | null;
}

export const DEFAULT_QUEUE: Queue = {
  name: 'default',
  title: 'Default',
  description: 'Runs that do not ask for a particular queue.',
};
