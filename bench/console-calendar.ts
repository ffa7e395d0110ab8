// Calendar, schedule fidelity and run comparison over a large history on PostgreSQL: 1,000 jobs
// (10 every 5 minutes, 90 hourly crontabs in Europe/Paris, the rest unscheduled) and 1,000,000
// runs over 30 days (every slot of the scheduled jobs but a few skipped or missed, the rest by
// hand), seeded in bulk SQL; then the real HTTP server answers each request kind sequentially.
// Usage: node --import tsx bench/console-calendar.ts [--runs 1000000] [--requests 30] [--keep]
import pg from 'pg';
import { startServer } from '../src/http/server.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, freshDatabase, noopTask, percentile, pgBaseUrl } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const runCount = Number(argValue(argv, '--runs') ?? 1_000_000);
const requests = Number(argValue(argv, '--requests') ?? 30);
const DAY = 86_400_000;
const FIVE_MIN = 300_000;
const HOUR = 3_600_000;
const jobId = (n: number) => `job-${String(n).padStart(4, '0')}`;

/** One statement per part; slots count back from each job's next_run_at, so they line up with it. */
function seedStatements(now: number): string[] {
  const nextFive = Math.floor(now / FIVE_MIN) * FIVE_MIN + FIVE_MIN;
  const nextHour = Math.floor(now / HOUR) * HOUR + HOUR;
  const fiveSlots = (30 * DAY) / FIVE_MIN;
  const hourSlots = (30 * DAY) / HOUR;
  const scheduledRuns = 10 * (fiveSlots - Math.floor(fiveSlots / 97)) + 90 * (hourSlots - Math.floor(hourSlots / 97));
  const manual = Math.max(0, runCount - scheduledRuns);
  const hourly = JSON.stringify({
    type: 'crontab',
    minute: '0',
    hour: '*',
    day_of_month: '*',
    month_of_year: '*',
    day_of_week: '*',
    timezone: 'Europe/Paris',
  });
  const cols = `job_id, task, title, status, queue, priority, args, started_by, created_at, available_at,
                started_at, finished_at, attempt, max_attempts, scheduled_for`;
  // Every 97th slot has no run: every other one of those has a skip record, the rest are missed.
  const slotRuns = (jobs: string, slots: number, interval: number, base: number) => `
    INSERT INTO runs (${cols})
    SELECT j, 'bench.noop', 'Run', CASE WHEN k % 20 = 1 THEN 'FAILED' ELSE 'SUCCESS' END, 'default', 0, '{}',
           'system', t + 50, t + 50, t + CASE WHEN k % 31 = 0 THEN 180000 ELSE 2000 END,
           t + CASE WHEN k % 31 = 0 THEN 185000 ELSE 7000 END, 1, 1, t
    FROM (SELECT j, k, ${base} - k * ${interval}::bigint AS t
          FROM ${jobs} CROSS JOIN generate_series(1::bigint, ${slots}) AS s(k)) AS slots
    WHERE k % 97 <> 0`;
  const skips = (jobs: string, slots: number, interval: number, base: number) => `
    INSERT INTO skipped_slots (job_id, scheduled_for, reason, created_at)
    SELECT j, ${base} - k * ${interval}::bigint, 'overlap: a run of this job was still queued or running', ${now}
    FROM ${jobs} CROSS JOIN generate_series(1::bigint, ${slots}) AS s(k) WHERE k % 194 = 0`;
  const fiveJobs = `(SELECT 'job-' || lpad(g::text, 4, '0') AS j FROM generate_series(1, 10) g) AS js`;
  const hourJobs = `(SELECT 'job-' || lpad(g::text, 4, '0') AS j FROM generate_series(11, 100) g) AS js`;
  return [
    `INSERT INTO jobs (id, title, description, task, default_queue, active, args, schedule, next_run_at,
                       created_at, updated_at)
     SELECT 'job-' || lpad(g::text, 4, '0'), 'Job ' || g, '', 'bench.noop', 'default', TRUE, '{}',
            CASE WHEN g <= 10 THEN '{"type":"interval","minutes":5}'::jsonb
                 WHEN g <= 100 THEN '${hourly}'::jsonb END,
            CASE WHEN g <= 10 THEN ${nextFive} WHEN g <= 100 THEN ${nextHour} END,
            ${now - 40 * DAY}, ${now - 40 * DAY}
     FROM generate_series(1, 1000) g`,
    slotRuns(fiveJobs, fiveSlots, FIVE_MIN, nextFive),
    slotRuns(hourJobs, hourSlots, HOUR, nextHour),
    skips(fiveJobs, fiveSlots, FIVE_MIN, nextFive),
    skips(hourJobs, hourSlots, HOUR, nextHour),
    `INSERT INTO runs (${cols})
     SELECT 'job-' || lpad((101 + g % 900)::text, 4, '0'), 'bench.noop', 'Run ' || g, 'SUCCESS', 'default', 0, '{}',
            'bench', t, t, t + 10, t + 500, 1, 1, NULL
     FROM (SELECT g, ${now} - (${manual} - g) * ${Math.max(1, Math.floor((30 * DAY) / Math.max(1, manual)))}::bigint AS t
           FROM generate_series(1::bigint, ${manual}) AS s(g)) AS timed`,
    `UPDATE jobs SET last_run_id = coalesce((SELECT max(r.id) FROM runs r WHERE r.job_id = jobs.id), 0)`,
  ];
}

