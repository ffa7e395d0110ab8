import type { Selectable } from 'kysely';
import type {
  Job,
  JsonObject,
  JsonValue,
  LogLevel,
  LogLine,
  MisfirePolicy,
  NotificationWebhook,
  OverlapPolicy,
  Run,
  SkippedSlot,
} from '../domain/model.js';
import type { Schedule } from '../domain/schedule.js';
import type { HistoryAlerts } from '../domain/history-alerts.js';
import { jsonWithoutNul } from '../domain/run-result.js';
import { plainFromColumns } from '../domain/job-contract.js';
import type { RunStatus } from '../domain/run-status.js';
import type { ApiToken, AuditEntry, Role } from '../domain/access.js';
import type { ApiTokensTable, AuditLogTable, JobsTable, RunLogsTable, RunsTable, SkippedSlotsTable } from './schema.js';

/** Row ↔ domain mapping, the same for every dialect. */

const date = (ms: number | string): Date => new Date(Number(ms));
const dateOrNull = (ms: number | string | null): Date | null => (ms === null ? null : date(ms));
const numOrNull = (n: number | string | null): number | null => (n === null ? null : Number(n));

/** JSON text for a JSON column; NUL (which PostgreSQL refuses) becomes U+FFFD. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  // The scan for the escape is cheap; the replacement's look-behind over every batch is not.
  return text.includes('\\u0000') ? jsonWithoutNul(text) : text;
}

export function jsonText(value: JsonValue | undefined): string | null {
  return value === undefined || value === null ? null : toJson(value);
}

/**
 * JSON columns come back as text from Jobdeck's own connections; through a host's connection
 * (transactional enqueue, see host-connection.ts) a driver may already have parsed them.
 */
function parseJson<T extends JsonValue>(text: string | JsonValue | null): T | null {
  if (text === null) return null;
  return (typeof text === 'string' ? JSON.parse(text) : text) as T;
}

export function jobFromRow(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    task: row.task,
    defaultQueue: row.default_queue,
    active: Boolean(row.active),
    args: parseJson<JsonObject>(row.args) ?? {},
    customArgs: parseJson<JsonObject>(row.custom_args),
    schedule: parseJson(row.schedule) as Schedule | null,
    nextRunAt: dateOrNull(row.next_run_at),
    overlapPolicy: row.overlap_policy as OverlapPolicy,
    misfirePolicy: row.misfire_policy as MisfirePolicy,
    notificationEmails: parseJson(row.notification_emails) as string[],
    notificationStatuses: parseJson(row.notification_statuses) as RunStatus[],
    notificationWebhooks: parseJson(row.notification_webhooks) as unknown as NotificationWebhook[],
    notifyRunningLongerThan: numOrNull(row.notify_running_longer_than),
    historyAlerts: row.history_alerts ? (JSON.parse(row.history_alerts) as HistoryAlerts) : null,
    ...plainFromColumns(row),
    key: row.key ?? null,
    managedFields: parseJson<string[]>(row.managed_fields),
    created: date(row.created_at),
    updated: date(row.updated_at),
  };
}

/** A counter of the run itself plus its sub-runs' sum (a row read before migration 0012 has none). */
function plusSubRuns(own: number | string | null, sub: number | string | null | undefined): number | null {
  const subs = Number(sub ?? 0);
  if (own === null) return subs > 0 ? subs : null;
  return Number(own) + subs;
}

