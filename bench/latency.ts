// Latency: enqueue one run at a time with a worker process idle and waiting; enqueue → start,
// from just before `runs.create` (its reads count, as in bench:compare) to the run's start.
// Usage: npm run bench:latency -- [--dialect sqlite,postgres] [--samples 1000]
import { createJobdeck } from '../src/service/jobdeck.js';
import {
  argValue,
  dialectsFromArgs,
  freshDatabase,
  noopTask,
  percentile,
  spawnWorker,
  stopProcess,
  type BenchDialect,
} from './support/bench-setup.js';

const argv = process.argv.slice(2);
const samples = Number(argValue(argv, '--samples') ?? 1000);

async function measure(dialect: BenchDialect): Promise<void> {
  const database = freshDatabase(dialect);
  const deck = await createJobdeck({ database: database.url, tasks: [noopTask] });
  const worker = await spawnWorker(database.url, 10);
  try {
    const job = await deck.jobs.create({ title: 'bench', task: 'bench.noop' });
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const asked = Date.now();
      const run = await deck.runs.create(job.id, { startedBy: 'bench' });
      const done = await deck.runs.waitForEnd(run.id, { pollMs: 1000 });
      latencies.push(done.startedAt!.getTime() - asked);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `${dialect.padEnd(8)} samples=${samples} enqueue→start ms: p50=${percentile(latencies, 50)} p95=${percentile(latencies, 95)}` +
        ` p99=${percentile(latencies, 99)} max=${latencies[latencies.length - 1]}`,
    );
  } finally {
    await stopProcess(worker);
    await deck.close();
    await database.drop();
  }
}

for (const dialect of dialectsFromArgs(argv)) await measure(dialect);
