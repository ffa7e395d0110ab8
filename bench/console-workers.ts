// Latency of the Workers and Tasks pages' endpoints over a large history: 1,000,000 runs (one
// task holding all but every 1000th, which belongs to a rare task), 1000 QUEUED, 400 RUNNING held
// by 40 live workers (plus 200 ended workers), seeded in bulk SQL; the real HTTP server answers
// each request kind sequentially; p50/p95/p99 per kind, in milliseconds.
// Usage: node --import tsx bench/console-workers.ts [--dialect postgres|sqlite] [--runs 1000000]
//   [--requests 200] [--keep]
import Database from 'better-sqlite3';
import pg from 'pg';
import { z } from 'zod';
import { defineTask } from '../src/domain/task.js';
import { startServer } from '../src/http/server.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, freshDatabase, noopTask, percentile, pgBaseUrl, type BenchDialect } from './support/bench-setup.js';

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
  const series = (n: number) =>
    dialect === 'postgres'
      ? `generate_series(1::bigint, ${n}) AS s(g)`
      : `(WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${n}) SELECT g FROM s) AS s`;
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

async function seed(url: string): Promise<void> {
  const statements = seedStatements(Date.now());
  if (dialect === 'postgres') {
    const schema = new URL(url).searchParams.get('schema')!;
    const client = new pg.Client({ connectionString: pgBaseUrl() });
    await client.connect();
    await client.query(`SET search_path TO ${schema}`);
    for (const statement of statements) await client.query(statement);
    // As autovacuum would after a bulk load (these tables only: the database holds other schemas).
    for (const table of ['jobs', 'runs', 'workers']) await client.query(`VACUUM ANALYZE ${table}`);
    await client.end();
  } else {
    const db = new Database(url.slice('sqlite:'.length));
    for (const statement of statements) db.exec(statement);
    db.exec('ANALYZE');
    db.close();
  }
}

async function measure(url: string): Promise<void> {
  const tasks = [noopTask, rareTask];
  const deck = await createJobdeck({ database: url, tasks, queues: ['default'], logger: false });
  const server = await startServer(deck, 0, '127.0.0.1');
  try {
    const { secret } = await deck.tokens.create({ name: 'bench', role: 'viewer' });
    const headers = { authorization: `Bearer ${secret}` };
    const get = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const cases: [string, string][] = [
      [`workers (${LIVE_WORKERS} live holding ${HELD} runs, ${ENDED_WORKERS} ended)`, '/api/workers'],
      ['task', '/api/tasks/bench.noop'],
      ['task stats, busy task, window 200', '/api/tasks/bench.noop/stats'],
      ['task stats, busy task, window 1000', '/api/tasks/bench.noop/stats?window=1000'],
      [`task stats, rare task (${runCount / 1000} runs), window 1000`, '/api/tasks/bench.rare/stats?window=1000'],
      ['jobs of a task, first page', '/api/jobs?task=bench.rare&size=10'],
    ];
    const table: Record<string, string | number>[] = [];
    for (const [name, path] of cases) {
      for (let i = 0; i < 20; i += 1) await get(path); // warm-up: plans, caches, connections
      const times: number[] = [];
      for (let i = 0; i < requests; i += 1) {
        const start = performance.now();
        await get(path);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const ms = (p: number) => Number(percentile(times, p).toFixed(2));
      table.push({ request: name, p50: ms(50), p95: ms(95), p99: ms(99), max: ms(100) });
    }
    const workers = (await get('/api/workers')) as { hits: { hits: { held_total: number }[] } };
    const heldSeen = workers.hits.hits.reduce((sum, w) => sum + w.held_total, 0);
    console.log(`${dialect}: ${requests} sequential requests each (ms); held runs listed: ${heldSeen}`);
    console.table(table);
  } finally {
    await server.close();
    await deck.close();
  }
}

async function main(): Promise<void> {
  const database = freshDatabase(dialect);
  try {
    const migrated = await createJobdeck({ database: database.url, tasks: [noopTask], logger: false });
    await migrated.close();
    const seedStart = performance.now();
    await seed(database.url);
    console.log(`${dialect}: seeded ${runCount} runs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    await measure(database.url);
  } finally {
    if (argv.includes('--keep')) console.log(`kept the database: ${database.url}`);
    else await database.drop();
  }
}

await main();
