// Fan-out: one parent run creates N sub-runs (no-ops), which one worker at concurrency C drains;
// the parent ends with the last of them. Reports the creation time, the drain rate (first
// sub-run start → last sub-run end) and how long after the last sub-run's end the parent was
// seen ended (waitForEnd, event-driven).
// Usage: npm run bench:subruns -- [--dialect sqlite,postgres] [--runs 10000] [--concurrency 10]
import { z } from 'zod';
import { defineTask } from '../src/domain/task.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, dialectsFromArgs, freshDatabase, noopTask, type BenchDialect } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const runs = Number(argValue(argv, '--runs') ?? 10_000);
const concurrency = Number(argValue(argv, '--concurrency') ?? 10);

let createMs = 0;
const parentTask = defineTask({
  id: 'bench.fan-out',
  title: 'Fan out',
  description: 'Creates n no-op sub-runs',
  args: z.object({ n: z.number().int() }),
  async run(ctx, { n }) {
    const items = Array.from({ length: n }, () => ({ args: {} }));
    const start = performance.now();
    await ctx.subRuns.create(items, { task: 'bench.noop' });
    createMs = performance.now() - start;
  },
});

async function measure(dialect: BenchDialect): Promise<void> {
  const database = freshDatabase(dialect);
  const deck = await createJobdeck({ database: database.url, tasks: [noopTask, parentTask] });
  try {
    const job = await deck.jobs.create({ title: 'bench', task: 'bench.fan-out' });
    const worker = deck.createWorker({ concurrency });
    let firstStart = 0;
    let lastEnd = 0;
    let ended = 0;
    worker.on('run:started', (run) => {
      if (run.parentRunId !== null && firstStart === 0) firstStart = performance.now();
    });
    worker.on('run:finished', (_outcome, run) => {
      if (run?.parentRunId == null) return;
      ended += 1;
      lastEnd = performance.now();
    });
    await worker.start();
    const parent = await deck.runs.create(job.id, { args: { n: runs } });
    const done = await deck.runs.waitForEnd(parent.id, { timeoutMs: 120_000 });
    const seen = performance.now();
    await worker.stop();
    const drainSeconds = (lastEnd - firstStart) / 1000;
    console.log(
      `${dialect.padEnd(8)} sub-runs=${runs} concurrency=${concurrency} parent=${done.status}` +
        ` (${done.subRuns.completed}/${done.subRuns.total}, ${ended} seen)` +
        ` created in ${Math.round(createMs)} ms` +
        ` drain=${Math.round(runs / drainSeconds)} runs/s (${drainSeconds.toFixed(2)} s)` +
        ` parent seen ended ${Math.round(seen - lastEnd)} ms after the last sub-run`,
    );
  } finally {
    await deck.close();
    await database.drop();
  }
}

for (const dialect of dialectsFromArgs(argv)) await measure(dialect);
