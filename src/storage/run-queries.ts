import { sql, type Kysely } from 'kysely';
import type { Run } from '../domain/model.js';
import { transact, type QueryContext } from './job-queries.js';
import { lastSuccessRow } from './last-success-queries.js';
import { jsonText, runFromRow, toJson } from './rows.js';
import { containsText } from './text-match.js';
import type { NewRun, Page, RunFilter } from './store.js';
import type { Database } from './schema.js';

const BULK_CHUNK = 5000;

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
  const row = await lastSuccessRow(db, jobId);
  return row && runFromRow(row);
}
