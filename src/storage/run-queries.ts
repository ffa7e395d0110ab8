import { sql, type Kysely } from 'kysely';
import type { Run, RunProgress } from '../domain/model.js';
import { FINAL_STATUSES, isFinalStatus, statusesLeadingTo, type RunStatus } from '../domain/run-status.js';
import { transact, type QueryContext } from './job-queries.js';
import { statusIn } from './status-filter.js';
import { jsonText, runFromRow, toJson } from './rows.js';
import { containsText } from './text-match.js';
import type { ClaimRequest, NewRun, Page, RunFilter, RunOutcome } from './store.js';
import type { Database } from './schema.js';

const BULK_CHUNK = 5000;
const LIVE: RunStatus[] = ['RUNNING', 'CANCELLING'];

export function newRunRow(run: NewRun, now: number) {
  return {
    job_id: run.jobId,
    task: run.task,
    title: run.title,
    status: 'QUEUED',
    queue: run.queue,
    priority: run.priority ?? 0,
    args: toJson(run.args),
    custom_args: jsonText(run.customArgs),
    since: run.since ? run.since.getTime() : null,
    started_by: run.startedBy,
    created_at: now,
    available_at: run.availableAt ? run.availableAt.getTime() : now,
    attempt: 0,
    max_attempts: run.maxAttempts ?? 1,
    parent_run_id: run.parentRunId ?? null,
    scheduled_for: run.scheduledFor ? run.scheduledFor.getTime() : null,
  };
}

export async function runCreate(ctx: QueryContext, run: NewRun): Promise<Run> {
  const row = await transact(ctx, async (trx) => {
    const inserted = await trx
      .insertInto('runs')
      .values(newRunRow(run, ctx.now()))
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('jobs')
      .set({ last_run_id: inserted.id })
      .where('id', '=', inserted.job_id)
      .where('last_run_id', '<', inserted.id)
      .execute();
    return inserted;
  });
  return runFromRow(row);
}

/**
 * Raises `jobs.last_run_id` (the jobs list's last-run order) to each job's newest run: one
 * statement for the jobs of a bulk chunk, each a single descent of the runs (job_id, id) index.
 * It never lowers the id: on PostgreSQL an enqueue that committed a higher id first keeps it (the
 * guard is checked again against the row it waited for).
 */
function lastRunRaise(ctx: QueryContext, jobIds: string[]) {
  const newest = sql<number>`(SELECT max(r.id) FROM ${ctx.table('runs')} r WHERE r.job_id = jobs.id)`;
  return sql`UPDATE ${ctx.table('jobs')} SET last_run_id = ${newest} WHERE id IN (${sql.join(jobIds)}) AND last_run_id < ${newest}`;
}

/**
 * Bulk enqueue: each chunk is one statement with one parameter, the rows as a JSON array expanded
 * by the database, so neither side builds, binds or parses 16 parameters per row. What remains
 * is the database's own per-row work (eight indexes, the job foreign key), plus one update of
 * the chunk's jobs for their last run. Ids follow the input order, which is the claim order among
 * runs of equal priority.
 */
export async function runsCreate(ctx: QueryContext, runs: NewRun[]): Promise<number> {
  // Its statements name tables without a schema, which a host's transaction cannot resolve.
  if (ctx.inTransaction) throw new Error('Bulk enqueue is not offered inside a host transaction.');
  await ctx.db.transaction().execute((trx) => runsInsert(ctx, trx, runs));
  return runs.length;
}

/** The chunked insert of `runsCreate`, inside the caller's transaction. */
export async function runsInsert(ctx: QueryContext, trx: Kysely<Database>, runs: NewRun[]): Promise<void> {
  const now = ctx.now();
  const text = (name: string) => sql`j.value->>${name}`;
  const int = (name: string) => sql`cast(j.value->>${name} as bigint)`;
  for (let i = 0; i < runs.length; i += BULK_CHUNK) {
    const rows = runs.slice(i, i + BULK_CHUNK).map((run) => newRunRow(run, now));
    await sql`
      INSERT INTO ${ctx.table('runs')} (job_id, task, title, status, queue, priority, args, custom_args, since, started_by,
                        created_at, available_at, attempt, max_attempts, parent_run_id, scheduled_for)
      SELECT ${text('job_id')}, ${text('task')}, ${text('title')}, ${text('status')}, ${text('queue')},
             ${int('priority')}, ${ctx.traits.asJson(text('args'))}, ${ctx.traits.asJson(text('custom_args'))},
             ${int('since')}, ${text('started_by')}, ${int('created_at')}, ${int('available_at')},
             ${int('attempt')}, ${int('max_attempts')}, ${int('parent_run_id')}, ${int('scheduled_for')}
      FROM ${ctx.traits.jsonRows(toJson(rows))}`.execute(trx);
    // Sub-runs are not their job's last run (their parent is).
    const jobs = new Set(rows.filter((row) => row.parent_run_id === null).map((row) => row.job_id));
    if (jobs.size) await lastRunRaise(ctx, [...jobs]).execute(trx);
  }
}

