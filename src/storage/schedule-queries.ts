import { sql, type Kysely } from 'kysely';
import type { SkippedSlot } from '../domain/model.js';
import { ACTIVE_STATUSES } from '../domain/run-status.js';
import type { QueryContext } from './job-queries.js';
import { lastSuccessStartedAt } from './last-success-queries.js';
import { statusIn } from './status-filter.js';
import { newRunRow } from './run-queries.js';
import { jobFromRow, runFromRow, skippedSlotFromRow } from './rows.js';
import type { Database } from './schema.js';
import type { DueJob, FirePlan, FireResult, Page } from './store.js';
import { inWriteTransaction } from './write-transaction.js';

async function dueJob(db: Kysely<Database>, row: Parameters<typeof jobFromRow>[0]): Promise<DueJob> {
  const counts = await db
    .selectFrom('runs')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('job_id', '=', row.id)
    .where(statusIn(ACTIVE_STATUSES))
    // A family is one run for the overlap policy: its parent is active while any child is.
    .where('parent_run_id', 'is', null)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  const lastSuccess = await lastSuccessStartedAt(db, row.id);
  return {
    job: jobFromRow(row),
    queuedRuns: count('QUEUED'),
    runningRuns: count('RUNNING') + count('CANCELLING') + count('WAITING'),
    lastSuccessStartedAt: lastSuccess === null ? null : new Date(lastSuccess),
  };
}

export async function jobsFireDue(
  ctx: QueryContext,
  now: Date,
  limit: number,
  plan: (due: DueJob) => FirePlan,
): Promise<FireResult[]> {
  return inWriteTransaction(ctx, async (db) => {
    // Literals match the partial index over due jobs.
    let due = db
      .selectFrom('jobs')
      .selectAll()
      .where('active', '=', sql.lit(ctx.traits.bool(true)))
      .where('next_run_at', 'is not', null)
      .where('next_run_at', '<=', now.getTime())
      .orderBy('next_run_at')
      .limit(limit);
    if (ctx.traits.skipLocked) due = due.forUpdate().skipLocked();
    const results: FireResult[] = [];
    const created = ctx.now();
    for (const row of await due.execute()) {
      const decision = plan(await dueJob(db, row));
      const runs = [];
      for (const run of decision.runs) {
        // The unique index on (job, slot) makes a second firing of the same slot a no-op.
        const inserted = await db
          .insertInto('runs')
          .values(newRunRow(run, created))
          .onConflict((oc) => oc.doNothing())
          .returningAll()
          .executeTakeFirst();
        if (inserted) runs.push(runFromRow(inserted));
      }
      // In chunks: a long outage can skip thousands of slots, past SQLite's limit of bound values.
      for (let i = 0; i < decision.skips.length; i += 1000) {
        await db
          .insertInto('skipped_slots')
          .values(
            decision.skips.slice(i, i + 1000).map((skip) => ({
              job_id: row.id,
              scheduled_for: skip.scheduledFor.getTime(),
              reason: skip.reason,
              created_at: created,
            })),
          )
          .execute();
      }
      // The job's last run for the last-run order (migration 0009), never lowered (see runCreate).
      const newest = Math.max(...runs.map((run) => run.id));
      await db
        .updateTable('jobs')
        .set({
          next_run_at: decision.nextRunAt?.getTime() ?? null,
          ...(runs.length > 0 && {
            last_run_id: sql<number>`case when last_run_id < ${newest} then ${newest} else last_run_id end`,
          }),
        })
        .where('id', '=', row.id)
        .execute();
      results.push({ jobId: row.id, runs, skipped: decision.skips.length });
    }
    return results;
  });
}

export async function jobsNextDue({ db, traits }: QueryContext): Promise<Date | null> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('next_run_at').as('next'))
    .where('active', '=', sql.lit(traits.bool(true)))
    .where('next_run_at', 'is not', null)
    .executeTakeFirst();
  return row?.next == null ? null : new Date(Number(row.next));
}

export async function skippedSlotList(
  { db }: QueryContext,
  jobId: string,
  limit: number,
  offset: number,
): Promise<Page<SkippedSlot>> {
  const query = db.selectFrom('skipped_slots').where('job_id', '=', jobId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('scheduled_for', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(skippedSlotFromRow), total: Number(count.n) };
}
