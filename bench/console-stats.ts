// The chart endpoints (GET /api/stats/*) over a large history: 1,000 jobs and 1,000,000 runs over
// the last 90 days (job 1, the "busy" job, holds a tenth of them; 5 tasks), seeded in bulk SQL
// (generate_series), then the real HTTP server (in this process) answers each request kind
// sequentially; p50/p95/p99 per kind, in milliseconds. See docs/console-charts.md.
// Usage: node --import tsx bench/console-stats.ts [--dialect postgres|sqlite] [--jobs 1000]
//   [--runs 1000000] [--requests 100] [--keep]
import Database from 'better-sqlite3';
import pg from 'pg';
import { startServer } from '../src/http/server.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, freshDatabase, noopTask, percentile, pgBaseUrl, type BenchDialect } from './support/bench-setup.js';

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
  const series = (n: number) =>
    dialect === 'postgres'
      ? `generate_series(1::bigint, ${n}) AS s(g)`
      : `(WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${n}) SELECT g FROM s) AS s`;
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

async function seed(url: string): Promise<void> {
  const statements = seedStatements(Date.now());
  if (dialect === 'postgres') {
    const schema = new URL(url).searchParams.get('schema')!;
    const client = new pg.Client({ connectionString: pgBaseUrl() });
    await client.connect();
    await client.query(`SET search_path TO ${schema}`);
    for (const statement of statements) await client.query(statement);
    // As autovacuum would after a bulk load: statistics and the visibility map (index-only scans).
    await client.query('VACUUM ANALYZE jobs');
    await client.query('VACUUM ANALYZE runs');
    await client.end();
  } else {
    const db = new Database(url.slice('sqlite:'.length));
    for (const statement of statements) db.exec(statement);
    db.exec('ANALYZE');
    db.close();
  }
}

async function measure(url: string): Promise<void> {
  const deck = await createJobdeck({ database: url, tasks: [noopTask], queues: ['default', 'reports'] });
  const server = await startServer(deck, 0, '127.0.0.1');
  try {
    const { secret } = await deck.tokens.create({ name: 'bench', role: 'viewer' });
    const get = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${secret}` } });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ points?: unknown[]; truncated?: boolean }>;
    };
    const typical = jobId(Math.ceil(jobCount / 2));
    const cases: [string, string][] = [
      [`runs, busy job (${runCount / 10} runs), 500`, `/api/stats/runs?job=${jobId(1)}&limit=500`],
      ['runs, typical job, 500', `/api/stats/runs?job=${typical}&limit=500`],
      ['runs, task (200,000 runs), 500', '/api/stats/runs?task=bench.t1&limit=500'],
      ['outcomes, busy job, 90 days', `/api/stats/outcomes?job=${jobId(1)}&days=90`],
      ['outcomes, typical job, 90 days', `/api/stats/outcomes?job=${typical}&days=90`],
      ['outcomes, task, 30 days', '/api/stats/outcomes?task=bench.t1&days=30'],
      ['queues, 24 hours', '/api/stats/queues?hours=24'],
      ['queues, 72 hours', '/api/stats/queues?hours=72'],
    ];
    const table: Record<string, string | number | boolean>[] = [];
    for (const [name, path] of cases) {
      let answer = await get(path);
      for (let i = 0; i < 10; i += 1) answer = await get(path); // warm-up: plans, caches, connections
      const times: number[] = [];
      for (let i = 0; i < requests; i += 1) {
        const start = performance.now();
        await get(path);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const ms = (p: number) => Number(percentile(times, p).toFixed(1));
      table.push({
        request: name,
        p50: ms(50),
        p95: ms(95),
        p99: ms(99),
        max: ms(100),
        truncated: answer.truncated ?? '',
      });
    }
    console.log(`${dialect}: ${requests} sequential requests each (ms)`);
    console.table(table);
  } finally {
    await server.close();
    await deck.close();
  }
}

const database = freshDatabase(dialect);
try {
  const migrated = await createJobdeck({ database: database.url, tasks: [noopTask], queues: ['default', 'reports'] });
  await migrated.close();
  const seedStart = performance.now();
  await seed(database.url);
  console.log(
    `${dialect}: seeded ${jobCount} jobs and ${runCount} runs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  await measure(database.url);
} finally {
  if (argv.includes('--keep')) console.log(`kept the database: ${database.url}`);
  else await database.drop();
}
