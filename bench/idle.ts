// Idle cost of `jobdeck start` (compiled, as shipped): nothing queued, one scheduled job hours
// away. Counts, over --seconds (default 60) after a --warmup (default 130 s: the maintenance
// sweep keeps its active pace for two minutes after start, see src/engine/maintenance.ts):
// - PostgreSQL: transactions of the process's backends (pg_stat_database xact_commit +
//   xact_rollback of a database of its own), less those of an untouched twin database over the
//   same time (the server's own: autovacuum visits), and statements by kind when the server
//   preloads pg_stat_statements;
// - both dialects: wake-ups of the process's main thread (voluntary context switches of its
//   event-loop thread, from /proc: each timer or socket wake-up is one), and its RSS at the end
//   (VmRSS of the node process itself, which is spawned directly: no shell or npm in between),
//   in MiB and in MB (the goal, 80 MB, is 76.3 MiB), split into RssAnon and RssFile (the
//   node binary's pages);
// - with --heap, the V8 heap by space at the end, from a diagnostic report the child writes on
//   SIGUSR2 (`--report-on-signal`: nothing is loaded into the process until the signal, which comes
//   after RSS is read). The new space is where RSS varies: V8 grows it to 2 × 16 MiB during
//   start-up and only the memory reducer (an idle GC, 8 s to 100 s after the last full GC) shrinks it.
// Usage: npm run bench:idle -- [--dialect sqlite,postgres] [--seconds 60] [--warmup 130] [--heap]
// PostgreSQL server: $JOBDECK_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostgresAdmin } from './compare/postgres-admin.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { builtinTasks } from '../src/tasks/index.js';
import { argValue, dialectsFromArgs, freshDatabase, type BenchDialect } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const seconds = Number(argValue(argv, '--seconds') ?? 60);
const warmup = Number(argValue(argv, '--warmup') ?? 130);
const heap = argv.includes('--heap');
const serverUrl = process.env.JOBDECK_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const cli = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function procStatus(pid: number, file: string, field: string): number {
  const text = fs.readFileSync(file.replaceAll('PID', String(pid)), 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN);
}
const wakeUps = (pid: number) => procStatus(pid, '/proc/PID/task/PID/status', 'voluntary_ctxt_switches');
const statusMiB = (pid: number, field: string) => procStatus(pid, '/proc/PID/status', field) / 1024;
const mb = (mib: number) => ((mib * 1024 * 1024) / 1e6).toFixed(1);

interface HeapSpace {
  memorySize: number;
  committedMemory: number;
  used: number;
}

/** The V8 heap of the child by space (MiB committed / used), from its diagnostic report. */
async function heapSpaces(pid: number, dir: string): Promise<string> {
  process.kill(pid, 'SIGUSR2');
  const file = path.join(dir, 'report.json');
  for (let i = 0; i < 100 && !fs.existsSync(file); i++) await sleep(50);
  await sleep(100);
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    javascriptHeap: { heapSpaces: Record<string, HeapSpace> };
  };
  const mib = (n: number) => (n / 1048576).toFixed(1);
  return Object.entries(report.javascriptHeap.heapSpaces)
    .filter(([, space]) => space.committedMemory > 0)
    .map(([name, space]) => `${name.replace(/_space$/, '')} ${mib(space.committedMemory)}/${mib(space.used)}`)
    .join(', ');
}

async function measure(dialect: BenchDialect): Promise<void> {
  const admin = dialect === 'postgres' ? await PostgresAdmin.connect(serverUrl) : undefined;
  const name = `jd_idle_${process.pid}`;
  const sqlite = dialect === 'sqlite' ? freshDatabase('sqlite') : undefined;
  await admin?.createDatabase(name);
  await admin?.createDatabase(`${name}_quiet`);
  const url = admin ? admin.urlOf(name) : sqlite!.url;
  const setup = await createJobdeck({ database: url, tasks: builtinTasks });
  // A daily job whose next slot is hours away (the daily "Prune history" job is made by start).
  const hour = (new Date().getUTCHours() + 12) % 24;
  await setup.jobs.create({
    title: 'nightly',
    task: 'http.request',
    args: { url: 'https://example.com/' },
    schedule: { type: 'crontab', expression: `0 ${hour} * * *`, timezone: 'UTC' },
  });
  await setup.close();

  const reports = heap ? fs.mkdtempSync(path.join(os.tmpdir(), 'jd-idle-')) : undefined;
  const flags = reports
    ? [
        '--report-on-signal',
        '--report-signal=SIGUSR2',
        `--report-directory=${reports}`,
        '--report-filename=report.json',
      ]
    : [];
  const child = spawn(process.execPath, [...flags, cli, 'start', '--port', '0'], {
    env: { ...process.env, JOBDECK_DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    // Counted from --warmup seconds after it says it runs (start-up writes: migrations, jobs).
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`jobdeck start exited with ${code}`)));
      child.stderr!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('jobdeck running')) resolve();
      });
    });
    await sleep(warmup * 1000);
    const xacts = async () =>
      admin ? (await admin.counters(name)).xacts - (await admin.counters(`${name}_quiet`)).xacts : 0;
    if (admin?.statementsAvailable)
      await admin.query(
        `select pg_stat_statements_reset(0::oid, (select oid from pg_database where datname = $1), 0::bigint)`,
        [name],
      );
    const before = { xacts: await xacts(), wakeUps: wakeUps(child.pid!) };
    await sleep(seconds * 1000);
    const after = { xacts: await xacts(), wakeUps: wakeUps(child.pid!) };
    const [rss, anon, file] = ['VmRSS', 'RssAnon', 'RssFile'].map((field) => statusMiB(child.pid!, field));
    const perSecond = (n: number) => (n / seconds).toFixed(3);
    console.log(
      `${dialect.padEnd(8)} idle ${seconds} s: ` +
        (admin ? `${perSecond(after.xacts - before.xacts)} transactions/s, ` : '') +
        `${perSecond(after.wakeUps - before.wakeUps)} wake-ups/s (main thread), ` +
        `RSS ${mb(rss!)} MB = ${rss!.toFixed(1)} MiB (goal 80 MB = 76.3 MiB; anon ${anon!.toFixed(1)}, ` +
        `file ${file!.toFixed(1)} MiB)`,
    );
    if (reports) console.log(`  V8 heap MiB committed/used: ${await heapSpaces(child.pid!, reports)}`);
    if (admin?.statementsAvailable) {
      const rows = await admin.query<{ calls: string; query: string }>(
        `select calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) as query
           from pg_stat_statements s join pg_database d on d.oid = s.dbid
          where d.datname = $1 order by calls desc limit 10`,
        [name],
      );
      for (const r of rows) console.log(`  ${r.calls.padStart(5)} × ${r.query}`);
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    if (admin) {
      await admin.dropDatabase(name);
      await admin.dropDatabase(`${name}_quiet`);
      await admin.close();
    }
    await sqlite?.drop();
    if (reports) fs.rmSync(reports, { recursive: true, force: true });
  }
}

for (const dialect of dialectsFromArgs(argv)) await measure(dialect);
