// Operations console API latency at 1,000,000 runs on PostgreSQL: GET /api/overview, GET /api/runs
// with a few filters, POST /api/runs/bulk/count. Seeds 1,000 jobs (100 scheduled) and the runs with
// generate_series (30 days; 5% FAILED with a message, 2% PARTIAL_SUCCESS; the newest 1,000 QUEUED,
// 50 RUNNING on 4 workers), then the real HTTP server answers each request kind sequentially.
// Usage: node --import tsx bench/console-api.ts [--runs 1000000] [--requests 100] [--explain] [--keep]
//   --explain prints PostgreSQL's plans of the overview's and the runs list's statements.
import pg from 'pg';
import { startServer } from '../src/http/server.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, freshDatabase, noopTask, percentile, pgBaseUrl } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const runCount = Number(argValue(argv, '--runs') ?? 1_000_000);
const requests = Number(argValue(argv, '--requests') ?? 100);
const jobCount = 1000;
const DAY = 86_400_000;
const pad = (expr: string) => `lpad((${expr})::text, 5, '0')`;

function seedStatements(now: number): string[] {
  const step = Math.max(1, Math.floor((30 * DAY) / runCount));
  const status = `CASE WHEN g > ${runCount - 1000} THEN 'QUEUED' WHEN g > ${runCount - 1050} THEN 'RUNNING'
    WHEN g % 20 = 1 THEN 'FAILED' WHEN g % 50 = 2 THEN 'PARTIAL_SUCCESS' ELSE 'SUCCESS' END`;
  return [
    `INSERT INTO jobs (id, title, description, task, default_queue, active, args, schedule, next_run_at, created_at, updated_at)
     SELECT 'job-' || ${pad('g')}, 'Job ' || g, 'Bench job', 'bench.noop', 'default', TRUE, '{}',
            CASE WHEN g <= 100 THEN '{"type":"interval","hours":1}'::jsonb END,
            CASE WHEN g <= 100 THEN ${now} + g * 30000 END, ${now}, ${now}
     FROM generate_series(1, ${jobCount}) AS s(g)`,
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
           FROM generate_series(1::bigint, ${runCount}) AS s(g)) AS timed`,
    `UPDATE jobs SET last_run_id = coalesce((SELECT max(r.id) FROM runs r WHERE r.job_id = jobs.id), 0)`,
    // As autovacuum would after a bulk load: statistics and the visibility map (index-only scans).
    'VACUUM ANALYZE jobs',
    'VACUUM ANALYZE runs',
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
      'runs: ended in 24 h, by end',
      `SELECT * FROM runs WHERE parent_run_id IS NULL AND finished_at IS NOT NULL AND finished_at >= ${day}
       ORDER BY finished_at DESC, id DESC LIMIT 25`,
    ],
  ];
}

async function main(): Promise<void> {
  const database = freshDatabase('postgres');
  const schema = new URL(database.url).searchParams.get('schema')!;
  const client = new pg.Client({ connectionString: pgBaseUrl() });
  try {
    const migrated = await createJobdeck({
      database: database.url,
      tasks: [noopTask],
      queues: ['default', 'reports'],
      logger: false,
    });
    await migrated.close();
    await client.connect();
    await client.query(`SET search_path TO ${schema}`);
    const now = Date.now();
    const start = performance.now();
    for (const statement of seedStatements(now)) await client.query(statement);
    console.log(
      `postgres: seeded ${jobCount} jobs and ${runCount} runs in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    if (argv.includes('--explain')) {
      for (const [name, sql] of explained(now)) {
        const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`);
        console.log(`\n-- ${name}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      }
    }
    await measure(database.url, now);
  } finally {
    await client.end();
    if (argv.includes('--keep')) console.log(`kept the database: ${database.url}`);
    else await database.drop();
  }
}

async function measure(url: string, now: number): Promise<void> {
  const deck = await createJobdeck({ database: url, tasks: [noopTask], queues: ['default', 'reports'], logger: false });
  const server = await startServer(deck, 0, '127.0.0.1');
  try {
    const { secret } = await deck.tokens.create({ name: 'bench', role: 'admin' });
    const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
    const send = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<unknown>;
    };
    const day = new Date(now - DAY).toISOString();
    const cases: [string, string, string, unknown?][] = [
      ['overview', 'GET', '/api/overview'],
      ['runs, newest first', 'GET', '/api/runs'],
      ['runs, FAILED', 'GET', '/api/runs?status=FAILED'],
      ['runs, FAILED of the busy job (100,000 runs)', 'GET', '/api/runs?status=FAILED&job=job-00001'],
      ['runs, FAILED of a typical job', 'GET', '/api/runs?status=FAILED&job=job-00500'],
      [
        'runs, failed/partial ended in 24 h',
        'GET',
        `/api/runs?status=FAILED,PARTIAL_SUCCESS&time=finished&from=${day}`,
      ],
      ['runs, started by alice, by end', 'GET', '/api/runs?started_by=alice&sort=-finished'],
      ['runs, queue reports, page 20', 'GET', '/api/runs?queue=reports&page=20'],
      ['runs, text "upstream 99999"', 'GET', '/api/runs?q=upstream%2099999'],
      [
        'bulk count, FAILED of a job',
        'POST',
        '/api/runs/bulk/count',
        { action: 'rerun', filter: { status: 'FAILED', job: 'job-00500' } },
      ],
    ];
    const table: Record<string, string | number>[] = [];
    for (const [name, method, path, body] of cases) {
      for (let i = 0; i < 5; i += 1) await send(method, path, body); // warm-up: plans, caches, connections
      const times: number[] = [];
      for (let i = 0; i < requests; i += 1) {
        const start = performance.now();
        await send(method, path, body);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const ms = (p: number) => Number(percentile(times, p).toFixed(1));
      table.push({ request: name, p50: ms(50), p95: ms(95), p99: ms(99), max: ms(100) });
    }
    console.log(`postgres: ${requests} sequential requests each (ms)`);
    console.table(table);
  } finally {
    await server.close();
    await deck.close();
  }
}

await main();
