import { sql } from 'kysely';
import type { Run, RunProgress } from '../domain/model.js';
import { FINAL_STATUSES, isFinalStatus, statusesLeadingTo, type RunStatus } from '../domain/run-status.js';
import { runsNextAvailable } from './idle-queries.js';
import type { QueryContext } from './job-queries.js';
import { jsonText, RUN_COLUMNS, runFromRow, runFromValues, toJson } from './rows.js';
import type { ClaimRequest, RunOutcome } from './store.js';

// A claimed run's life under its worker: claim, heartbeat, progress, stop, release and finish.
// Creating and listing runs is in run-queries.ts.

const LIVE: RunStatus[] = ['RUNNING', 'CANCELLING'];

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
    // One JSON value per row rather than ~35 columns: on SQLite, decoding the rows of RETURNING *
    // cost more than running the UPDATE (see docs/performance.md, "SQLite drain, wave 2 session 4").
    .returning(ctx.traits.jsonArray(RUN_COLUMNS).as('run'))
    .execute();
  return rows.map((row) => runFromValues(row.run)).sort((a, b) => a.priority - b.priority || a.id - b.id);
}

/** `runClaim`, then (when it came back short) the next delayed run: two statements in turn. */
export async function runClaimLookingAhead(
  ctx: QueryContext,
  request: ClaimRequest,
): Promise<{ runs: Run[]; next: Date | undefined }> {
  const runs = await runClaim(ctx, request);
  return { runs, next: runs.length < request.limit ? await runsNextAvailable(ctx, request.queues) : undefined };
}

/** Where each field of an outcome sits in its JSON array (see runsFinish). */
const FIELD = {
  id: 0,
  workerId: 1,
  attempt: 2,
  status: 3,
  message: 4,
  errorStack: 5,
  result: 6,
  total: 7,
  inserted: 8,
  updated: 9,
  errored: 10,
} as const;

/** The outcome's field, as text: `j.value->>3` (an array index: the same on SQLite and PostgreSQL). */
const field = (name: keyof typeof FIELD) => sql`j.value->>${sql.lit(FIELD[name])}`;

/**
 * An outcome as a JSON array in FIELD's order, without its trailing nulls (`->>` past the end of
 * an array is NULL on both databases): a plain success is `[id,"worker",attempt,"SUCCESS"]`.
 */
function outcomeValues(o: RunOutcome): unknown[] {
  const values: unknown[] = [
    o.id,
    o.workerId,
    o.attempt,
    o.status,
    o.message,
    o.errorStack ?? null,
    jsonText(o.result),
    o.progress.total ?? null,
    o.progress.inserted ?? null,
    o.progress.updated ?? null,
    o.progress.errored ?? null,
  ];
  let length = values.length;
  while (length > 0 && values[length - 1] === null) length -= 1;
  values.length = length;
  return values;
}

/** `(target = 'X' AND runs.status IN (...)) OR ...`, derived from the state machine. */
function finalGuard() {
  return sql.join(
    FINAL_STATUSES.map(
      (to) =>
        sql`(${field('status')} = ${sql.lit(to)} AND runs.status IN (${sql.join(
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
 *
 * Each outcome is a JSON array, not an object: on SQLite every `->>'name'` looked its key up in
 * the object's text, a dozen times per run, and the finish cost 14.1 µs per run against 11.1 with
 * arrays and 10.2 without trailing nulls (docs/performance.md, "SQLite drain (wave 2 session 5)").
 */
export async function runsFinish(ctx: QueryContext, outcomes: RunOutcome[]): Promise<number[]> {
  if (outcomes.length === 0) return [];
  const payload = toJson(outcomes.map(outcomeValues));
  const counter = (name: 'total' | 'inserted' | 'updated' | 'errored', column: string) =>
    sql`coalesce(cast(${field(name)} as bigint), ${sql.ref(`runs.${column}`)})`;
  const result = await sql<{ id: number | string }>`
    UPDATE ${ctx.table('runs')} SET
      status = ${field('status')},
      message = ${field('message')},
      error_stack = ${field('errorStack')},
      result = ${ctx.traits.asJson(field('result'))},
      finished_at = ${ctx.now()},
      total_entries = ${counter('total', 'total_entries')},
      inserted_entries = ${counter('inserted', 'inserted_entries')},
      updated_entries = ${counter('updated', 'updated_entries')},
      errored_entries = ${counter('errored', 'errored_entries')}
    FROM ${ctx.traits.jsonRows(payload)}
    WHERE runs.id = cast(${field('id')} as bigint)
      -- PostgreSQL: the literal ids let the planner go through the primary key: joined only
      -- through the JSON, it scans every entry of the live-runs index, which keeps
      -- claimed-then-finished rows until vacuum (measured: 14 ms per batch after 20,000 runs,
      -- against 0.1 ms). SQLite searches the primary key for each JSON row by itself, and one
      -- text for every batch size is compiled once (EXPLAIN QUERY PLAN: SCAN j, then SEARCH runs
      -- USING INTEGER PRIMARY KEY).
      ${ctx.traits.jsonJoinUsesKey ? sql`` : sql`AND runs.id IN (${sql.join(outcomes.map((o) => o.id))})`}
      AND runs.worker_id = ${field('workerId')}
      AND runs.attempt = cast(${field('attempt')} as integer)
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
