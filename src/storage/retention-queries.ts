import { sql } from 'kysely';
import { FINAL_STATUSES } from '../domain/run-status.js';
import type { QueryContext } from './job-queries.js';
import type { PruneOptions, RunPruneOptions } from './store.js';

const DEFAULT_BATCH = 5000;
/** Runs whose log lines are deleted together (bounded so the IN list stays small). */
const RUN_CHUNK = 500;

/** Ended runs: final status and an end time (unfinished runs are never pruned). */
function ended(ctx: QueryContext, before: Date) {
  return ctx.db
    .selectFrom('runs')
    .select('id')
    .where('finished_at', 'is not', null)
    .where('finished_at', '<', before.getTime())
    .where('status', 'in', [...FINAL_STATUSES]);
}

/** Deletes the log lines of these runs, `batchSize` lines per statement; returns how many. */
async function deleteLogsOf(ctx: QueryContext, runIds: number[], options: PruneOptions): Promise<number> {
  const batch = options.batchSize ?? DEFAULT_BATCH;
  let total = 0;
  for (;;) {
    const result = await ctx.db
      .deleteFrom('run_logs')
      .where((eb) =>
        eb(
          eb.refTuple('run_id', 'seq'),
          'in',
          eb.selectFrom('run_logs').select(['run_id', 'seq']).where('run_id', 'in', runIds).limit(batch) as never,
        ),
      )
      .executeTakeFirst();
    const deleted = Number(result.numDeletedRows);
    total += deleted;
    if (deleted) options.onBatch?.(deleted);
    if (deleted < batch || options.signal?.aborted) return total;
  }
}

/** Deletes the log lines of runs that ended before `before`; the runs stay. Returns lines deleted. */
export async function logsPrune(ctx: QueryContext, options: PruneOptions): Promise<number> {
  let total = 0;
  for (const jobId of await jobIds(ctx)) {
    // A job's ended runs in end-time order (the runs_job_ended index, 0018), each looked at once.
    for (let after = { time: 0, id: 0 }; ;) {
      const rows = await ended(ctx, options.before)
        .select('finished_at')
        .where('job_id', '=', jobId)
        .where((eb) =>
          eb.or([
            eb('finished_at', '>', after.time),
            eb.and([eb('finished_at', '=', after.time), eb('id', '>', after.id)]),
          ]),
        )
        .orderBy('finished_at')
        .orderBy('id')
        .limit(RUN_CHUNK)
        .execute();
      if (!rows.length) break;
      total += await deleteLogsOf(
        ctx,
        rows.map((row) => Number(row.id)),
        options,
      );
      if (options.signal?.aborted) return total;
      const last = rows[rows.length - 1]!;
      after = { time: Number(last.finished_at), id: Number(last.id) };
    }
  }
  return total;
}

async function jobIds(ctx: QueryContext): Promise<string[]> {
  return (await ctx.db.selectFrom('jobs').select('id').orderBy('id').execute()).map((row) => row.id);
}

/**
 * Deletes runs that ended before `before`, except the newest `keepLast` runs of each job, and
 * except runs with a sub-run still going. Their log lines go first, in batches, so the cascade
 * of a run delete has nothing large left to do. Returns runs deleted.
 */
export async function runsPrune(ctx: QueryContext, options: RunPruneOptions): Promise<number> {
  const batch = options.batchSize ?? DEFAULT_BATCH;
  let total = 0;
  for (const jobId of await jobIds(ctx)) {
    // The id of the job's keepLast-th newest run: it and newer ones stay (runs_job index).
    const kept =
      options.keepLast > 0
        ? await ctx.db
            .selectFrom('runs')
            .select('id')
            .where('job_id', '=', jobId)
            .orderBy('id', 'desc')
            .offset(options.keepLast - 1)
            .limit(1)
            .executeTakeFirst()
        : undefined;
    if (options.keepLast > 0 && !kept) continue;
    for (;;) {
      let candidates = ended(ctx, options.before)
        .where('job_id', '=', jobId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('runs as child')
                .select(sql.lit(1).as('one'))
                .whereRef('child.parent_run_id', '=', 'runs.id')
                .where('child.finished_at', 'is', null),
            ),
          ),
        )
        .orderBy('id')
        .limit(batch);
      if (kept) candidates = candidates.where('id', '<', Number(kept.id));
      const ids = (await candidates.execute()).map((row) => Number(row.id));
      if (!ids.length) break;
      for (let i = 0; i < ids.length; i += RUN_CHUNK) {
        await deleteLogsOf(ctx, ids.slice(i, i + RUN_CHUNK), { before: options.before, batchSize: batch });
      }
      const result = await ctx.db.deleteFrom('runs').where('id', 'in', ids).executeTakeFirst();
      const deleted = Number(result.numDeletedRows);
      total += deleted;
      options.onBatch?.(deleted);
      if (ids.length < batch || options.signal?.aborted) break;
    }
    if (options.signal?.aborted) break;
  }
  return total;
}