export async function runGet({ db }: QueryContext, id: number): Promise<Run | undefined> {
  const row = await db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && runFromRow(row);
}

export async function runList(ctx: QueryContext, filter: RunFilter): Promise<Page<Run>> {
  let query = ctx.db.selectFrom('runs');
  if (filter.jobId) query = query.where('job_id', '=', filter.jobId);
  // Lists show top-level runs; a parent's sub-runs are listed through it.
  if (filter.parentRunId !== undefined) query = query.where('parent_run_id', '=', filter.parentRunId);
  else if (!filter.includeSubRuns) query = query.where('parent_run_id', 'is', null);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([containsText(ctx.traits, 'title', q), containsText(ctx.traits, 'message', q)]));
  }
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.queue) query = query.where('queue', '=', filter.queue);
  if (filter.task) query = query.where('task', '=', filter.task);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('id', filter.parentRunId === undefined ? 'desc' : 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(runFromRow), total: Number(count.n) };
}

export async function runLastSuccess({ db }: QueryContext, jobId: string): Promise<Run | undefined> {
  const row = await db
    .selectFrom('runs')
    .selectAll()
    .where('job_id', '=', jobId)
    .where(statusIn(['SUCCESS']))
    .where('parent_run_id', 'is', null)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && runFromRow(row);
}

export async function runClaim(ctx: QueryContext, request: ClaimRequest): Promise<Run[]> {
  if (request.limit <= 0 || request.queues.length === 0) return [];
  const now = ctx.now();
  // The literal status lets the planner use the partial index over queued rows.
  let due = ctx.db
    .selectFrom('runs')
    .select('id')
    .where('status', '=', sql.lit('QUEUED'))
    .where('queue', 'in', request.queues)
    // Pausing keeps runs queued; only claiming stops.
    .where('queue', 'not in', (eb) =>
      eb
        .selectFrom('queue_states')
        .select('name')
        .where('paused', '=', sql.lit(ctx.traits.bool(true))),
    )
    .where('available_at', '<=', now)
    .orderBy('priority')
    .orderBy('id')
    .limit(request.limit);
  if (ctx.traits.skipLocked) due = due.forUpdate().skipLocked();
  const rows = await ctx.db
    .updateTable('runs')
    .set({
      status: 'RUNNING',
      started_at: now,
      heartbeat_at: now,
      worker_id: request.workerId,
      attempt: sql`attempt + 1`,
    })
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.map(runFromRow).sort((a, b) => a.priority - b.priority || a.id - b.id);
}

/** `(target = 'X' AND runs.status IN (...)) OR ...`, derived from the state machine. */
function finalGuard() {
  return sql.join(
    FINAL_STATUSES.map(
      (to) =>
        sql`(j.value->>'status' = ${sql.lit(to)} AND runs.status IN (${sql.join(
          statusesLeadingTo(to).map((from) => sql.lit(from)),
        )}))`,
    ),
    sql` OR `,
  );
}

/**
 * Final states of many runs in one statement (PostgreSQL's worker uses the prepared form in
 * prepared-run-statements.ts). A run's last attempt is the run row itself; `run_attempts` keeps
 * only the attempts that came before it (see attempt-queries.ts).
 */
