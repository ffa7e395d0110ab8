import type { Job, JsonObject, JsonValue, LogLine, Run, SkippedSlot } from '../domain/model.js';
import { describeSchedule } from '../domain/schedule-words.js';
import { type Schedule } from '../domain/schedule.js';
import { plainToWire, type JobPlainWire } from '../domain/job-contract.js';
import { historyAlertsToWire, type HistoryAlertsWire } from '../domain/history-alerts.js';
import type { RunAttempt } from '../storage/store.js';
import { webhooksToWire } from '../notifications/settings.js';
import type { Role } from '../domain/access.js';
import { maskSecretArgs } from '../domain/secret-args.js';
import type { AnyTask } from '../domain/task.js';
import type { RunStatus } from '../domain/run-status.js';

/**
 * Who reads, so that wire shapes hide what must not leave the server: secret arguments are shown
 * as "set" to everyone; webhook URLs whole only to admins (others see their origin).
 */
export interface WireView {
  tasks: { find(id: string): Pick<AnyTask, 'secretArgs'> | undefined };
  role: Role;
}

/**
 * The wire shapes of jobs, runs and log lines (snake_case, ISO times), shared by the CLI's
 * --json output and the HTTP API so scripts see one format.
 */
export interface JobWire extends JobPlainWire {
  id: string;
  title: string;
  description: string;
  task: string;
  default_queue: string;
  active: boolean;
  args: JsonObject;
  custom_args: JsonObject | null;
  schedule: Schedule | null;
  /** The schedule in words, e.g. "At 03:00, Monday through Friday (Europe/Zurich)". */
  schedule_description: string | null;
  next_run: string | null;
  overlap_policy: string;
  misfire_policy: string;
  notification_emails: string[];
  notification_statuses: string[];
  /** Secrets are write-only: "set" or null. URLs are shown whole to admins, by origin to others. */
  notification_webhooks: { url: string; secret: string | null }[];
  notify_running_longer_than: number | null;
  history_alerts: HistoryAlertsWire | null;
  /** Stable name of a job declared in code or applied from a file; null for jobs made in the admin. */
  key: string | null;
  /** Fields the host's code sets at each start: read-only in the API and the admin. */
  managed_fields: string[] | null;
  created: string;
  updated: string;
}

export interface RunWire {
  id: number;
  job_id: string;
  task: string;
  title: string;
  status: RunStatus;
  queue: string;
  args: JsonObject;
  custom_args: JsonObject | null;
  since: string | null;
  started_by: string;
  created: string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  message: string | null;
  result: JsonValue | null;
  total_entries: number | null;
  inserted_entries: number | null;
  updated_entries: number | null;
  errored_entries: number | null;
  attempt: number;
  max_attempts: number;
  worker_id: string | null;
  scheduled_for: string | null;
  /** How late the scheduler created the run: created − scheduled_for. */
  lateness_ms: number | null;
  /** The run that created this one (a sub-run), or null. */
  parent_run_id: number | null;
  /** Sub-runs this run created, how many of them ended, and how many of those FAILED or were CANCELLED. */
  total_subruns: number;
  completed_subruns: number;
  failed_subruns: number;
}

export interface SkippedSlotWire {
  scheduled_for: string;
  reason: string;
  created: string;
}

export function skippedSlotToWire(slot: SkippedSlot): SkippedSlotWire {
  return { scheduled_for: slot.scheduledFor.toISOString(), reason: slot.reason, created: slot.created.toISOString() };
}

export interface LogLineWire {
  seq: number;
  time: string;
  level: string;
  message: string;
  fields: JsonObject | null;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function jobToWire(job: Job, view: WireView): JobWire {
  const task = view.tasks.find(job.task);
  return {
    id: job.id,
    title: job.title,
    description: job.description,
    task: job.task,
    default_queue: job.defaultQueue,
    active: job.active,
    args: maskSecretArgs(task, job.args),
    custom_args: maskSecretArgs(task, job.customArgs),
    schedule: job.schedule,
    schedule_description: job.schedule && describeSchedule(job.schedule),
    next_run: iso(job.nextRunAt),
    overlap_policy: job.overlapPolicy,
    misfire_policy: job.misfirePolicy,
    notification_emails: job.notificationEmails,
    notification_statuses: job.notificationStatuses,
    notification_webhooks: webhooksToWire(job.notificationWebhooks, view.role),
    notify_running_longer_than: job.notifyRunningLongerThan,
    history_alerts: historyAlertsToWire(job.historyAlerts),
    ...plainToWire(job),
    key: job.key ?? null,
    managed_fields: job.managedFields ?? null,
    created: job.created.toISOString(),
    updated: job.updated.toISOString(),
  };
}

export function runDurationMs(run: Run, now = Date.now()): number | null {
  if (!run.startedAt) return null;
  return (run.finishedAt?.getTime() ?? now) - run.startedAt.getTime();
}

export function runToWire(run: Run, view: WireView): RunWire {
  const task = view.tasks.find(run.task);
  return {
    id: run.id,
    job_id: run.jobId,
    task: run.task,
    title: run.title,
    status: run.status,
    queue: run.queue,
    args: maskSecretArgs(task, run.args),
    custom_args: maskSecretArgs(task, run.customArgs),
    since: iso(run.since),
    started_by: run.startedBy,
    created: run.created.toISOString(),
    started_at: iso(run.startedAt),
    finished_at: iso(run.finishedAt),
    duration_ms: runDurationMs(run),
    message: run.message,
    result: run.result,
    total_entries: run.progress.total,
    inserted_entries: run.progress.inserted,
    updated_entries: run.progress.updated,
    errored_entries: run.progress.errored,
    attempt: run.attempt,
    max_attempts: run.maxAttempts,
    worker_id: run.workerId,
    scheduled_for: iso(run.scheduledFor),
    lateness_ms: run.scheduledFor ? run.created.getTime() - run.scheduledFor.getTime() : null,
    parent_run_id: run.parentRunId,
    total_subruns: run.subRuns.total,
    completed_subruns: run.subRuns.completed,
    failed_subruns: run.subRuns.failed,
  };
}

export interface RunAttemptWire {
  attempt: number;
  worker_id: string | null;
  started_at: string | null;
  finished_at: string;
  duration_ms: number | null;
  status: RunStatus;
  message: string | null;
}

export function attemptToWire(attempt: RunAttempt): RunAttemptWire {
  return {
    attempt: attempt.attempt,
    worker_id: attempt.workerId,
    started_at: iso(attempt.startedAt),
    finished_at: attempt.finishedAt.toISOString(),
    duration_ms: attempt.startedAt ? attempt.finishedAt.getTime() - attempt.startedAt.getTime() : null,
    status: attempt.status,
    message: attempt.message,
  };
}

export function logLineToWire(line: LogLine): LogLineWire {
  return {
    seq: line.seq,
    time: line.time.toISOString(),
    level: line.level,
    message: line.message,
    fields: line.fields,
  };
}
