import { sql } from 'kysely';
import { ACTIVE_STATUSES, type RunStatus } from '../domain/run-status.js';
import type { QueryContext } from './job-queries.js';
import { runsInsert } from './run-queries.js';
import { statusIn } from './status-filter.js';
import type { NewRun, RunDeleteResult } from './store.js';
import { inWriteTransaction } from './write-transaction.js';

/**
 * Sub-runs and their parent. The parent's counters grow here, in the transaction that inserts
 * the children; they are counted down (and the parent ended) by the triggers of migration 0012.
 * Raising the total first locks the parent's row, so a child cannot end before it is counted.
 */
export async function subRunsCreate(
  ctx: QueryContext,
  parentId: number,
  runs: NewRun[],
  failRatio: number | null = null,
): Promise<number | undefined> {
  return inWriteTransaction(ctx, async (db) => {
    const parent = await db
      .updateTable('runs')
      .set({ total_subruns: sql`total_subruns + ${runs.length}`, subrun_fail_ratio: failRatio })
      .where('id', '=', parentId)
      .where('status', '=', 'RUNNING')
      .where('parent_run_id', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!parent) return undefined;
    await runsInsert(ctx, db, runs);
    return runs.length;
  });
}

export async function subRunsStop(
  ctx: QueryContext,
  parentId: number,
  message: string,
): Promise<{ cancelled: number; cancelling: number }> {
  const cancelled = await ctx.db
    .updateTable('runs')
    .set({ status: 'CANCELLED', message, finished_at: ctx.now() })
    .where('parent_run_id', '=', parentId)
    .where('status', '=', 'QUEUED')
    .executeTakeFirst();
  // Their workers see the stop on their next check (a notification per run would be 10,000).
  const cancelling = await ctx.db
    .updateTable('runs')
    .set({ status: 'CANCELLING' })
    .where('parent_run_id', '=', parentId)
    .where('status', '=', 'RUNNING')
    .executeTakeFirst();
  return { cancelled: Number(cancelled.numUpdatedRows), cancelling: Number(cancelling.numUpdatedRows) };
}

export async function subRunCounts(
  { db }: QueryContext,
  parentId: number,
): Promise<Partial<Record<RunStatus, number>>> {
  const rows = await db
    .selectFrom('runs')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('parent_run_id', '=', parentId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/**
 * Deletes a run with its sub-runs and log lines (ON DELETE CASCADE), in one write transaction
 * that first checks that neither it nor any sub-run is active, nor — for a sub-run — its parent.
 */
export async function runDelete(ctx: QueryContext, id: number): Promise<RunDeleteResult> {
  return inWriteTransaction(ctx, async (db) => {
    const family = db
      .selectFrom('runs')
      .select(['id', 'status'])
      .where((eb) => eb.or([eb('id', '=', id), eb('parent_run_id', '=', id)]))
      .where(statusIn(ACTIVE_STATUSES))
      .limit(1);
    const exists = await db.selectFrom('runs').select(['id', 'parent_run_id']).where('id', '=', id).executeTakeFirst();
    if (!exists) return 'missing';
    if (await family.executeTakeFirst()) return 'active';
    if (exists.parent_run_id !== null) {
      const parent = await db
        .selectFrom('runs')
        .select('id')
        .where('id', '=', exists.parent_run_id)
        .where(statusIn(ACTIVE_STATUSES))
        .executeTakeFirst();
      if (parent) return 'parent_active';
    }
    await db.deleteFrom('runs').where('id', '=', id).execute();
    return 'deleted';
  });
}
