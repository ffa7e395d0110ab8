// Run logs: one task writes N lines as fast as it can; how fast are they stored, and how much
// slower is the task than the same loop without logging?
// Usage: npm run bench:logs -- [--dialect postgres|sqlite|sqlite,postgres] [--lines 1000000] [--no-drain]
//   --no-drain: the task never awaits ctx.log.drain(), so nothing holds it back (memory grows).
import { z } from 'zod';
import { defineTask } from '../src/domain/task.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, freshDatabase, percentile, type BenchDialect } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const lines = Number(argValue(argv, '--lines') ?? 1_000_000);
const drain = !argv.includes('--no-drain');
const batchLines = Number(argValue(argv, '--batch') ?? 10_000);
const dialects = (argValue(argv, '--dialect') ?? 'postgres').split(',') as BenchDialect[];

/** The loop under test: the same work with or without logging, timed inside the task. */
const logTask = defineTask({
  id: 'bench.log',
  title: 'Log lines',
  description: 'Writes many log lines; for benchmarks',
  args: z.object({ lines: z.number().int(), log: z.boolean(), drain: z.boolean() }),
  async run(ctx, args) {
    let kept = 0;
    const start = performance.now();
    for (let i = 1; i <= args.lines; i += 1) {
      const message = `processed record ${i} of ${args.lines}`;
      if (args.log) ctx.log.info(message);
      else kept += message.length; // the same string work, so only the logging differs
      if (args.drain && i % 10_000 === 0) await ctx.log.drain();
    }
    return { loopMs: performance.now() - start, kept };
  },
});

async function measure(dialect: BenchDialect): Promise<void> {
  const database = freshDatabase(dialect);
  const deck = await createJobdeck({ database: database.url, tasks: [logTask] });
  const worker = deck.createWorker({
    concurrency: 1,
    logs: {
      maxLinesPerRun: lines + 10,
      maxBytesPerRun: 1024 * 1024 * 1024,
      batchLines,
      highWaterLines: 5 * batchLines,
    },
  });
  await worker.start();
  try {
    const job = await deck.jobs.create({ title: 'bench', task: 'bench.log' });
    const loop = async (log: boolean) => {
      const run = await deck.runs.create(job.id, { args: { lines, log, drain } });
      const ended = await deck.runs.waitForEnd(run.id, { timeoutMs: 30 * 60_000 });
      if (ended.status !== 'SUCCESS') throw new Error(`run ended ${ended.status}: ${ended.message}`);
      return ended;
    };
    const baseline = await loop(false);
    const memoryBefore = process.memoryUsage().rss;
    // How long one batch write takes from start to stored (SQLite yields between its 2,000-line inserts).
    const writes: number[] = [];
    const append = deck.store.logAppend.bind(deck.store);
    deck.store.logAppend = async (batch, heldBy) => {
      const start = performance.now();
      await append(batch, heldBy);
      writes.push(performance.now() - start);
    };
    const logged = await loop(true);
    writes.sort((a, b) => a - b);
    const memoryAfter = process.memoryUsage().rss;
    // The final state is written only after every line is stored: start → finish covers them all.
    const storeSeconds = (logged.finishedAt!.getTime() - logged.startedAt!.getTime()) / 1000;
    const stored = await deck.store.logMaxSeq(logged.id);
    const baseMs = (baseline.result as { loopMs: number }).loopMs;
    const logMs = (logged.result as { loopMs: number }).loopMs;
    console.log(
      `${dialect.padEnd(8)} lines=${lines} stored=${stored} drain=${drain}` +
        ` stored ${Math.round(stored / storeSeconds).toLocaleString('en')} lines/s (start → all stored ${storeSeconds.toFixed(2)} s);` +
        ` task loop ${logMs.toFixed(0)} ms vs ${baseMs.toFixed(0)} ms without logging` +
        ` (${(logMs / Math.max(baseMs, 0.001)).toFixed(1)}× ; ${(((logMs - baseMs) / lines) * 1e6).toFixed(0)} ns per line);` +
        ` ${writes.length} batch writes, elapsed median ${percentile(writes, 50).toFixed(0)} ms, max ${writes.at(-1)!.toFixed(0)} ms;` +
        ` rss ${(memoryBefore / 2 ** 20).toFixed(0)} → ${(memoryAfter / 2 ** 20).toFixed(0)} MiB`,
    );
  } finally {
    await worker.stop();
    await deck.close();
    await database.drop();
  }
}

for (const dialect of dialects) await measure(dialect);
