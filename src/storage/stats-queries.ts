import { sql, type ExpressionBuilder } from 'kysely';
import type { Job, Run } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';
import type { QueryContext } from './job-queries.js';
import { jobFromRow, runFromRow } from './rows.js';
import type { Database } from './schema.js';
import { statusIn } from './status-filter.js';
import type { Bounded, OutcomeCount, QueueBucket, RunPoint, StatsScope } from './stats-store.js';

/**
 * The charts' reads and the history alerts' reads. Each one reads at most a fixed number of rows
 * along an index (see migration 0018): a job's runs (all, or its successes) by `runs_job_ended
 * (job_id, finished_at, status, parent_run_id)`, a task's by `runs_task_finished`, the queues' by
 * `runs_ended_queue (finished_at, …)`; the counts are index-only scans. Aggregates over a window
 * are computed on the newest `maxRows` rows of it, and say so when the window held more.
 */

const DAY_MS = 86_400_000;

/** The scope's ended runs: a job's top-level runs (sub-runs go with their parent), or a task's runs. */
function scoped(ctx: QueryContext, scope: StatsScope) {
  const base = ctx.db.selectFrom('runs').where('finished_at', 'is not', null);
  return scope.jobId !== undefined
    ? base.where('job_id', '=', scope.jobId).where('parent_run_id', 'is', null)
    : base.where('task', '=', scope.task);
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export async function statsRunPoints(
  ctx: QueryContext,
  scope: StatsScope,
  limit: number,
  successOnly = false,
): Promise<RunPoint[]> {
  const columns = [
    'id',
    'job_id',
    'status',
    'started_at',
    'finished_at',
    'inserted_entries',
    'updated_entries',
    'errored_entries',
  ] as const;
  // Successes only (the history alerts' p95): runs_job_ended backwards, the status checked inside
  // the index, so a run that did not succeed costs an index entry and no row (migration 0027).
  const query = (successOnly ? scoped(ctx, scope).where(statusIn(['SUCCESS'])) : scoped(ctx, scope))
    .select(columns)
    .where('started_at', 'is not', null)
    .orderBy('finished_at', 'desc');
  // No tie-break on id: the order is the index's own, so the read stops after `limit` entries.
  const rows = await query.limit(limit).execute();
  return rows
    .filter((row) => row.started_at !== null && row.finished_at !== null)
    .map((row) => ({
      id: Number(row.id),
      jobId: row.job_id,
      status: row.status as RunStatus,
      startedAt: new Date(Number(row.started_at)),
      finishedAt: new Date(Number(row.finished_at)),
      durationMs: Math.max(0, Number(row.finished_at) - Number(row.started_at)),
      inserted: num(row.inserted_entries),
      updated: num(row.updated_entries),
      errored: num(row.errored_entries),
    }));
}

export async function statsOutcomes(
  ctx: QueryContext,
  scope: StatsScope,
  from: number,
  until: number,
  maxRows: number,
): Promise<Bounded<OutcomeCount>> {
  const newest = scoped(ctx, scope)
    .select(['finished_at', 'status'])
    .where('finished_at', '>=', from)
    .where('finished_at', '<=', until)
    .orderBy('finished_at', 'desc')
    .limit(maxRows);
  const rows = await ctx.db
    .selectFrom(newest.as('r'))
    .select((eb) => [
      sql<number | string>`r.finished_at / ${sql.lit(DAY_MS)}`.as('day'),
      'r.status',
      eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy([sql`r.finished_at / ${sql.lit(DAY_MS)}`, 'r.status'])
    .orderBy('day')
    .orderBy('r.status')
    .execute();
  const items = rows.map((row) => ({
    day: new Date(Number(row.day) * DAY_MS),
    status: row.status as RunStatus,
    count: Number(row.n),
  }));
  return { items, truncated: items.reduce((sum, item) => sum + item.count, 0) >= maxRows };
}

export async function statsQueues(
  ctx: QueryContext,
  from: number,
  until: number,
  bucketMs: number,
  maxRows: number,
): Promise<Bounded<QueueBucket>> {
  const newest = ctx.db
    .selectFrom('runs')
    .select(['finished_at', 'queue', 'status', 'started_at', 'available_at'])
    .where('finished_at', 'is not', null)
    .where('finished_at', '>=', from)
    .where('finished_at', '<=', until)
    .orderBy('finished_at', 'desc')
    .limit(maxRows);
  const bucket = sql<number | string>`r.finished_at / ${sql.lit(bucketMs)}`;
  const wait = sql<number>`r.started_at - r.available_at`;
  const rows = await ctx.db
    .selectFrom(newest.as('r'))
    .select((eb) => [
      bucket.as('bucket'),
      'r.queue',
      eb.fn.countAll<number | string>().as('finished'),
      eb.fn.sum<number | string>(sql`CASE WHEN r.status = 'FAILED' THEN 1 ELSE 0 END`).as('failed'),
      eb.fn.avg<number | string | null>(wait).as('wait_avg'),
      eb.fn.max<number | string | null>(wait).as('wait_max'),
    ])
    .groupBy([bucket, 'r.queue'])
    .orderBy('bucket')
    .orderBy('r.queue')
    .execute();
  const items = rows.map((row) => ({
    start: new Date(Number(row.bucket) * bucketMs),
    queue: row.queue,
    finished: Number(row.finished),
    failed: Number(row.failed),
    waitAvgMs: row.wait_avg === null ? null : Math.max(0, Math.round(Number(row.wait_avg))),
    waitMaxMs: row.wait_max === null ? null : Math.max(0, Number(row.wait_max)),
  }));
  return { items, truncated: items.reduce((sum, item) => sum + item.finished, 0) >= maxRows };
}

/** Jobs with a history alert and somebody to tell (an e-mail address or a webhook). */
function alertingJobIds(ctx: QueryContext) {
  return ctx.db
    .selectFrom('jobs')
    .select('id')
    .where('history_alerts', 'is not', null)
    .where((eb) =>
      eb.or([eb('notification_emails', '<>', sql.lit('[]')), eb('notification_webhooks', '<>', sql.lit('[]'))]),
    );
}

function slowRunNotification(selectFrom: ExpressionBuilder<Database, 'runs'>['selectFrom']) {
  return selectFrom('notifications')
    .select(sql.lit(1).as('one'))
    .whereRef('notifications.run_id', '=', 'runs.id')
    .where('notifications.event', '=', 'slow_run');
}

export async function runsGoingWithHistoryAlerts(ctx: QueryContext): Promise<{ run: Run; job: Job }[]> {
  const rows = await ctx.db
    .selectFrom('runs')
    .selectAll()
    // Literal statuses: the partial index runs_active (0010) holds the going runs, so this reads
    // the runs going now, never the history.
    .where(statusIn(['RUNNING', 'CANCELLING']))
    .where('job_id', 'in', alertingJobIds(ctx))
    .where('parent_run_id', 'is', null)
    .where('started_at', 'is not', null)
    .where(({ not, exists, selectFrom }) => not(exists(slowRunNotification(selectFrom))))
    .orderBy('id')
    .limit(1000)
    .execute();
  if (!rows.length) return [];
  const jobs = await ctx.db
    .selectFrom('jobs')
    .selectAll()
    .where('id', 'in', [...new Set(rows.map((row) => row.job_id))])
    .execute();
  const byId = new Map(jobs.map((row) => [row.id, jobFromRow(row)]));
  return rows.flatMap((row) => {
    const job = byId.get(row.job_id);
    return job ? [{ run: runFromRow(row), job }] : [];
  });
}

export async function runsEndedUpTo(
  ctx: QueryContext,
  jobId: string,
  at: { time: number; id: number },
  limit: number,
): Promise<{ id: number; status: RunStatus }[]> {
  const rows = await scoped(ctx, { jobId })
    .select(['id', 'status'])
    .where((eb) =>
      eb.or([eb('finished_at', '<', at.time), eb.and([eb('finished_at', '=', at.time), eb('id', '<=', at.id)])]),
    )
    .where('status', 'in', ['SUCCESS', 'PARTIAL_SUCCESS', 'WARNING', 'FAILED'])
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: Number(row.id), status: row.status as RunStatus }));
}
