import { afterAll, describe, expect, it } from 'vitest';
import { createJobdeck, type Jobdeck } from '../../src/service/jobdeck.js';
import { faultTasks } from './support/fault-tasks.js';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { ADMIN_TOKEN, figure, startService, until } from './support/processes.js';

const RUNS = 200;
const LINES = 10;

let cluster: PrivatePostgres | undefined;
afterAll(() => cluster?.destroy());

async function countEnded(deck: Jobdeck): Promise<number> {
  const page = await deck.runs.list({ status: 'SUCCESS,FAILED,CANCELLED,PARTIAL_SUCCESS', size: 1 });
  return page.total;
}

describe('PostgreSQL restarts under load', () => {
  it('every process recovers; no run and no log line is lost; the API answers 503 meanwhile', async () => {
    cluster = await startPrivatePostgres();
    const url = cluster.url;
    const deck = await createJobdeck({ database: url, tasks: faultTasks });
    const job = await deck.jobs.create({ title: 'Under load', task: 'fault.work', args: { ms: 1500, lines: LINES } });
    // Long leases: a few seconds without the database must not look like dead workers.
    const env = { FAULT_LEASE_MS: '20000' };
    const all = await startService('start', url, { args: ['--concurrency', '20'], env });
    const worker = await startService('worker', url, { args: ['--concurrency', '20'], env });
    const ids: number[] = [];
    for (let i = 0; i < RUNS; i += 1) ids.push((await deck.runs.create(job.id)).id);
    await until(async () => ((await countEnded(deck)) >= 40 ? true : undefined), 60_000, '40 runs to end');

    // 1. A fast restart in the middle of the load.
    const t0 = Date.now();
    cluster.restart();
    figure('pg_restart.restart_ms', Date.now() - t0);

    // 2. An outage of a few seconds: the API says 503, not 500, and nobody crashes.
    await until(async () => ((await countEnded(deck)) >= 100 ? true : undefined), 60_000, '100 runs to end');
    cluster.stop();
    const down = await fetch(`${all.url}/api/jobs`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const ready = await fetch(`${all.url}/readyz`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    cluster.start();
    figure('pg_restart.api_status_while_down', down.status);
    expect(down.status).toBe(503);
    expect(ready.status).toBe(503);

    const t1 = Date.now();
    await until(async () => ((await countEnded(deck)) === RUNS ? true : undefined), 120_000, 'every run to end');
    figure('pg_restart.all_ended_after_outage_ms', Date.now() - t1);

    // A run created after the outage is picked up: the workers listen again.
    const after = await deck.runs.create(job.id, {});
    ids.push(after.id);
    const t2 = Date.now();
    await until(
      async () => ((await deck.store.runGet(after.id))!.startedAt ? true : undefined),
      30_000,
      'a run created after the outage to start',
    );
    figure('pg_restart.pickup_after_outage_ms', Date.now() - t2);
    await until(async () => ((await countEnded(deck)) === RUNS + 1 ? true : undefined), 30_000, 'the last run to end');

    let lost = 0;
    let missingLines = 0;
    for (const id of ids) {
      const run = (await deck.store.runGet(id))!;
      if (run.status !== 'SUCCESS') lost += 1;
      if (run.status !== 'SUCCESS' && lost < 4)
        console.log('NOT SUCCESS', run.id, run.status, run.message?.slice(0, 300));
      const lines = await deck.store.logList(id, { limit: 1000 });
      // Numbered without gaps, and the last attempt wrote its start line and all its lines.
      if (lines.some((line, i) => line.seq !== i + 1)) missingLines += 1;
      const lastStart = lines.findLastIndex((l) => l.message.endsWith(' start'));
      if (lastStart < 0 || lines.length - lastStart - 1 !== LINES) missingLines += 1;
    }
    figure('pg_restart.runs', ids.length);
    figure('pg_restart.lost_runs', lost);
    figure('pg_restart.runs_with_missing_lines', missingLines);
    expect({ lost, missingLines }).toEqual({ lost: 0, missingLines: 0 });
    expect(all.child.exitCode).toBeNull();
    expect(worker.child.exitCode).toBeNull();
    expect(all.log() + worker.log()).not.toMatch(/unhandled|uncaught/i);
    await deck.close();
  });
});
