// Latency of the Workers and Tasks pages' endpoints over a large history: 1,000,000 runs (one
// task holding all but every 1000th, which belongs to a rare task), 1000 QUEUED, 400 RUNNING held
// by 40 live workers (plus 200 ended workers), seeded in bulk SQL; the real HTTP server answers
// each request kind sequentially; p50/p95/p99 per kind, in milliseconds.
// Usage: node --import tsx bench/console-workers.ts [--dialect postgres|sqlite] [--runs 1000000]
//   [--requests 200] [--reuse PREFIX [--drop]] [--keep]
import { z } from 'zod';
import { defineTask } from '../src/domain/task.js';
import { argValue, noopTask, type BenchDialect } from './support/bench-setup.js';
import {
  analyze,
  printTable,
  seededHistory,
  series as seriesOf,
  timeRequests,
  type BenchCase,
} from './support/seeded-history.js';

const argv = process.argv.slice(2);
const dialect = (argValue(argv, '--dialect') ?? 'postgres') as BenchDialect;
const runCount = Number(argValue(argv, '--runs') ?? 1_000_000);
const requests = Number(argValue(argv, '--requests') ?? 200);
const JOBS = 1000;
const QUEUED = 1000;
const LIVE_WORKERS = 40;
const HELD = 400;
const ENDED_WORKERS = 200;
const DAY = 86_400_000;
if (dialect !== 'postgres' && dialect !== 'sqlite') throw new Error('--dialect must be postgres or sqlite');

const rareTask = defineTask({
  id: 'bench.rare',
  title: 'Rare',
  description: 'Seldom run',
  args: z.object({}),
  run: () => undefined,
});

function seedStatements(now: number): string[] {
  const series = (n: number) => seriesOf(dialect, n);
  const yes = dialect === 'postgres' ? 'TRUE' : '1';
  const step = Math.max(1, Math.floor((30 * DAY) / runCount));
  // Newest runs: the last HELD are RUNNING (held by the live workers), the QUEUED before them.
  const held = `g > ${runCount - HELD}`;
  const queued = `g > ${runCount - HELD - QUEUED} AND NOT (${held})`;
  return [
    `INSERT INTO jobs (id, title, description, task, default_queue, active, args, created_at, updated_at)
     SELECT 'job-' || g, 'Job ' || g, '', CASE WHEN g = 1 THEN 'bench.rare' ELSE 'bench.noop' END, 'default', ${yes},
            '{}', ${now}, ${now}
     FROM ${series(JOBS)}`,
    `INSERT INTO runs (job_id, task, title, status, queue, priority, args, started_by, created_at, available_at,
                       started_at, finished_at, heartbeat_at, worker_id, attempt, max_attempts)
     SELECT CASE WHEN g % 1000 = 0 THEN 'job-1' ELSE 'job-' || (2 + g % ${JOBS - 1}) END,
            CASE WHEN g % 1000 = 0 THEN 'bench.rare' ELSE 'bench.noop' END, 'Run ' || g,
            CASE WHEN ${held} THEN 'RUNNING' WHEN ${queued} THEN 'QUEUED' WHEN g % 20 = 1 THEN 'FAILED' ELSE 'SUCCESS' END,
            'default', 0, '{}', 'bench', t, t,
            CASE WHEN ${queued} THEN NULL ELSE t + 10 END,
            CASE WHEN ${held} OR ${queued} THEN NULL ELSE t + 10 + (g * 7919) % 2000 END,
            CASE WHEN ${held} THEN ${now} ELSE NULL END,
            CASE WHEN ${held} THEN 'worker-' || (g % ${LIVE_WORKERS}) WHEN ${queued} THEN NULL ELSE 'worker-old' END,
            CASE WHEN ${queued} THEN 0 ELSE 1 END, 1
     FROM (SELECT g, ${now} - (${runCount} - g) * ${step} AS t FROM ${series(runCount)}) AS timed`,
    `INSERT INTO workers (id, host, pid, version, queues, concurrency, busy, started_at, heartbeat_at, ended_at, ended)
     SELECT 'worker-' || (g - 1), 'host-' || (g % 8), 1000 + g, '0.1.0', '["default"]', 10, 10, ${now} - 3600000, ${now},
            NULL, NULL
     FROM ${series(LIVE_WORKERS)}`,
    `INSERT INTO workers (id, host, pid, version, queues, concurrency, busy, started_at, heartbeat_at, ended_at, ended)
     SELECT 'ended-' || g, 'host-' || (g % 8), 5000 + g, '0.1.0', '["default"]', 10, 0, ${now} - 7200000,
            ${now} - g * 60000, ${now} - g * 60000, CASE WHEN g % 4 = 0 THEN 'died' ELSE 'stopped' END
     FROM ${series(ENDED_WORKERS)}`,
  ];
}

async function main(): Promise<void> {
  const tasks = [noopTask, rareTask];
  const history = await seededHistory({
    name: `console_workers_${runCount}`,
    dialect,
    argv,
    tasks,
    async seed(h) {
      for (const statement of seedStatements(h.seededAt)) await h.query(statement);
      await analyze(h, ['jobs', 'runs', 'workers']);
    },
  });
  try {
    // A reused history's workers would look dead by now: their heartbeats are brought up to date.
    await history.query(`UPDATE workers SET heartbeat_at = ${Date.now()} WHERE ended_at IS NULL`);
    const cases: BenchCase[] = [
      { name: `workers (${LIVE_WORKERS} live holding ${HELD} runs, ${ENDED_WORKERS} ended)`, path: '/api/workers' },
      { name: 'task', path: '/api/tasks/bench.noop' },
      { name: 'task stats, busy task, window 200', path: '/api/tasks/bench.noop/stats' },
      { name: 'task stats, busy task, window 1000', path: '/api/tasks/bench.noop/stats?window=1000' },
      {
        name: `task stats, rare task (${runCount / 1000} runs), window 1000`,
        path: '/api/tasks/bench.rare/stats?window=1000',
      },
      { name: 'jobs of a task, first page', path: '/api/jobs?task=bench.rare&size=10' },
    ];
    const table = await timeRequests(history, cases, { requests, warmup: 20, tasks });
    printTable(`${dialect}: workers and tasks, ${runCount} runs, ${requests} sequential requests each (ms)`, table);
  } finally {
    await history.close();
  }
}

await main();
