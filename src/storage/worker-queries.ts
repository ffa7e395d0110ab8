import { sql, type Selectable } from 'kysely';
import type { RunStatus } from '../domain/run-status.js';
import type { QueryContext } from './job-queries.js';
import type { WorkersTable } from './schema.js';
import { statusIn } from './status-filter.js';
import type {
  HeldRun,
  TaskRunSample,
  WorkerEnd,
  WorkerListItem,
  WorkerRecord,
  WorkerRegistration,
  WorkerSweep,
} from './worker-store.js';

const HELD: RunStatus[] = ['RUNNING', 'CANCELLING'];
const ACTIVE: RunStatus[] = ['QUEUED', 'RUNNING', 'CANCELLING', 'WAITING'];

/** The upsert of a worker's row: at start and at each heartbeat interval, one statement. */
export async function workerBeat({ db, now }: QueryContext, worker: WorkerRegistration): Promise<void> {
  const beat = {
    host: worker.host,
    pid: worker.pid,
    version: worker.version,
    queues: JSON.stringify(worker.queues),
    concurrency: worker.concurrency,
    busy: worker.busy,
    started_at: worker.startedAt.getTime(),
    heartbeat_at: now(),
    ended_at: null,
    ended: null,
  };
  await db
    .insertInto('workers')
    .values({ id: worker.id, ...beat })
    .onConflict((oc) => oc.column('id').doUpdateSet(beat))
    .execute();
}

export async function workerEnd({ db, now }: QueryContext, id: string): Promise<void> {
  await db
    .updateTable('workers')
    .set({ ended_at: now(), ended: 'stopped' satisfies WorkerEnd, busy: 0 })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}

/** Two guarded statements; any number of maintenance processes may sweep at once. */
export async function workersSweep(
  { db, now }: QueryContext,
  options: WorkerSweep,
): Promise<{ died: number; pruned: number }> {
  const at = now();
  const died = await db
    .updateTable('workers')
    .set({ ended: 'died' satisfies WorkerEnd, ended_at: sql.ref('heartbeat_at') })
    .where('ended_at', 'is', null)
    .where('heartbeat_at', '<', at - options.deadAfterMs)
    .executeTakeFirst();
  const pruned = await db
    .deleteFrom('workers')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('workers')
        .select('id')
        .where('ended_at', '<', at - options.keepEndedMs)
        .orderBy('ended_at')
        .limit(options.limit),
    )
    .executeTakeFirst();
  return { died: Number(died.numUpdatedRows), pruned: Number(pruned.numDeletedRows) };
}

/**
 * The workers, then the runs they hold in one statement: the held runs are found through the
 * partial index of active runs (as the rescue of expired leases finds them), so the cost follows
 * the runs going now, not the history; a window function keeps the first few of each worker.
 */
export async function workerList(
  { db }: QueryContext,
  options: { limit: number; heldPerWorker: number },
): Promise<WorkerListItem[]> {
  const rows = await db
    .selectFrom('workers')
    .selectAll()
    .orderBy(sql`CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END`)
    .orderBy('heartbeat_at', 'desc')
    .orderBy('id')
    .limit(options.limit)
    .execute();
  if (rows.length === 0) return [];
  const held = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('runs')
        .select(['id', 'job_id', 'title', 'task', 'queue', 'status', 'started_at', 'attempt', 'worker_id'])
        .select(sql<number>`row_number() OVER (PARTITION BY worker_id ORDER BY id)`.as('rn'))
        .select(sql<number | string>`count(*) OVER (PARTITION BY worker_id)`.as('total'))
        .where(statusIn(HELD))
        // The predicate of the partial index runs_active, word for word: SQLite uses a partial
        // index only when the query repeats its predicate (it scanned the whole table without).
        .where(statusIn(ACTIVE))
        .where(
          'worker_id',
          'in',
          rows.map((row) => row.id),
        )
        .as('h'),
    )
    .selectAll()
    .where('rn', '<=', options.heldPerWorker)
    .orderBy('worker_id')
    .orderBy('id')
    .execute();
  const byWorker = new Map<string, { runs: HeldRun[]; total: number }>();
  for (const run of held) {
    const entry = byWorker.get(run.worker_id!) ?? { runs: [], total: Number(run.total) };
    entry.runs.push({
      id: Number(run.id),
      jobId: run.job_id,
      title: run.title,
      task: run.task,
      queue: run.queue,
      status: run.status as RunStatus,
      startedAt: run.started_at === null ? null : new Date(Number(run.started_at)),
      attempt: run.attempt,
    });
    byWorker.set(run.worker_id!, entry);
  }
  return rows.map((row) => {
    const entry = byWorker.get(row.id);
    return { ...workerFromRow(row), held: entry?.runs ?? [], heldTotal: entry?.total ?? 0 };
  });
}

function workerFromRow(row: Selectable<WorkersTable>): WorkerRecord {
  return {
    id: row.id,
    host: row.host,
    pid: Number(row.pid),
    version: row.version,
    queues: JSON.parse(row.queues) as string[],
    concurrency: Number(row.concurrency),
    busy: Number(row.busy),
    startedAt: new Date(Number(row.started_at)),
    heartbeatAt: new Date(Number(row.heartbeat_at)),
    endedAt: row.ended_at === null ? null : new Date(Number(row.ended_at)),
    ended: row.ended as WorkerEnd | null,
  };
}

/** Reads the index runs_task_finished (task, finished_at) backwards: `limit` entries at most. */
export async function taskRecentRuns({ db }: QueryContext, task: string, limit: number): Promise<TaskRunSample[]> {
  const rows = await db
    .selectFrom('runs')
    .select(['id', 'job_id', 'title', 'status', 'started_at', 'finished_at'])
    .where('task', '=', task)
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    jobId: row.job_id,
    title: row.title,
    status: row.status as RunStatus,
    startedAt: row.started_at === null ? null : new Date(Number(row.started_at)),
    finishedAt: new Date(Number(row.finished_at)),
  }));
}
