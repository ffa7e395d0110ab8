// Admin API read latency over a large history: 10,000 jobs and 1,000,000 runs (one job holds a
// tenth of them), seeded in bulk SQL, then the real HTTP server (in this process, on a random
// port) answers each request kind sequentially; p50/p95/p99 per kind, in milliseconds.
// Usage: npm run bench:api -- [--dialect postgres|sqlite] [--jobs 10000] [--runs 1000000] [--requests 200]
//   [--keep]: leave the seeded database in place (its URL is printed) to look at query plans.
import Database from 'better-sqlite3';
import pg from 'pg';
import { startServer } from '../src/http/server.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, freshDatabase, noopTask, percentile, pgBaseUrl, type BenchDialect } from './support/bench-setup.js';

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
  const series = (n: number) =>
    dialect === 'postgres'
      ? `generate_series(1::bigint, ${n}) AS s(g)`
      : `(WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${n}) SELECT g FROM s) AS s`;
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

async function seed(url: string): Promise<void> {
  const { jobs, runs, lastRuns } = seedStatements(Date.now());
  if (dialect === 'postgres') {
    const schema = new URL(url).searchParams.get('schema')!;
    const client = new pg.Client({ connectionString: pgBaseUrl() });
    await client.connect();
    await client.query(`SET search_path TO ${schema}`);
    await client.query(jobs);
    await client.query(runs);
    await client.query(lastRuns);
    // As autovacuum would after a bulk load: statistics and the visibility map (index-only scans).
    await client.query('VACUUM ANALYZE jobs');
    await client.query('VACUUM ANALYZE runs');
    await client.end();
  } else {
    const db = new Database(url.slice('sqlite:'.length));
    db.exec(jobs);
    db.exec(runs);
    db.exec(lastRuns);
    db.exec('ANALYZE');
    db.close();
  }
}

async function main(): Promise<void> {
  const database = freshDatabase(dialect);
  try {
    // Opening the deck migrates the database; the seed then goes straight into its tables.
    const migrated = await createJobdeck({ database: database.url, tasks: [noopTask], queues: ['default', 'reports'] });
    await migrated.close();
    const seedStart = performance.now();
    await seed(database.url);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    console.log(`${dialect}: seeded ${jobCount} jobs and ${runCount} runs in ${seedSeconds.toFixed(1)} s`);
    await measure(database.url);
  } finally {
    if (argv.includes('--keep')) console.log(`kept the database: ${database.url}`);
    else await database.drop();
  }
}

async function measure(url: string): Promise<void> {
  const deck = await createJobdeck({ database: url, tasks: [noopTask], queues: ['default', 'reports'] });
  const server = await startServer(deck, 0, '127.0.0.1');
  try {
    const { secret } = await deck.tokens.create({ name: 'bench', role: 'admin' });
    const headers = { authorization: `Bearer ${secret}` };
    const get = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ hits?: { hits: { id: number }[] } }>;
    };
    const busyRuns = await get(`/api/jobs/${jobId(1)}/runs`);
    const someRun = busyRuns.hits!.hits[0]!.id;
    const cases: [string, string][] = [
      ['jobs, first page', '/api/jobs'],
      ['jobs, search "report"', '/api/jobs?q=report'],
      ['jobs, sort by title', '/api/jobs?sort=title'],
      ['jobs, sort by last run', '/api/jobs?sort=-last_run'],
      ['jobs, page 100', '/api/jobs?page=100'],
      [`runs of the busy job (${runCount / 10} runs)`, `/api/jobs/${jobId(1)}/runs`],
      ['runs of the busy job, page 100', `/api/jobs/${jobId(1)}/runs?page=100`],
      ['runs of a typical job', `/api/jobs/${jobId(Math.ceil(jobCount / 2))}/runs`],
      ['one run', `/api/runs/${someRun}`],
      ['queues', '/api/queues'],
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
      table.push({ request: name, path, p50: ms(50), p95: ms(95), p99: ms(99), max: ms(100) });
    }
    console.log(`${dialect}: ${requests} sequential requests each (ms)`);
    console.table(table);
  } finally {
    await server.close();
    await deck.close();
  }
}

await main();