/** Two pairs of runs with logs: 1,000 lines parting at line 900, and 100,000 equal lines (the bound). */
function logStatements(ids: number[]): string[] {
  const lines = (run: number, n: number, differ: number | null) => `
    INSERT INTO run_logs (run_id, seq, time, level, message, fields)
    SELECT ${run}, g, ${Date.now()} + g, CASE WHEN g % 50 = 0 THEN 'warn' ELSE 'info' END,
           'processed record ' || g || CASE WHEN ${differ ?? 0} > 0 AND g = ${differ ?? 0} THEN ' (changed)' ELSE '' END,
           NULL
    FROM generate_series(1, ${n}) g`;
  return [
    lines(ids[0]!, 1000, null),
    lines(ids[1]!, 1000, 900),
    lines(ids[2]!, 100_000, null),
    lines(ids[3]!, 100_000, null),
  ];
}

async function seed(url: string): Promise<number[]> {
  const schema = new URL(url).searchParams.get('schema')!;
  const client = new pg.Client({ connectionString: pgBaseUrl() });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  for (const statement of seedStatements(Date.now())) await client.query(statement);
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM runs WHERE job_id = 'job-0500' ORDER BY id DESC LIMIT 4`,
  );
  const ids = rows.map((r) => Number(r.id));
  for (const statement of logStatements(ids)) await client.query(statement);
  for (const table of ['jobs', 'runs', 'skipped_slots', 'run_logs']) await client.query(`VACUUM ANALYZE ${table}`);
  const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM runs');
  console.log(`postgres: ${count.rows[0]!.n} runs`);
  await client.end();
  return ids;
}

async function main(): Promise<void> {
  const database = freshDatabase('postgres');
  try {
    const migrated = await createJobdeck({ database: database.url, tasks: [noopTask], logger: false });
    await migrated.close();
    const start = performance.now();
    const ids = await seed(database.url);
    console.log(`seeded in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    await measure(database.url, ids);
  } finally {
    if (argv.includes('--keep')) console.log(`kept the database: ${database.url}`);
    else await database.drop();
  }
}

async function measure(url: string, [a1, b1, a2, b2]: number[]): Promise<void> {
  const deck = await createJobdeck({ database: url, tasks: [noopTask], logger: false });
  const server = await startServer(deck, 0, '127.0.0.1');
  try {
    const { secret } = await deck.tokens.create({ name: 'bench', role: 'viewer' });
    const headers = { authorization: `Bearer ${secret}` };
    let bytes = 0;
    const get = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers });
      const text = await response.text();
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${text}`);
      bytes = text.length;
    };
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const cases: [string, string][] = [
      ['calendar, next 7 days', '/api/calendar'],
      ['calendar, today', `/api/calendar?from=${iso(now - (now % DAY))}&to=${iso(now - (now % DAY) + DAY)}`],
      ['calendar, 14 days (7 past)', `/api/calendar?from=${iso(now - 7 * DAY)}&to=${iso(now + 7 * DAY)}`],
      ['fidelity, hourly job, 7 days', `/api/jobs/${jobId(50)}/fidelity?days=7`],
      ['fidelity, hourly job, 30 days', `/api/jobs/${jobId(50)}/fidelity?days=30`],
      ['fidelity, 5-min job, 7 days (2,000 slots)', `/api/jobs/${jobId(1)}/fidelity?days=7`],
      ['fidelity, 5-min job, 30 days (2,000 slots)', `/api/jobs/${jobId(1)}/fidelity?days=30`],
      ['compare, 1,000 lines, differ at 900', `/api/runs/compare?a=${a1}&b=${b1}`],
      ['compare, 100,000 equal lines (bound)', `/api/runs/compare?a=${a2}&b=${b2}`],
    ];
    const table: Record<string, string | number>[] = [];
    for (const [name, path] of cases) {
      for (let i = 0; i < 3; i += 1) await get(path); // warm-up: plans, caches, connections
      const times: number[] = [];
      for (let i = 0; i < requests; i += 1) {
        const start = performance.now();
        await get(path);
        times.push(performance.now() - start);
      }
      times.sort((x, y) => x - y);
      const ms = (p: number) => Number(percentile(times, p).toFixed(1));
      table.push({ request: name, p50: ms(50), p95: ms(95), max: ms(100), kB: Math.round(bytes / 1024) });
    }
    console.log(`postgres: ${requests} sequential requests each (ms)`);
    console.table(table);
  } finally {
    await server.close();
    await deck.close();
  }
}

await main();
