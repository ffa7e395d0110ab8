// Calendar, schedule fidelity and run comparison over a large history: 1,000 jobs (10 every 5
// minutes, 90 hourly crontabs in Europe/Paris, the rest unscheduled) and 1,000,000 runs over 30
// days (every slot of the scheduled jobs but a few skipped or missed, the rest by hand), seeded in
// bulk SQL; then the real HTTP server answers each request kind sequentially.
// Usage: node --import tsx bench/console-calendar.ts [--dialect postgres|sqlite] [--runs 1000000]
//   [--requests 30] [--reuse PREFIX [--drop]] [--keep]
import { argValue, type BenchDialect } from './support/bench-setup.js';
import {
  analyze,
  printTable,
  seededHistory,
  series,
  timeRequests,
  type BenchCase,
  type SeededHistory,
} from './support/seeded-history.js';

const argv = process.argv.slice(2);
const dialect = (argValue(argv, '--dialect') ?? 'postgres') as BenchDialect;
const runCount = Number(argValue(argv, '--runs') ?? 1_000_000);
const requests = Number(argValue(argv, '--requests') ?? 30);
const DAY = 86_400_000;
const FIVE_MIN = 300_000;
const HOUR = 3_600_000;
const jobId = (n: number) => `job-${String(n).padStart(4, '0')}`;
const pad = (expr: string) => (dialect === 'postgres' ? `lpad((${expr})::text, 4, '0')` : `printf('%04d', ${expr})`);
const yes = dialect === 'postgres' ? 'TRUE' : '1';
const json = dialect === 'postgres' ? '::jsonb' : '';

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
    FROM (SELECT j, k, ${base} - k * ${interval} AS t
          FROM ${jobs} CROSS JOIN (SELECT g AS k FROM ${series(dialect, slots)}) AS s) AS slots
    WHERE k % 97 <> 0`;
  const skips = (jobs: string, slots: number, interval: number, base: number) => `
    INSERT INTO skipped_slots (job_id, scheduled_for, reason, created_at)
    SELECT j, ${base} - k * ${interval}, 'overlap: a run of this job was still queued or running', ${now}
    FROM ${jobs} CROSS JOIN (SELECT g AS k FROM ${series(dialect, slots)}) AS s WHERE k % 194 = 0`;
  const fiveJobs = `(SELECT 'job-' || ${pad('g')} AS j FROM ${series(dialect, 10)}) AS js`;
  const hourJobs = `(SELECT 'job-' || ${pad('g + 10')} AS j FROM ${series(dialect, 90)}) AS js`;
  return [
    `INSERT INTO jobs (id, title, description, task, default_queue, active, args, schedule, next_run_at,
                       created_at, updated_at)
     SELECT 'job-' || ${pad('g')}, 'Job ' || g, '', 'bench.noop', 'default', ${yes}, '{}',
            CASE WHEN g <= 10 THEN '{"type":"interval","minutes":5}'${json} WHEN g <= 100 THEN '${hourly}'${json} END,
            CASE WHEN g <= 10 THEN ${nextFive} WHEN g <= 100 THEN ${nextHour} END,
            ${now - 40 * DAY}, ${now - 40 * DAY}
     FROM ${series(dialect, 1000)}`,
    slotRuns(fiveJobs, fiveSlots, FIVE_MIN, nextFive),
    slotRuns(hourJobs, hourSlots, HOUR, nextHour),
    skips(fiveJobs, fiveSlots, FIVE_MIN, nextFive),
    skips(hourJobs, hourSlots, HOUR, nextHour),
    `INSERT INTO runs (${cols})
     SELECT 'job-' || ${pad('101 + g % 900')}, 'bench.noop', 'Run ' || g, 'SUCCESS', 'default', 0, '{}',
            'bench', t, t, t + 10, t + 500, 1, 1, NULL
     FROM (SELECT g, ${now} - (${manual} - g) * ${Math.max(1, Math.floor((30 * DAY) / Math.max(1, manual)))} AS t
           FROM ${series(dialect, manual)}) AS timed`,
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
    FROM ${series(dialect, n)}`;
  return [
    lines(ids[0]!, 1000, null),
    lines(ids[1]!, 1000, 900),
    lines(ids[2]!, 100_000, null),
    lines(ids[3]!, 100_000, null),
  ];
}

async function seed(history: SeededHistory): Promise<void> {
  for (const statement of seedStatements(history.seededAt)) await history.query(statement);
  const compared = await comparedRuns(history);
  // Fewer runs than the scheduled jobs' slots leave the unscheduled jobs none to compare.
  if (compared.length === 4) for (const statement of logStatements(compared)) await history.query(statement);
  await analyze(history, ['jobs', 'runs', 'skipped_slots', 'run_logs']);
}

/** Four runs of an unscheduled job, newest first: two pairs to compare. */
async function comparedRuns(history: SeededHistory): Promise<number[]> {
  const rows = await history.query<{ id: number | string }>(
    `SELECT id FROM runs WHERE job_id = 'job-0500' ORDER BY id DESC LIMIT 4`,
  );
  return rows.map((r) => Number(r.id));
}

async function main(): Promise<void> {
  const history = await seededHistory({ name: `console_calendar_${runCount}`, dialect, argv, seed });
  try {
    const [a1, b1, a2, b2] = await comparedRuns(history);
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const cases: BenchCase[] = [
      { name: 'calendar, next 7 days', path: '/api/calendar' },
      {
        name: 'calendar, today',
        path: `/api/calendar?from=${iso(now - (now % DAY))}&to=${iso(now - (now % DAY) + DAY)}`,
      },
      { name: 'calendar, 14 days (7 past)', path: `/api/calendar?from=${iso(now - 7 * DAY)}&to=${iso(now + 7 * DAY)}` },
      { name: 'fidelity, hourly job, 7 days', path: `/api/jobs/${jobId(50)}/fidelity?days=7` },
      { name: 'fidelity, hourly job, 30 days', path: `/api/jobs/${jobId(50)}/fidelity?days=30` },
      { name: 'fidelity, 5-min job, 7 days (2,000 slots)', path: `/api/jobs/${jobId(1)}/fidelity?days=7` },
      { name: 'fidelity, 5-min job, 30 days (2,000 slots)', path: `/api/jobs/${jobId(1)}/fidelity?days=30` },
    ];
    if (b2 !== undefined) {
      cases.push(
        { name: 'compare, 1,000 lines, differ at 900', path: `/api/runs/compare?a=${a1}&b=${b1}` },
        { name: 'compare, 100,000 equal lines (bound)', path: `/api/runs/compare?a=${a2}&b=${b2}` },
      );
    }
    const table = await timeRequests(history, cases, { requests, warmup: 3 });
    printTable(`${dialect}: calendar, fidelity, compare; ${runCount} runs, ${requests} requests each (ms)`, table);
  } finally {
    await history.close();
  }
}

await main();
