// Fan-out: one parent run creates N sub-runs (no-ops), which one worker at concurrency C drains;
// the parent ends with the last of them. Reports the creation time, the drain rate (first
// sub-run start → last sub-run end) and how long after the last sub-run's end the parent was
// seen ended (waitForEnd, event-driven). Then, with the same worker in the same minute, N
// top-level no-op runs (bulk-created): the ratio of the two drain rates is what being a sub-run
// costs, whatever the machine's load.
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

/** First start and last end of the no-op runs, counted from the worker's events. */
class Span {
  first = 0;
  last = 0;
  ended = 0;
  seconds = () => (this.last - this.first) / 1000;
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function measure(dialect: BenchDialect): Promise<void> {
  const database = freshDatabase(dialect);
  const deck = await createJobdeck({ database: database.url, tasks: [noopTask, parentTask] });
  try {
    const job = await deck.jobs.create({ title: 'bench', task: 'bench.fan-out' });
    const worker = deck.createWorker({ concurrency });
    let span = new Span();
    worker.on('run:started', (run) => {
      if (run.task === 'bench.noop' && span.first === 0) span.first = performance.now();
    });
    worker.on('run:finished', (_outcome, run) => {
      if (run?.task !== 'bench.noop') return;
      span.ended += 1;
      span.last = performance.now();
    });
    await worker.start();
    const parent = await deck.runs.create(job.id, { args: { n: runs } });
    const done = await deck.runs.waitForEnd(parent.id, { timeoutMs: 120_000 });
    const seen = performance.now();
    // The parent can end before the worker has announced its last children's ends.
    await until(() => span.ended >= runs);
    const sub = span;

    span = new Span();
    const plainRun = { jobId: job.id, task: 'bench.noop', title: 'plain', queue: 'default', args: {} };
    const plainStart = performance.now();
    await deck.store.runsCreate(
      Array.from({ length: runs }, () => ({ ...plainRun, customArgs: null, since: null, startedBy: 'bench' })),
    );
    const plainCreateMs = performance.now() - plainStart;
    await until(() => span.ended >= runs);
    await worker.stop();
    const rate = (s: Span) => Math.round(runs / s.seconds());
    console.log(
      `${dialect.padEnd(8)} sub-runs=${runs} concurrency=${concurrency} parent=${done.status}` +
        ` (${done.subRuns.completed}/${done.subRuns.total}, ${sub.ended} seen)` +
        ` created in ${Math.round(createMs)} ms` +
        ` drain=${rate(sub)} runs/s (${sub.seconds().toFixed(2)} s)` +
        ` parent seen ended ${Math.round(seen - sub.last)} ms after the last sub-run;` +
        ` top-level: created in ${Math.round(plainCreateMs)} ms, drain=${rate(span)} runs/s` +
        ` (${span.ended} seen); sub-run/top-level drain ${(rate(sub) / rate(span)).toFixed(2)}`,
    );
  } finally {
    await deck.close();
    await database.drop();
  }
}

for (const dialect of dialectsFromArgs(argv)) await measure(dialect);
