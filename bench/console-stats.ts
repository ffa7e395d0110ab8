// The chart endpoints (GET /api/stats/*) over a large history: 1,000 jobs and 1,000,000 runs over
// the last 90 days (job 1, the "busy" job, holds a tenth of them; 5 tasks), seeded in bulk SQL,
// then the real HTTP server (in this process) answers each request kind sequentially; p50/p95/p99
// per kind, in milliseconds. See docs/console-charts.md.
// Usage: node --import tsx bench/console-stats.ts [--dialect postgres|sqlite] [--jobs 1000]
//   [--runs 1000000] [--requests 100] [--reuse PREFIX [--drop]] [--keep]
import { argValue, type BenchDialect } from './support/bench-setup.js';
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
const jobCount = Number(argValue(argv, '--jobs') ?? 1000);
const runCount = Number(argValue(argv, '--runs') ?? 1_000_000);
const requests = Number(argValue(argv, '--requests') ?? 100);
const DAY = 86_400_000;
if (dialect !== 'postgres' && dialect !== 'sqlite') throw new Error('--dialect must be postgres or sqlite');

const jobId = (n: number) => `job-${String(n).padStart(5, '0')}`;

/** One statement per table: runs every ~7.8 s over 90 days, 5% FAILED, 2% PARTIAL_SUCCESS, with counters. */
function seedStatements(now: number): string[] {
  const series = (n: number) => seriesOf(dialect, n);
  const pad = (expr: string) => (dialect === 'postgres' ? `lpad((${expr})::text, 5, '0')` : `printf('%05d', ${expr})`);
  const yes = dialect === 'postgres' ? 'TRUE' : '1';
  const jobs = `
    INSERT INTO jobs (id, title, description, task, default_queue, active, args, created_at, updated_at)
    SELECT 'job-' || ${pad('g')}, 'Job ' || g, '', 'bench.t' || (g % 5), 'default', ${yes}, '{}', ${now}, ${now}
    FROM ${series(jobCount)}`;
  const step = Math.max(1, Math.floor((90 * DAY) / runCount));
  const job = `CASE WHEN g % 10 = 0 THEN 1 ELSE 2 + g % ${jobCount - 1} END`;
  const runs = `
    INSERT INTO runs (job_id, task, title, status, queue, priority, args, started_by, created_at, available_at,
                      started_at, finished_at, attempt, max_attempts, inserted_entries, updated_entries, errored_entries)
    SELECT 'job-' || ${pad('j')}, 'bench.t' || (j % 5), 'Run ' || g,
           CASE WHEN g % 20 = 1 THEN 'FAILED' WHEN g % 50 = 2 THEN 'PARTIAL_SUCCESS' ELSE 'SUCCESS' END,
           CASE WHEN g % 3 = 0 THEN 'reports' ELSE 'default' END, 0, '{}', 'bench', t, t,
           t + g % 997, t + g % 997 + 500 + (g * 7919) % 60000, 1, 1, g % 100, g % 37, g % 20 / 19
    FROM (SELECT g, ${job} AS j, ${now} - (${runCount} - g) * ${step} - 70000 AS t FROM ${series(runCount)}) AS timed`;
  return [jobs, runs];
}

async function main(): Promise<void> {
  const queues = ['default', 'reports'];
  const history = await seededHistory({
    name: `console_stats_${jobCount}_${runCount}`,
    dialect,
    argv,
    queues,
    async seed(h) {
      for (const statement of seedStatements(h.seededAt)) await h.query(statement);
      await analyze(h, ['jobs', 'runs']);
    },
  });
  try {
    const typical = jobId(Math.ceil(jobCount / 2));
    const cases: BenchCase[] = [
      { name: `runs, busy job (${runCount / 10} runs), 500`, path: `/api/stats/runs?job=${jobId(1)}&limit=500` },
      { name: 'runs, typical job, 500', path: `/api/stats/runs?job=${typical}&limit=500` },
      { name: 'runs, task (200,000 runs), 500', path: '/api/stats/runs?task=bench.t1&limit=500' },
      { name: 'outcomes, busy job, 90 days', path: `/api/stats/outcomes?job=${jobId(1)}&days=90` },
      { name: 'outcomes, typical job, 90 days', path: `/api/stats/outcomes?job=${typical}&days=90` },
      { name: 'outcomes, task, 30 days', path: '/api/stats/outcomes?task=bench.t1&days=30' },
      { name: 'queues, 24 hours', path: '/api/stats/queues?hours=24' },
      { name: 'queues, 72 hours', path: '/api/stats/queues?hours=72' },
    ];
    const table = await timeRequests(history, cases, { requests, warmup: 10, queues });
    printTable(`${dialect}: chart endpoints, ${runCount} runs, ${requests} sequential requests each (ms)`, table);
  } finally {
    await history.close();
  }
}

await main();