export function runFromRow(row: Selectable<RunsTable>): Run {
  return {
    id: Number(row.id),
    jobId: row.job_id,
    task: row.task,
    title: row.title,
    status: row.status as RunStatus,
    queue: row.queue,
    priority: row.priority,
    args: parseJson<JsonObject>(row.args) ?? {},
    customArgs: parseJson<JsonObject>(row.custom_args),
    since: dateOrNull(row.since),
    startedBy: row.started_by,
    created: date(row.created_at),
    availableAt: date(row.available_at),
    startedAt: dateOrNull(row.started_at),
    finishedAt: dateOrNull(row.finished_at),
    heartbeatAt: dateOrNull(row.heartbeat_at),
    workerId: row.worker_id,
    message: row.message,
    errorStack: row.error_stack ?? null,
    result: parseJson<JsonValue>(row.result),
    progress: {
      total: plusSubRuns(row.total_entries, row.sub_total_entries),
      inserted: plusSubRuns(row.inserted_entries, row.sub_inserted_entries),
      updated: plusSubRuns(row.updated_entries, row.sub_updated_entries),
      errored: plusSubRuns(row.errored_entries, row.sub_errored_entries),
    },
    subRuns: {
      total: Number(row.total_subruns ?? 0),
      completed: Number(row.completed_subruns ?? 0),
      failed: Number(row.failed_subruns ?? 0),
    },
    attempt: row.attempt,
    maxAttempts: row.max_attempts,
    parentRunId: numOrNull(row.parent_run_id),
    scheduledFor: dateOrNull(row.scheduled_for),
  };
}

/** The runs columns that runFromRow reads, in the order of runFromValues' array. */
export const RUN_COLUMNS = [
  'id',
  'job_id',
  'task',
  'title',
  'status',
  'queue',
  'priority',
  'args',
  'custom_args',
  'since',
  'started_by',
  'created_at',
  'available_at',
  'started_at',
  'finished_at',
  'heartbeat_at',
  'worker_id',
  'message',
  'error_stack',
  'result',
  'total_entries',
  'inserted_entries',
  'updated_entries',
  'errored_entries',
  'sub_total_entries',
  'sub_inserted_entries',
  'sub_updated_entries',
  'sub_errored_entries',
  'total_subruns',
  'completed_subruns',
  'failed_subruns',
  'attempt',
  'max_attempts',
  'parent_run_id',
  'scheduled_for',
] as const satisfies readonly (keyof RunsTable)[];

/**
 * A run from the JSON array text of its RUN_COLUMNS (see DialectTraits.jsonArray). The row is
 * spelled out (same order as RUN_COLUMNS): one object shape, no lookups by computed key.
 */
export function runFromValues(json: string): Run {
  const v = JSON.parse(json) as unknown[];
  return runFromRow({
    id: v[0],
    job_id: v[1],
    task: v[2],
    title: v[3],
    status: v[4],
    queue: v[5],
    priority: v[6],
    args: v[7],
    custom_args: v[8],
    since: v[9],
    started_by: v[10],
    created_at: v[11],
    available_at: v[12],
    started_at: v[13],
    finished_at: v[14],
    heartbeat_at: v[15],
    worker_id: v[16],
    message: v[17],
    error_stack: v[18],
    result: v[19],
    total_entries: v[20],
    inserted_entries: v[21],
    updated_entries: v[22],
    errored_entries: v[23],
    sub_total_entries: v[24],
    sub_inserted_entries: v[25],
    sub_updated_entries: v[26],
    sub_errored_entries: v[27],
    total_subruns: v[28],
    completed_subruns: v[29],
    failed_subruns: v[30],
    attempt: v[31],
    max_attempts: v[32],
    parent_run_id: v[33],
    scheduled_for: v[34],
  } as unknown as Selectable<RunsTable>);
}

export function logFromRow(row: Selectable<RunLogsTable>): LogLine {
  return {
    runId: Number(row.run_id),
    seq: row.seq,
    time: date(row.time),
    level: row.level as LogLevel,
    message: row.message,
    fields: parseJson<JsonObject>(row.fields),
  };
}

export function skippedSlotFromRow(row: Selectable<SkippedSlotsTable>): SkippedSlot {
  return {
    jobId: row.job_id,
    scheduledFor: date(row.scheduled_for),
    reason: row.reason,
    created: date(row.created_at),
  };
}

export function tokenFromRow(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    created: date(row.created_at),
    lastUsed: dateOrNull(row.last_used_at),
    revoked: dateOrNull(row.revoked_at),
  };
}

export function auditFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    time: date(row.time),
    actor: row.actor,
    action: row.action,
    jobId: row.job_id,
    runId: numOrNull(row.run_id),
    details: parseJson<JsonObject>(row.details),
    requestId: row.request_id,
  };
}
