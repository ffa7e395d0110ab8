import { sql, type Selectable } from 'kysely';
import type {
  ClaimedNotification,
  NewNotification,
  Notification,
  NotificationAttempt,
  NotificationChannel,
  NotificationEvent,
  NotificationPayload,
  NotificationState,
  NotificationStatus,
} from '../domain/notification.js';
import type { QueryContext } from './job-queries.js';
import { toJson } from './rows.js';
import type { NotificationAttemptsTable, NotificationsTable } from './schema.js';
import type { RecordedAttempt } from './store.js';

/** The notification outbox: enqueue, claim, record attempts, list. */

const INSERT_CHUNK = 200;

/** Adds deliveries to the outbox; one already there (same dedupe key) is left alone. Returns how many were new. */
export async function notificationsEnqueue(ctx: QueryContext, items: NewNotification[]): Promise<number> {
  const now = ctx.now();
  let added = 0;
  for (let i = 0; i < items.length; i += INSERT_CHUNK) {
    const rows = await ctx.db
      .insertInto('notifications')
      .values(
        items.slice(i, i + INSERT_CHUNK).map((item) => ({
          job_id: item.jobId,
          run_id: item.runId,
          event: item.event,
          status: item.status,
          channel: item.channel,
          target: item.target,
          secret: item.secret,
          dedupe_key: item.dedupeKey,
          payload: toJson(item.payload),
          state: 'pending',
          attempts: 0,
          next_attempt_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    added += rows.length;
  }
  return added;
}

/**
 * Claims up to `limit` deliveries that are due (pending, or sending under an expired lease) for
 * `workerId` for `leaseMs`; each claim counts as an attempt. Other processes skip locked rows
 * (PostgreSQL) or wait for the single writer (SQLite), so a delivery has one sender at a time.
 */
export async function notificationsClaim(
  ctx: QueryContext,
  workerId: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedNotification[]> {
  const now = ctx.now();
  // A read first: most looks find nothing due, and on SQLite an UPDATE would take the write lock.
  const any = await ctx.db
    .selectFrom('notifications')
    .select('id')
    .where('state', 'in', [sql.lit('pending'), sql.lit('sending')])
    .where('next_attempt_at', '<=', now)
    .limit(1)
    .executeTakeFirst();
  if (!any) return [];
  let due = ctx.db
    .selectFrom('notifications')
    .select('id')
    .where('state', 'in', [sql.lit('pending'), sql.lit('sending')])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit);
  if (ctx.traits.skipLocked) due = due.forUpdate().skipLocked();
  const rows = await ctx.db
    .updateTable('notifications')
    .set({
      state: 'sending',
      locked_by: workerId,
      // While claimed, next_attempt_at is the end of the lease: one index serves both cases.
      next_attempt_at: now + leaseMs,
      locked_until: now + leaseMs,
      attempts: sql`attempts + 1`,
      updated_at: now,
    })
    .where('id', 'in', due)
    .returning(['id', 'channel', 'target', 'secret', 'attempts', 'payload'])
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    channel: row.channel as NotificationChannel,
    target: row.target,
    secret: row.secret,
    attempt: Number(row.attempts),
    payload: JSON.parse(row.payload) as NotificationPayload,
  }));
}

/** Records one attempt and moves the delivery on: delivered, retried later, or failed for good. */
export async function notificationRecordAttempt(ctx: QueryContext, attempt: RecordedAttempt): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('notification_attempts')
      .values({
        notification_id: attempt.id,
        attempt: attempt.attempt,
        time: now,
        outcome: attempt.outcome,
        error: attempt.error,
        duration_ms: Math.round(attempt.durationMs),
      })
      .execute();
    const state: NotificationState =
      attempt.outcome === 'delivered' ? 'delivered' : attempt.retryAt ? 'pending' : 'failed';
    // Only the holder of the claim moves the state on; a sender whose lease expired just adds history.
    await trx
      .updateTable('notifications')
      .set({
        state,
        next_attempt_at: attempt.retryAt?.getTime() ?? now,
        locked_by: null,
        locked_until: null,
        last_error: attempt.error,
        updated_at: now,
      })
      .where('id', '=', attempt.id)
      .where('locked_by', '=', attempt.workerId)
      .execute();
  });
}

function attemptFromRow(row: Selectable<NotificationAttemptsTable>): NotificationAttempt {
  return {
    attempt: row.attempt,
    time: new Date(Number(row.time)),
    outcome: row.outcome as NotificationAttempt['outcome'],
    error: row.error,
    durationMs: Number(row.duration_ms),
  };
}

function notificationFromRow(row: Selectable<NotificationsTable>, history: NotificationAttempt[]): Notification {
  const state = row.state as NotificationState;
  return {
    id: Number(row.id),
    jobId: row.job_id,
    runId: row.run_id === null ? null : Number(row.run_id),
    event: row.event as NotificationEvent,
    status: row.status as NotificationStatus,
    channel: row.channel as NotificationChannel,
    target: row.target,
    state,
    attempts: Number(row.attempts),
    nextAttemptAt: state === 'pending' || state === 'sending' ? new Date(Number(row.next_attempt_at)) : null,
    lastError: row.last_error,
    payload: JSON.parse(row.payload) as NotificationPayload,
    created: new Date(Number(row.created_at)),
    updated: new Date(Number(row.updated_at)),
    history,
  };
}

/** Deliveries about a run (or, with `jobId`, all of a job's, newest first), each with its attempts. */
export async function notificationList(
  ctx: QueryContext,
  filter: { runId?: number | undefined; jobId?: string | undefined; limit: number },
): Promise<Notification[]> {
  let query = ctx.db.selectFrom('notifications').selectAll();
  if (filter.runId !== undefined) query = query.where('run_id', '=', filter.runId);
  if (filter.jobId !== undefined) query = query.where('job_id', '=', filter.jobId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  if (!rows.length) return [];
  const attempts = await ctx.db
    .selectFrom('notification_attempts')
    .selectAll()
    .where(
      'notification_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((row) =>
    notificationFromRow(row, attempts.filter((a) => Number(a.notification_id) === Number(row.id)).map(attemptFromRow)),
  );
}
