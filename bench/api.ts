// Admin API read latency over a large history: 10,000 jobs and 1,000,000 runs (one job holds a
// tenth of them), seeded in bulk SQL, then the real HTTP server (in this process, on a random
// port) answers each request kind sequentially; p50/p95/p99 per kind, in milliseconds.
// Usage: npm run bench:api -- [--dialect postgres|sqlite] [--jobs 10000] [--runs 1000000] [--requests 200]
//   [--keep]: leave the seeded database in place (its URL is printed) to look at query plans;
//   [--reuse PREFIX [--drop]]: seed once into PREFIX_api_<jobs>_<runs> and reuse it.
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
const jobCount = Number(argValue(argv, '--jobs') ?? 10_000);
const runCount = Number(argValue(argv, '--runs') ?? 1_000_000);
const requests = Number(argValue(argv, '--requests') ?? 200);
const queuedRuns = Math.min(1000, Math.floor(runCount / 10));
const DAY = 86_400_000;
if (dialect !== 'postgres' && dialect !== 'sqlite') throw new Error('--dialect must be postgres or sqlite');

/** Job ids sort like their numbers; job 1 is the "busy" job holding every tenth run. */
const jobId = (n: number) => `job-${String(n).padStart(5, '0')}`;

/**
 * The seed, as one statement per table over a generated series: runs spread over the last 30 days,
 * 5% FAILED, the newest `queuedRuns` still QUEUED; two queues.
 */
function seedStatements(now: number): { jobs: string; runs: string; lastRuns: string } {
  const series = (n: number) => seriesOf(dialect, n);
  const pad = (expr: string) => (dialect === 'postgres' ? `lpad((${expr})::text, 5, '0')` : `printf('%05d', ${expr})`);
  const yes = dialect === 'postgres' ? 'TRUE' : '1';
  const kinds = `CASE g % 5 WHEN 0 THEN 'import' WHEN 1 THEN 'export' WHEN 2 THEN 'sync' WHEN 3 THEN 'report' ELSE 'cleanup' END`;
  const jobs = `
    INSERT INTO jobs (id, title, description, task, default_queue, active, args, created_at, updated_at)
    SELECT 'job-' || ${pad('g')}, 'Job ' || g || ' ' || ${kinds}, 'Bench job number ' || g, 'bench.noop', 'default',
           ${yes}, '{}', ${now} - (${jobCount} - g) * 60000, ${now} - (${jobCount} - g) * 60000
    FROM ${series(jobCount)}`;
  const step = Math.max(1, Math.floor((30 * DAY) / runCount));
  const queued = `g > ${runCount - queuedRuns}`;
  const runs = `
    INSERT INTO runs (job_id, task, title, status, queue, priority, args, started_by, created_at, available_at,
                      started_at, finished_at, attempt, max_attempts)
    SELECT CASE WHEN g % 10 = 0 THEN 'job-00001' ELSE 'job-' || ${pad(`2 + g % ${jobCount - 1}`)} END,
           'bench.noop', 'Run ' || g,
           CASE WHEN ${queued} THEN 'QUEUED' WHEN g % 20 = 1 THEN 'FAILED' ELSE 'SUCCESS' END,
           CASE WHEN g % 3 = 0 THEN 'reports' ELSE 'default' END, 0, '{}', 'bench', t, t,
           CASE WHEN ${queued} THEN NULL ELSE t + 10 END, CASE WHEN ${queued} THEN NULL ELSE t + 500 END,
           CASE WHEN ${queued} THEN 0 ELSE 1 END, 1
    FROM (SELECT g, ${now} - (${runCount} - g) * ${step} AS t FROM ${series(runCount)}) AS timed`;
  // What creating the runs through the store keeps on each job (migration 0009).
  const lastRuns = `UPDATE jobs SET last_run_id = coalesce((SELECT max(r.id) FROM runs r WHERE r.job_id = jobs.id), 0)`;
  return { jobs, runs, lastRuns };
}

async function main(): Promise<void> {
  const queues = ['default', 'reports'];
  const history = await seededHistory({
    name: `api_${jobCount}_${runCount}`,
    dialect,
    argv,
    queues,
    async seed(h) {
      const { jobs, runs, lastRuns } = seedStatements(h.seededAt);
      for (const statement of [jobs, runs, lastRuns]) await h.query(statement);
      await analyze(h, ['jobs', 'runs']);
    },
  });
  try {
    const [someRun] = await history.query<{ id: number | string }>(
      `SELECT id FROM runs WHERE job_id = '${jobId(1)}' ORDER BY id DESC LIMIT 1`,
    );
    const cases: BenchCase[] = [
      { name: 'jobs, first page', path: '/api/jobs' },
      { name: 'jobs, search "report"', path: '/api/jobs?q=report' },
      { name: 'jobs, sort by title', path: '/api/jobs?sort=title' },
      { name: 'jobs, sort by last run', path: '/api/jobs?sort=-last_run' },
      { name: 'jobs, page 100', path: '/api/jobs?page=100' },
      { name: `runs of the busy job (${runCount / 10} runs)`, path: `/api/jobs/${jobId(1)}/runs` },
      { name: 'runs of the busy job, page 100', path: `/api/jobs/${jobId(1)}/runs?page=100` },
      { name: 'runs of a typical job', path: `/api/jobs/${jobId(Math.ceil(jobCount / 2))}/runs` },
      { name: 'one run', path: `/api/runs/${Number(someRun!.id)}` },
      { name: 'queues', path: '/api/queues' },
    ];
    const table = await timeRequests(history, cases, { requests, warmup: 20, role: 'admin', queues });
    printTable(`${dialect}: ${requests} sequential requests each (ms)`, table);
  } finally {
    await history.close();
  }
}

await main();
