import { sql, type ExpressionBuilder } from 'kysely';
import type { Job, Run } from '../domain/model.js';
import type { MissedSlots, NotificationEvent } from '../domain/notification.js';
import { FINAL_STATUSES } from '../domain/run-status.js';
import type { QueryContext } from './job-queries.js';
import { jobFromRow, runFromRow } from './rows.js';
import type { Database } from './schema.js';
import type { ScanCursor, SlotScanCursor } from './store.js';

/**
 * What the notifier looks for: runs that ended, runs running long, missed schedule slots, all
 * only of jobs with somebody to tell and read through per-job indexes, so the cost follows the
 * notified jobs, not the whole runs table.
 */

/** Jobs that have somebody to tell (an e-mail address or a webhook). */
function notifiedJobIds(ctx: QueryContext) {
  return ctx.db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([eb('notification_emails', '<>', sql.lit('[]')), eb('notification_webhooks', '<>', sql.lit('[]'))]),
    );
}

/** A notification row about the outer query's run for this event (for NOT EXISTS). */
function notificationOf(selectFrom: ExpressionBuilder<Database, 'runs'>['selectFrom'], event: NotificationEvent) {
  return selectFrom('notifications')
    .select(sql.lit(1).as('one'))
    .whereRef('notifications.run_id', '=', 'runs.id')
    .where('notifications.event', '=', event);
}

async function jobsById(ctx: QueryContext, ids: string[]): Promise<Map<string, Job>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .selectFrom('jobs')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, jobFromRow(row)]));
}

/**
 * Runs of notified jobs that ended after `after` and at or before `until` (finish time, then id),
 * oldest first, with their jobs.
 */
export async function runsEndedForNotification(
  ctx: QueryContext,
  after: ScanCursor,
  until: number,
  limit: number,
): Promise<{ run: Run; job: Job }[]> {
  const rows = await ctx.db
    .selectFrom('runs')
    .selectAll()
    .where('finished_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('finished_at', '>', after.time),
        eb.and([eb('finished_at', '=', after.time), eb('id', '>', after.id)]),
      ]),
    )
    .where('finished_at', '<=', until)
    .where('status', 'in', [...FINAL_STATUSES])
    .where('job_id', 'in', notifiedJobIds(ctx))
    // Sub-runs are told through their parent run: a fan-out of thousands must not mean as many messages.
    .where('parent_run_id', 'is', null)
    // Already enqueued (by this or another process) in an earlier look at the same window.
    .where(({ not, exists, selectFrom }) => not(exists(notificationOf(selectFrom, 'finished'))))
    .orderBy('finished_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const jobs = await jobsById(
    ctx,
    rows.map((row) => row.job_id),
  );
  return rows.map((row) => ({ run: runFromRow(row), job: jobs.get(row.job_id)! })).filter((x) => x.job);
}

/** Running runs of jobs with a "running longer than" threshold that they have passed at `now`. */
export async function runsRunningLong(ctx: QueryContext, now: number): Promise<{ run: Run; job: Job }[]> {
  const rows = await ctx.db
    .selectFrom('runs')
    .innerJoin('jobs', 'jobs.id', 'runs.job_id')
    .selectAll('runs')
    .where('runs.status', 'in', ['RUNNING', 'CANCELLING', 'WAITING'])
    .where('jobs.notify_running_longer_than', 'is not', null)
    .where('runs.started_at', 'is not', null)
    .where(sql<boolean>`runs.started_at + jobs.notify_running_longer_than * 1000 <= ${now}`)
    .where('runs.job_id', 'in', notifiedJobIds(ctx))
    .where('runs.parent_run_id', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(notificationOf(selectFrom, 'running_long'))))
    .orderBy('runs.id')
    .limit(1000)
    .execute();
  const jobs = await jobsById(
    ctx,
    rows.map((row) => row.job_id),
  );
  return rows.map((row) => ({ run: runFromRow(row), job: jobs.get(row.job_id)! })).filter((x) => x.job);
}

/**
 * Missed slots of notified jobs, one group per scheduler firing (job and record time): a long
 * outage of a frequent job is one message, not thousands. Only misses and errors count (overlap
 * skips are the policy working as asked). Groups after `after`, recorded at or before `until`.
 */
export async function slotsMissedForNotification(
  ctx: QueryContext,
  after: SlotScanCursor,
  until: number,
  limit: number,
): Promise<MissedSlots[]> {
  const rows = await ctx.db
    .selectFrom('skipped_slots')
    .select((eb) => [
      'job_id',
      'created_at',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('scheduled_for').as('first'),
      eb.fn.max('scheduled_for').as('last'),
      eb.fn.min('reason').as('reason'),
    ])
    .where((eb) =>
      eb.or([
        eb('created_at', '>', after.time),
        eb.and([eb('created_at', '=', after.time), eb('job_id', '>', after.jobId)]),
      ]),
    )
    .where('created_at', '<=', until)
    .where((eb) => eb.or([eb('reason', 'like', 'missed:%'), eb('reason', 'like', 'error:%')]))
    .where('job_id', 'in', notifiedJobIds(ctx))
    .groupBy(['job_id', 'created_at'])
    .orderBy('created_at')
    .orderBy('job_id')
    .limit(limit)
    .execute();
  const jobs = await jobsById(
    ctx,
    rows.map((row) => row.job_id),
  );
  return rows
    .filter((row) => jobs.has(row.job_id))
    .map((row) => ({
      job: jobs.get(row.job_id)!,
      recorded: new Date(Number(row.created_at)),
      count: Number(row.n),
      first: new Date(Number(row.first)),
      last: new Date(Number(row.last)),
      reason: String(row.reason),
    }));
}
