import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createJobdeck } from '../../src/service/jobdeck.js';
import { faultTasks } from './support/fault-tasks.js';
import { ADMIN_TOKEN, figure, startService, until } from './support/processes.js';
import { onCleanup, useTestDatabase } from '../support/fixtures.js';

const RUNS = 40;
const LINES = 5;
const LOCK_MS = 12_000;

describe('a locked SQLite file', () => {
  it('stalls writers but loses nothing: every run ends, every line is kept, no 500', async () => {
    const { url } = useTestDatabase();
    const deck = await createJobdeck({ database: url, tasks: faultTasks });
    onCleanup(() => deck.close());
    const job = await deck.jobs.create({ title: 'Locked', task: 'fault.work', args: { ms: 2000, lines: LINES } });
    const env = { FAULT_LEASE_MS: '60000' };
    const all = await startService('start', url, { args: ['--concurrency', '20'], env });
    const ids: number[] = [];
    for (let i = 0; i < RUNS; i += 1) ids.push((await deck.runs.create(job.id)).id);
    await until(
      async () => ((await deck.runs.list({ status: 'RUNNING' })).total > 0 ? true : undefined),
      20_000,
      'runs to start',
    );

    // Another program holds the write lock for longer than Jobdeck's busy timeout (10 s). SQLite
    // waits synchronously, so each process stalls while it waits; the lock is let go on time
    // whatever those processes do.
    const locker = new Database(url.slice('sqlite:'.length));
    locker.exec('BEGIN EXCLUSIVE');
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        locker.exec('COMMIT');
        locker.close();
        resolve();
      }, LOCK_MS),
    );
    const during = await fetch(`${all.url}/api/jobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'While locked', task: 'fault.work' }),
    });
    await released;
    figure('sqlite_lock.api_status_while_locked', during.status);
    // 503 while the lock lasts; a request the stalled server gets to only after it is 201.
    expect([503, 201]).toContain(during.status);

    const t0 = Date.now();
    await until(
      async () =>
        (await deck.runs.list({ status: 'SUCCESS,FAILED,CANCELLED,PARTIAL_SUCCESS', size: 1 })).total === RUNS
          ? true
          : undefined,
      90_000,
      'every run to end',
    );
    figure('sqlite_lock.all_ended_after_unlock_ms', Date.now() - t0);
    let lost = 0;
    let missingLines = 0;
    for (const id of ids) {
      const run = (await deck.store.runGet(id))!;
      if (run.status !== 'SUCCESS') lost += 1;
      const lines = await deck.store.logList(id, { limit: 100 });
      if (lines.some((line, i) => line.seq !== i + 1)) missingLines += 1;
      const lastStart = lines.findLastIndex((l) => l.message.endsWith(' start'));
      if (lastStart < 0 || lines.length - lastStart - 1 !== LINES) missingLines += 1;
    }
    figure('sqlite_lock.lost_runs', lost);
    figure('sqlite_lock.runs_with_missing_lines', missingLines);
    expect({ lost, missingLines }).toEqual({ lost: 0, missingLines: 0 });
    expect(all.child.exitCode).toBeNull();
  });
});
