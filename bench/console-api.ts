// Operations console API latency at 1,000,000 runs: GET /api/overview, GET /api/runs with a few
// filters, POST /api/runs/bulk/count. Seeds 1,000 jobs (100 scheduled) and the runs in bulk SQL
// (30 days; 5% FAILED with a message, 2% PARTIAL_SUCCESS; the newest 1,000 QUEUED, 50 RUNNING on 4
// workers), then the real HTTP server answers each request kind sequentially.
// Usage: node --import tsx bench/console-api.ts [--dialect postgres|sqlite] [--runs 1000000]
//   [--requests 100] [--explain] [--plans] [--reuse PREFIX [--drop]] [--keep]
//   --explain prints PostgreSQL's execution times of the overview's and the list's statements
//   (--plans: and the plans); --reuse seeds once into PREFIX_console_api_<runs> and reuses it.
import { argValue, type BenchDialect } from './support/bench-setup.js';
import {
  analyze,
  explainTimes,
  printTable,
  seededHistory,
  series,
  timeRequests,
  type BenchCase,
} from './support/seeded-history.js';

const argv = process.argv.slice(2);
const dialect = (argValue(argv, '--dialect') ?? 'postgres') as BenchDialect;
const runCount = Number(argValue(argv, '--runs') ?? 1_000_000);
const requests = Number(argValue(argv, '--requests') ?? 100);
const jobCount = 1000;
const DAY = 86_400_000;
const pad = (expr: string) => (dialect === 'postgres' ? `lpad((${expr})::text, 5, '0')` : `printf('%05d', ${expr})`);
const json = dialect === 'postgres' ? '::jsonb' : '';

function seedStatements(now: number): string[] {
  const step = Math.max(1, Math.floor((30 * DAY) / runCount));
  const status = `CASE WHEN g > ${runCount - 1000} THEN 'QUEUED' WHEN g > ${runCount - 1050} THEN 'RUNNING'
    WHEN g % 20 = 1 THEN 'FAILED' WHEN g % 50 = 2 THEN 'PARTIAL_SUCCESS' ELSE 'SUCCESS' END`;
  return [
    `INSERT INTO jobs (id, title, description, task, default_queue, active, args, schedule, next_run_at, created_at, updated_at)
     SELECT 'job-' || ${pad('g')}, 'Job ' || g, 'Bench job', 'bench.noop', 'default', ${dialect === 'postgres' ? 'TRUE' : 1}, '{}',
            CASE WHEN g <= 100 THEN '{"type":"interval","hours":1}'${json} END,
            CASE WHEN g <= 100 THEN ${now} + g * 30000 END, ${now}, ${now}
     FROM ${series(dialect, jobCount)}`,
    `INSERT INTO runs (job_id, task, title, status, queue, priority, args, started_by, created_at, available_at,
                       started_at, finished_at, heartbeat_at, worker_id, message, attempt, max_attempts)
     SELECT CASE WHEN g % 10 = 0 THEN 'job-00001' ELSE 'job-' || ${pad(`2 + g % ${jobCount - 1}`)} END,
            'bench.noop', 'Run ' || g, st,
            CASE WHEN g % 3 = 0 THEN 'reports' ELSE 'default' END, 0, '{}',
            CASE WHEN g % 7 = 0 THEN 'alice' ELSE 'scheduler' END, t, t,
            CASE WHEN st = 'QUEUED' THEN NULL ELSE t + 10 END,
            CASE WHEN st IN ('QUEUED', 'RUNNING') THEN NULL ELSE t + 500 END,
            CASE WHEN st = 'RUNNING' THEN ${now} END,
            CASE WHEN st = 'QUEUED' THEN NULL ELSE 'worker-' || (g % 4) END,
            CASE WHEN st = 'FAILED' THEN 'Error: timeout talking to upstream ' || g
                 WHEN st = 'PARTIAL_SUCCESS' THEN g % 9 || ' rows were invalid' END,
            CASE WHEN st = 'QUEUED' THEN 0 ELSE 1 END, 1
     FROM (SELECT g, ${now} - (${runCount} - g) * ${step} AS t, ${status} AS st
           FROM ${series(dialect, runCount)}) AS timed`,
    `UPDATE jobs SET last_run_id = coalesce((SELECT max(r.id) FROM runs r WHERE r.job_id = jobs.id), 0)`,
  ];
}