export async function runsFinish(ctx: QueryContext, outcomes: RunOutcome[]): Promise<number[]> {
  if (outcomes.length === 0) return [];
  const payload = toJson(
    outcomes.map((o) => ({
      id: o.id,
      worker_id: o.workerId,
      attempt: o.attempt,
      status: o.status,
      message: o.message,
      error_stack: o.errorStack ?? null,
      result: jsonText(o.result),
      total: o.progress.total ?? null,
      inserted: o.progress.inserted ?? null,
      updated: o.progress.updated ?? null,
      errored: o.progress.errored ?? null,
    })),
  );
  const counter = (name: string, column: string) =>
    sql`coalesce(cast(j.value->>${name} as bigint), ${sql.ref(`runs.${column}`)})`;
  const result = await sql<{ id: number | string }>`
    UPDATE ${ctx.table('runs')} SET
      status = j.value->>'status',
      message = j.value->>'message',
      error_stack = j.value->>'error_stack',
      result = ${ctx.traits.asJson(sql`j.value->>'result'`)},
      finished_at = ${ctx.now()},
      total_entries = ${counter('total', 'total_entries')},
      inserted_entries = ${counter('inserted', 'inserted_entries')},
      updated_entries = ${counter('updated', 'updated_entries')},
      errored_entries = ${counter('errored', 'errored_entries')}
    FROM ${ctx.traits.jsonRows(payload)}
    WHERE runs.id = cast(j.value->>'id' as bigint)
      -- The literal ids let the planner go through the primary key: joined only through the
      -- JSON, it scans every entry of the live-runs index, which keeps claimed-then-finished
      -- rows until vacuum (measured: 14 ms per batch after 20,000 runs, against 0.1 ms).
      AND runs.id IN (${sql.join(outcomes.map((o) => o.id))})
      AND runs.worker_id = j.value->>'worker_id'
      AND runs.attempt = cast(j.value->>'attempt' as integer)
      AND (${finalGuard()})
    RETURNING runs.id`.execute(ctx.db);
  return result.rows.map((row) => Number(row.id));
}

export async function runTransition(
  ctx: QueryContext,
  id: number,
  to: RunStatus,
  message?: string | null,
): Promise<Run | undefined> {
  const now = ctx.now();
  const row = await ctx.db
    .updateTable('runs')
    .set({
      status: to,
      ...(message !== undefined && { message }),
      ...(isFinalStatus(to) && { finished_at: now }),
      ...(to === 'QUEUED' && { worker_id: null, heartbeat_at: null, available_at: now }),
    })
    .where('id', '=', id)
    .where('status', 'in', statusesLeadingTo(to))
    .returningAll()
    .executeTakeFirst();
  return row && runFromRow(row);
}

export async function runProgress({ db }: QueryContext, id: number, progress: Partial<RunProgress>): Promise<void> {
  const set = {
    ...(progress.total != null && { total_entries: progress.total }),
    ...(progress.inserted != null && { inserted_entries: progress.inserted }),
    ...(progress.updated != null && { updated_entries: progress.updated }),
    ...(progress.errored != null && { errored_entries: progress.errored }),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('runs').set(set).where('id', '=', id).where('status', 'in', LIVE).execute();
}

export async function runsHeartbeat(ctx: QueryContext, ids: number[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await ctx.db
    .updateTable('runs')
    .set({ heartbeat_at: ctx.now() })
    .where('id', 'in', ids)
    .where('worker_id', '=', workerId)
    .where('status', 'in', LIVE)
    .execute();
}

export async function runsRelease(
  ctx: QueryContext,
  ids: number[],
  workerId: string,
): Promise<{ ids: number[]; queues: string[]; cancelled: number[] }> {
  if (ids.length === 0) return { ids: [], queues: [], cancelled: [] };
  // A stop that arrived while the run waited in the worker's buffer: it never started, so the
  // stop is complete.
  const cancelled = await ctx.db
    .updateTable('runs')
    .set({ status: 'CANCELLED', message: 'Stopped before it started.', finished_at: ctx.now(), heartbeat_at: null })
    .where('id', 'in', ids)
    .where('worker_id', '=', workerId)
    .where('status', '=', 'CANCELLING')
    .returning('id')
    .execute();
  const rows = await ctx.db
    .updateTable('runs')
    .set({ status: 'QUEUED', worker_id: null, started_at: null, heartbeat_at: null, attempt: sql`attempt - 1` })
    .where('id', 'in', ids)
    .where('worker_id', '=', workerId)
    .where('status', '=', 'RUNNING')
    .returning(['id', 'queue'])
    .execute();
  return {
    ids: rows.map((row) => Number(row.id)),
    queues: [...new Set(rows.map((row) => row.queue))],
    cancelled: cancelled.map((row) => Number(row.id)),
  };
}

export async function runsCancelling({ db }: QueryContext, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('runs')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'CANCELLING')
    .execute();
  return rows.map((row) => Number(row.id));
}
