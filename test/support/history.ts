import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Run history for tests, written straight into the runs table (a few hundred runs in well under
 * a second): ended runs spread over the last days with chosen outcomes and times, which no
 * worker could produce quickly. Works on both dialects, given the test database's URL; the jobs
 * must exist. Run i belongs to jobs[i % jobs.length] and is older the larger i is.
 */
export interface HistoryOptions {
  jobs: readonly { id: string; task: string; queue?: string | undefined }[];
  /** How many runs (default 300). */
  runs?: number;
  /** Spread over this many days before `now` (default 3). */
  days?: number;
  /** Every n-th run FAILED (default 5), every m-th other one PARTIAL_SUCCESS (default 7); the rest SUCCESS. */
  failEvery?: number;
  partialEvery?: number;
  /** Epoch ms the history ends at (default now). */
  now?: number;
  startedBy?: string;
  args?: Record<string, unknown>;
}

export interface SeededRun {
  jobId: string;
  status: 'SUCCESS' | 'FAILED' | 'PARTIAL_SUCCESS';
  createdAt: number;
  startedAt: number;
  finishedAt: number;
}

const COLUMNS = [
  'job_id',
  'task',
  'title',
  'status',
  'queue',
  'priority',
  'args',
  'started_by',
  'created_at',
  'available_at',
  'started_at',
  'finished_at',
  'worker_id',
  'message',
  'attempt',
  'max_attempts',
  'total_entries',
  'inserted_entries',
  'errored_entries',
] as const;

/** The runs seedHistory writes for these options, oldest last (for expectations). */
export function historyRuns(options: HistoryOptions): SeededRun[] {
  const count = options.runs ?? 300;
  const now = options.now ?? Date.now();
  const span = (options.days ?? 3) * 86_400_000;
  const failEvery = options.failEvery ?? 5;
  const partialEvery = options.partialEvery ?? 7;
  return Array.from({ length: count }, (_, i) => {
    const createdAt = now - Math.round(((i + 1) * span) / (count + 1)) - 120_000;
    const startedAt = createdAt + 500 + (i % 7) * 100;
    const finishedAt = startedAt + 1_000 + ((i * 7919) % 60_000);
    const status = i % failEvery === 0 ? 'FAILED' : i % partialEvery === 0 ? 'PARTIAL_SUCCESS' : 'SUCCESS';
    return { jobId: options.jobs[i % options.jobs.length]!.id, status, createdAt, startedAt, finishedAt };
  });
}

export async function seedHistory(url: string, options: HistoryOptions): Promise<SeededRun[]> {
  const runs = historyRuns(options);
  const byId = new Map(options.jobs.map((job) => [job.id, job]));
  const rows = runs.map((run, i) => {
    const job = byId.get(run.jobId)!;
    const total = 100 + (i % 50);
    const errored = run.status === 'SUCCESS' ? 0 : 1 + (i % 9);
    return [
      run.jobId,
      job.task,
      `History run ${i}`,
      run.status,
      job.queue ?? 'default',
      0,
      JSON.stringify(options.args ?? {}),
      options.startedBy ?? 'history',
      run.createdAt,
      run.createdAt,
      run.startedAt,
      run.finishedAt,
      'history-worker',
      run.status === 'SUCCESS'
        ? null
        : `Import ${i} ${run.status === 'FAILED' ? 'failed' : 'partly failed'}: row ${i * 13} is bad`,
      1,
      1,
      total,
      total - errored,
      errored,
    ];
  });
  // Oldest first, so ids follow creation time as they do in a real database.
  rows.reverse();
  const chunks: unknown[][][] = [];
  for (let i = 0; i < rows.length; i += 200) chunks.push(rows.slice(i, i + 200));
  const insert = (chunk: unknown[][], param: (n: number) => string) =>
    `INSERT INTO runs (${COLUMNS.join(', ')}) VALUES ${chunk
      .map((_, r) => `(${COLUMNS.map((__, c) => param(r * COLUMNS.length + c + 1)).join(', ')})`)
      .join(', ')}`;
  const lastRun = `UPDATE jobs SET last_run_id = (SELECT coalesce(max(id), 0) FROM runs WHERE runs.job_id = jobs.id AND parent_run_id IS NULL)`;

  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { timeout: 10_000 });
    try {
      db.transaction(() => {
        for (const chunk of chunks) db.prepare(insert(chunk, () => '?')).run(...chunk.flat());
        db.prepare(lastRun).run();
      })();
    } finally {
      db.close();
    }
    return runs;
  }
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    await client.query('BEGIN');
    if (schema) await client.query(`SET LOCAL search_path TO "${schema.replace(/"/g, '')}"`);
    for (const chunk of chunks)
      await client.query(
        insert(chunk, (n) => `$${n}`),
        chunk.flat(),
      );
    await client.query(lastRun);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
  return runs;
}
