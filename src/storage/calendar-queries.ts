import { sql } from 'kysely';
import { LOG_LEVELS, type Job, type LogLevel, type SkippedSlot } from '../domain/model.js';
import type { RunStatus } from '../domain/run-status.js';
import type { SlotRun } from '../domain/schedule-fidelity.js';
import type { LogLevelCounts } from './calendar-store.js';
import type { QueryContext } from './job-queries.js';
import { jobFromRow, skippedSlotFromRow } from './rows.js';

/** The queries of calendar-store.ts: each one walks an index over a bounded range. */

export async function jobsScheduled({ db, traits }: QueryContext, limit: number): Promise<Job[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('active', '=', sql.lit(traits.bool(true)))
    .where('next_run_at', 'is not', null)
    .orderBy('next_run_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(jobFromRow);
}

export async function runsForSlots(
  { db }: QueryContext,
  jobId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<SlotRun[]> {
  // runs_job_slot (job_id, scheduled_for) answers this range in slot order. Only what a slot
  // shows is read: the calendar reads up to 500 runs for each of 100 jobs (whole rows, with
  // arguments and messages, made a 14-day calendar 3.6 MB and seconds of work).
  const rows = await db
    .selectFrom('runs')
    .select(['id', 'status', 'scheduled_for', 'created_at', 'started_at', 'finished_at'])
    .where('job_id', '=', jobId)
    .where('scheduled_for', '>=', from.getTime())
    .where('scheduled_for', '<', to.getTime())
    .orderBy('scheduled_for')
    .limit(limit)
    .execute();
  const time = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)));
  return rows.map((row) => ({
    id: Number(row.id),
    status: row.status as RunStatus,
    scheduledFor: new Date(Number(row.scheduled_for)),
    created: new Date(Number(row.created_at)),
    startedAt: time(row.started_at),
    finishedAt: time(row.finished_at),
  }));
}

export async function skippedSlotsBetween(
  { db }: QueryContext,
  jobId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<SkippedSlot[]> {
  const rows = await db
    .selectFrom('skipped_slots')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('scheduled_for', '>=', from.getTime())
    .where('scheduled_for', '<', to.getTime())
    .orderBy('scheduled_for')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(skippedSlotFromRow);
}

export async function logLevelCounts({ db }: QueryContext, runId: number, limit: number): Promise<LogLevelCounts> {
  // One line more than counted says whether the log goes on; then the count is redone without it.
  let counts = await countFirst(db, runId, limit + 1);
  const lines = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (lines <= limit) return { counts, lines, more: false };
  counts = await countFirst(db, runId, limit);
  return { counts, lines: limit, more: true };
}

/** Lines by level among a run's first `n` lines, read along the primary key (run_id, seq). */
async function countFirst(db: QueryContext['db'], runId: number, n: number): Promise<Record<LogLevel, number>> {
  const first = db
    .selectFrom('run_logs')
    .select('level')
    .where('run_id', '=', runId)
    .orderBy('seq')
    .limit(n)
    .as('first');
  const rows = await db
    .selectFrom(first)
    .select(['level', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('level')
    .execute();
  const counts = Object.fromEntries(LOG_LEVELS.map((level) => [level, 0])) as Record<LogLevel, number>;
  for (const row of rows) if (row.level in counts) counts[row.level as LogLevel] += Number(row.n);
  return counts;
}
