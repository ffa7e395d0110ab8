import { sql } from 'kysely';
import type { Run } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';
import type { QueryContext } from './job-queries.js';
import { runFromRow } from './rows.js';
import type { RunOutcome } from './store.js';
import type { RunAttempt } from './store.js';
import { inWriteTransaction } from './write-transaction.js';

/**
 * Puts a failed run back in the queue for another attempt, available at `availableAt`, and keeps
 * the failed attempt. Guarded like a final state: only while the run is still RUNNING under the
 * same worker and attempt (a stop, a rescue or another worker wins). Returns the queued run.
 */
export async function runRetry(ctx: QueryContext, outcome: RunOutcome, availableAt: number): Promise<Run | undefined> {
  return inWriteTransaction(ctx, async (db) => {
    const now = ctx.now();
    const before = await db
      .selectFrom('runs')
      .select('started_at')
      .where('id', '=', outcome.id)
      .where('worker_id', '=', outcome.workerId)
      .where('attempt', '=', outcome.attempt)
      .where('status', '=', 'RUNNING')
      .executeTakeFirst();
    if (!before) return undefined;
    const next = new Date(availableAt).toISOString();
    const row = await db
      .updateTable('runs')
      .set({
        status: 'QUEUED',
        worker_id: null,
        heartbeat_at: null,
        available_at: availableAt,
        message:
          `Attempt ${outcome.attempt} failed; attempt ${outcome.attempt + 1} at ${next}. ${outcome.message ?? ''}`.trim(),
      })
      .where('id', '=', outcome.id)
      .where('status', '=', 'RUNNING')
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    await db
      .insertInto('run_attempts')
      .values({
        run_id: outcome.id,
        attempt: outcome.attempt,
        worker_id: outcome.workerId,
        started_at: before.started_at,
        finished_at: now,
        status: outcome.status,
        message: outcome.message,
      })
      .onConflict((oc) => oc.columns(['run_id', 'attempt']).doNothing())
      .execute();
    return runFromRow(row);
  });
}

/**
 * Rescues runs whose worker stopped renewing their lease: RUNNING ones go back to the queue if
 * attempts remain, else FAILED "worker lost"; CANCELLING ones become CANCELLED. Each lost attempt
 * is kept. One transaction, rows locked (SKIP LOCKED), every update guarded by the state read, so
 * any number of processes may sweep at once and each run is rescued once.
 */
export async function runsRescue(ctx: QueryContext, leaseMs: number): Promise<Run[]> {
  return inWriteTransaction(ctx, async (db) => {
    const now = ctx.now();
    const seconds = Math.round(leaseMs / 1000);
    let expired = db
      .selectFrom('runs')
      .select(['id', 'attempt', 'max_attempts', 'worker_id', 'started_at', 'status', 'total_subruns'])
      .where('status', 'in', [sql.lit('RUNNING'), sql.lit('CANCELLING')])
      .where('heartbeat_at', '<', now - leaseMs)
      .orderBy('id')
      .limit(1000);
    if (ctx.traits.skipLocked) expired = expired.forUpdate().skipLocked();
    const lost = await expired.execute();
    if (lost.length === 0) return [];
    const lostMessage = `Worker lost: no heartbeat for ${seconds} s.`;
    const rescued: Run[] = [];
    const byStatus = (pick: (r: (typeof lost)[number]) => boolean) => lost.filter(pick).map((r) => Number(r.id));
    const stopped = byStatus((r) => r.status === 'CANCELLING');
    // A run that created sub-runs is not run again (its sub-runs would be created twice): it
    // fails, then waits for the sub-runs it has (migration 0012), so the family ends as one.
    const again = (r: (typeof lost)[number]) => r.attempt < r.max_attempts && Number(r.total_subruns) === 0;
    const requeue = byStatus((r) => r.status === 'RUNNING' && again(r));
    const failed = byStatus((r) => r.status === 'RUNNING' && !again(r));
    const update = async (ids: number[], from: string, set: Record<string, unknown>) => {
      if (ids.length === 0) return;
      const rows = await db
        .updateTable('runs')
        .set({ heartbeat_at: null, ...set })
        .where('id', 'in', ids)
        .where('status', '=', from)
        .returningAll()
        .execute();
      rescued.push(...rows.map(runFromRow));
    };
    await update(stopped, 'CANCELLING', {
      status: 'CANCELLED',
      finished_at: now,
      message: `Stopped; its worker was lost (no heartbeat for ${seconds} s).`,
    });
    await update(requeue, 'RUNNING', {
      status: 'QUEUED',
      worker_id: null,
      available_at: now,
      message: `Requeued: its worker was lost (no heartbeat for ${seconds} s).`,
    });
    await update(failed, 'RUNNING', {
      status: 'FAILED',
      finished_at: now,
      message: `${lostMessage} No attempts left.`,
    });
    await db
      .insertInto('run_attempts')
      .values(
        lost.map((r) => ({
          run_id: Number(r.id),
          attempt: r.attempt,
          worker_id: r.worker_id,
          started_at: r.started_at,
          finished_at: now,
          status: r.status === 'CANCELLING' ? 'CANCELLED' : 'FAILED',
          message: lostMessage,
        })),
      )
      .onConflict((oc) => oc.columns(['run_id', 'attempt']).doNothing())
      .execute();
    return rescued;
  });
}

/** Runs the database says this worker holds (RUNNING or CANCELLING under its id). */
export async function runsHeldBy({ db }: QueryContext, workerId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('runs')
    .select('id')
    .where('worker_id', '=', workerId)
    .where('status', 'in', ['RUNNING', 'CANCELLING'])
    .execute();
  return rows.map((row) => Number(row.id));
}

/**
 * A run's attempts, first to last. Only attempts followed by another (a retry, a rescue) are rows
 * of `run_attempts`; the last one is the run itself, read from its row once it has ended, so a
 * run that succeeds at once costs no history row (the worker's hot path writes one row per run).
 * A recorded attempt wins over the run row (rescue records why the worker was lost).
 */
export async function attemptList({ db }: QueryContext, runId: number): Promise<RunAttempt[]> {
  const [rows, run] = await Promise.all([
    db.selectFrom('run_attempts').selectAll().where('run_id', '=', runId).orderBy('attempt').execute(),
    db
      .selectFrom('runs')
      .select(['attempt', 'worker_id', 'started_at', 'finished_at', 'status', 'message'])
      .where('id', '=', runId)
      .executeTakeFirst(),
  ]);
  const attempts = rows.map((row) => attemptFromRow(Number(row.run_id), row));
  if (run && run.attempt > 0 && run.finished_at !== null && !attempts.some((a) => a.attempt === run.attempt)) {
    attempts.push(attemptFromRow(runId, { ...run, finished_at: run.finished_at }));
  }
  return attempts;
}

/** An attempt from a `run_attempts` row or from the run's own row (the same columns). */
function attemptFromRow(
  runId: number,
  row: {
    attempt: number;
    worker_id: string | null;
    started_at: number | string | null;
    finished_at: number | string;
    status: string;
    message: string | null;
  },
): RunAttempt {
  return {
    runId,
    attempt: row.attempt,
    workerId: row.worker_id,
    startedAt: row.started_at === null ? null : new Date(Number(row.started_at)),
    finishedAt: new Date(Number(row.finished_at)),
    status: row.status as RunStatus,
    message: row.message,
  };
}
