// SQLite's claim and finish alone: N queued no-op runs claimed and finished through the store (no
// worker), with the CPU time per run of each and the WAL bytes per run. `--drop` drops indexes or
// triggers first: an experiment, to weigh what each costs (see docs/performance.md, "SQLite drain,
// wave 2 session 4"). CPU time and WAL bytes, not rates: steady on a shared machine.
// Usage: npm run bench:sqlite-statements -- [--runs 20000] [--claim 250] [--finish 125] [--reps 5]
//        [--drop runs_active,runs_job_success]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, freshDatabase, noopTask } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const runs = Number(argValue(argv, '--runs') ?? 20_000);
const claimSize = Number(argValue(argv, '--claim') ?? 250);
const finishSize = Number(argValue(argv, '--finish') ?? 125);
const reps = Number(argValue(argv, '--reps') ?? 5);
const drop = (argValue(argv, '--drop') ?? '').split(',').filter(Boolean);
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function once(): Promise<{ claim: number; finish: number; walBytes: number }> {
  const database = freshDatabase('sqlite');
  const file = database.url.slice('sqlite:'.length);
  const deck = await createJobdeck({ database: database.url, tasks: [noopTask], logger: false });
  // A second connection: it drops what --drop names, then holds a read transaction so that no
  // checkpoint can restart the WAL, whose size at the end is then every page the loop wrote.
  const reader = new Database(file);
  try {
    for (const name of drop) {
      const kind = reader.prepare('SELECT type FROM sqlite_master WHERE name = ?').pluck().get(name) as string;
      if (kind !== 'index' && kind !== 'trigger') throw new Error(`--drop: no index or trigger named ${name}`);
      reader.exec(`DROP ${kind} ${name}`);
    }
    const job = await deck.jobs.create({ title: 'bench', task: 'bench.noop' });
    const run = { jobId: job.id, task: 'bench.noop', title: 'bench', queue: 'default', args: {} };
    await deck.store.runsCreate(
      Array.from({ length: runs }, () => ({ ...run, customArgs: null, since: null, startedBy: 'bench' })),
    );
    reader.pragma('wal_checkpoint(TRUNCATE)');
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM jobs').get();
    const walBefore = fs.statSync(`${file}-wal`).size;
    let claim = 0;
    let finish = 0;
    for (;;) {
      let start = cpuMs();
      const claimed = await deck.store.runClaim({ queues: ['default'], limit: claimSize, workerId: 'bench' });
      claim += cpuMs() - start;
      if (claimed.length === 0) break;
      for (let i = 0; i < claimed.length; i += finishSize) {
        const outcomes = claimed.slice(i, i + finishSize).map((r) => ({
          id: r.id,
          workerId: 'bench',
          attempt: r.attempt,
          status: 'SUCCESS' as const,
          message: null,
          result: null,
          progress: {},
        }));
        start = cpuMs();
        const finished = await deck.store.runsFinish(outcomes);
        finish += cpuMs() - start;
        if (finished.length !== outcomes.length) throw new Error('a finish did not apply');
      }
    }
    return { claim, finish, walBytes: fs.statSync(`${file}-wal`).size - walBefore };
  } finally {
    reader.close();
    await deck.close();
    await database.drop();
  }
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const results = [];
for (let i = 0; i < reps; i++) results.push(await once());
const perRun = (ms: number) => ((ms * 1000) / runs).toFixed(1);
console.log(
  `sqlite runs=${runs} claim=${claimSize} finish=${finishSize}${drop.length ? ` dropped ${drop.join(',')}` : ''},` +
    ` median of ${reps}: CPU µs/run claim ${perRun(median(results.map((r) => r.claim)))},` +
    ` finish ${perRun(median(results.map((r) => r.finish)))},` +
    ` both ${perRun(median(results.map((r) => r.claim + r.finish)))}; WAL ${Math.round(results[0]!.walBytes / runs)} B/run`,
);