/** The console's statements as the store sends them (literal statuses), for EXPLAIN. */
function explained(now: number): [string, string][] {
  const day = now - DAY;
  return [
    [
      'overview: running',
      `SELECT * FROM runs WHERE status IN ('RUNNING', 'CANCELLING') ORDER BY started_at, id LIMIT 20`,
    ],
    ['overview: queued per queue', `SELECT queue, count(*), min(id) FROM runs WHERE status = 'QUEUED' GROUP BY queue`],
    [
      'overview: failures of 24 h by job',
      `SELECT job_id, status, count(*), max(id) FROM runs WHERE finished_at >= ${day}
       AND status IN ('FAILED', 'PARTIAL_SUCCESS') AND parent_run_id IS NULL GROUP BY job_id, status`,
    ],
    [
      'overview: workers',
      `SELECT worker_id, count(*) n FROM runs WHERE status IN ('RUNNING', 'CANCELLING') GROUP BY worker_id ORDER BY n DESC LIMIT 20`,
    ],
    [
      'overview: upcoming',
      `SELECT * FROM jobs WHERE active = TRUE AND next_run_at IS NOT NULL AND next_run_at < ${now + DAY} ORDER BY next_run_at LIMIT 201`,
    ],
    [
      'runs: FAILED, page',
      `SELECT * FROM runs WHERE parent_run_id IS NULL AND status = 'FAILED' ORDER BY id DESC LIMIT 25`,
    ],
    [
      'runs: FAILED, capped count',
      `SELECT count(*) FROM (SELECT 1 FROM runs WHERE parent_run_id IS NULL AND status = 'FAILED' LIMIT 10001) hits`,
    ],
    [
      'runs: FAILED of the busy job, capped count',
      `SELECT count(*) FROM (SELECT 1 FROM runs WHERE parent_run_id IS NULL AND status = 'FAILED' AND job_id = 'job-00001' LIMIT 10001) hits`,
    ],
    [
      'runs: text, ids of the newest 100,000 (page and count in one scan)',
      `SELECT id FROM runs WHERE parent_run_id IS NULL AND (lower(title) LIKE lower('%upstream 99999%')
       OR lower(message) LIKE lower('%upstream 99999%')) AND id > (SELECT max(id) FROM runs) - 100000
       ORDER BY id DESC LIMIT 1001`,
    ],
    [
      'runs: ended in 24 h, by end',
      `SELECT * FROM runs WHERE parent_run_id IS NULL AND finished_at IS NOT NULL AND finished_at >= ${day}
       ORDER BY finished_at DESC, id DESC LIMIT 25`,
    ],
  ];
}

async function main(): Promise<void> {
  const queues = ['default', 'reports'];
  const history = await seededHistory({
    name: `console_api_${runCount}`,
    dialect,
    argv,
    queues,
    async seed(h) {
      for (const statement of seedStatements(h.seededAt)) await h.query(statement);
      await analyze(h, ['jobs', 'runs']);
    },
  });
  try {
    const now = history.seededAt;
    if (argv.includes('--explain') && dialect === 'postgres') {
      await explainTimes(history, explained(now), argv.includes('--plans'));
    }
    const day = new Date(now - DAY).toISOString();
    const cases: BenchCase[] = [
      { name: 'overview', path: '/api/overview' },
      { name: 'runs, newest first', path: '/api/runs' },
      { name: 'runs, FAILED', path: '/api/runs?status=FAILED' },
      { name: 'runs, FAILED of the busy job (100,000 runs)', path: '/api/runs?status=FAILED&job=job-00001' },
      { name: 'runs, FAILED of a typical job', path: '/api/runs?status=FAILED&job=job-00500' },
      {
        name: 'runs, failed/partial ended in 24 h',
        path: `/api/runs?status=FAILED,PARTIAL_SUCCESS&time=finished&from=${day}`,
      },
      { name: 'runs, started by alice, by end', path: '/api/runs?started_by=alice&sort=-finished' },
      { name: 'runs, queue reports, page 20', path: '/api/runs?queue=reports&page=20' },
      { name: 'runs, text "upstream 99999"', path: '/api/runs?q=upstream%2099999' },
      {
        name: 'bulk count, FAILED of a job',
        path: '/api/runs/bulk/count',
        method: 'POST',
        body: { action: 'rerun', filter: { status: 'FAILED', job: 'job-00500' } },
      },
    ];
    const table = await timeRequests(history, cases, { requests, warmup: 5, role: 'admin', queues });
    printTable(`${dialect}: console API, ${runCount} runs, ${requests} sequential requests each (ms)`, table);
  } finally {
    await history.close();
  }
}

await main();
