// Scheduler precision and exactly-once: J jobs on a 2-second interval for D seconds, fired by
// S scheduler processes (default 3 on PostgreSQL, 1 on SQLite). Prints lateness (created − slot),
// duplicates and missed slots.
// Usage: npm run bench:scheduler -- [--dialect sqlite,postgres] [--jobs 500] [--seconds 60] [--schedulers N]
import { nextFireAfter } from '../src/domain/schedule-times.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import {
  argValue,
  dialectsFromArgs,
  freshDatabase,
  noopTask,
  percentile,
  spawnScheduler,
  stopProcess,
  type BenchDialect,
} from './support/bench-setup.js';

const argv = process.argv.slice(2);
const jobCount = Number(argValue(argv, '--jobs') ?? 500);
const seconds = Number(argValue(argv, '--seconds') ?? 60);

async function measure(dialect: BenchDialect): Promise<void> {
  const schedulers = Number(argValue(argv, '--schedulers') ?? (dialect === 'postgres' ? 3 : 1));
  const database = freshDatabase(dialect);
  const deck = await createJobdeck({ database: database.url, tasks: [noopTask] });
  try {
    const processes = await Promise.all(Array.from({ length: schedulers }, () => spawnScheduler(database.url)));
    const jobs = [];
    for (let i = 0; i < jobCount; i++) {
      // overlap allow: no worker drains these runs, and every slot must produce one.
      jobs.push(
        await deck.jobs.create({
          title: `bench ${i}`,
          task: 'bench.noop',
          overlapPolicy: 'allow',
          schedule: { type: 'interval', seconds: 2 },
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const stoppedAt = Date.now();
    await Promise.all(processes.map(stopProcess));

    const runs = (await deck.store.runList({ limit: 10_000_000, offset: 0 })).items;
    const slots = new Map<string, number>();
    for (const run of runs) {
      const key = `${run.jobId}@${run.scheduledFor!.getTime()}`;
      slots.set(key, (slots.get(key) ?? 0) + 1);
    }
    const duplicates = [...slots.values()].reduce((n, count) => n + count - 1, 0);
    // Every slot more than a second before the stop must have fired.
    let expected = 0;
    let missed = 0;
    for (const job of jobs) {
      for (let slot = job.nextRunAt!; slot.getTime() <= stoppedAt - 1000; slot = nextFireAfter(job.schedule!, slot)) {
        expected += 1;
        if (!slots.has(`${job.id}@${slot.getTime()}`)) missed += 1;
      }
    }
    let skipped = 0;
    for (const job of jobs) skipped += (await deck.store.skippedSlotList(job.id, 1, 0)).total;
    const lateness = runs.map((run) => run.created.getTime() - run.scheduledFor!.getTime()).sort((a, b) => a - b);
    console.log(
      `${dialect.padEnd(8)} schedulers=${schedulers} jobs=${jobCount} seconds=${seconds} runs=${runs.length}` +
        ` expected_slots=${expected} lateness ms: p50=${percentile(lateness, 50)} p99=${percentile(lateness, 99)}` +
        ` max=${lateness[lateness.length - 1]} duplicates=${duplicates} missed=${missed} skipped=${skipped}`,
    );
  } finally {
    await deck.close();
    await database.drop();
  }
}

for (const dialect of dialectsFromArgs(argv)) await measure(dialect);
