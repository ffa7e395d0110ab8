// Throughput: enqueue N no-op runs in bulk, then drain them with one worker process.
// Usage: npm run bench:throughput -- [--dialect sqlite,postgres] [--runs 20000] [--concurrency 10]
import { createJobdeck } from '../src/service/jobdeck.js';
import {
  argValue,
  dialectsFromArgs,
  freshDatabase,
  noopTask,
  spawnWorker,
  stopProcess,
  type BenchDialect,
} from './support/bench-setup.js';

const argv = process.argv.slice(2);
const runs = Number(argValue(argv, '--runs') ?? 20_000);
const concurrency = Number(argValue(argv, '--concurrency') ?? 10);

async function measure(dialect: BenchDialect): Promise<void> {
  const database = freshDatabase(dialect);
  const deck = await createJobdeck({ database: database.url, tasks: [noopTask] });
  try {
    const job = await deck.jobs.create({ title: 'bench', task: 'bench.noop' });
    const run = {
      jobId: job.id,
      task: 'bench.noop',
      title: 'bench',
      queue: 'default',
      args: {},
      customArgs: null,
      since: null,
      startedBy: 'bench',
    };
    const enqueueStart = performance.now();
    await deck.store.runsCreate(Array.from({ length: runs }, () => run));
    const enqueueSeconds = (performance.now() - enqueueStart) / 1000;

    const drainStart = performance.now();
    const worker = await spawnWorker(database.url, concurrency);
    for (;;) {
      const left = await deck.store.runList({ statuses: ['QUEUED', 'RUNNING'], limit: 1, offset: 0 });
      if (left.total === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const wallSeconds = (performance.now() - drainStart) / 1000;
    await stopProcess(worker);
    const all = await deck.store.runList({ statuses: ['SUCCESS'], limit: 1, offset: 0 });
    const first = (await deck.store.runList({ limit: 1, offset: runs - 1 })).items[0]!;
    const last = (await deck.store.runList({ limit: 1, offset: 0 })).items[0]!;
    const busySeconds = (last.finishedAt!.getTime() - first.startedAt!.getTime()) / 1000;
    console.log(
      `${dialect.padEnd(8)} runs=${runs} concurrency=${concurrency} succeeded=${all.total}` +
        ` enqueue=${Math.round(runs / enqueueSeconds)}/s` +
        ` drain=${Math.round(runs / busySeconds)} runs/s (first start → last finish ${busySeconds.toFixed(2)} s;` +
        ` ${Math.round(runs / wallSeconds)} runs/s including worker start-up)`,
    );
  } finally {
    await deck.close();
    await database.drop();
  }
}

for (const dialect of dialectsFromArgs(argv)) await measure(dialect);
