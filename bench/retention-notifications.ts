// Retention and notifications.
//   prune: N runs with M log lines each ended 400 days ago; how fast does maintenance.prune-history's
//          storage (logsPrune, runsPrune) delete them, and how long is the longest single batch?
//   notify: runs of a job with a signed webhook; time from a run's end to the webhook's arrival,
//          one run at a time and as a burst.
// Usage: node --import tsx bench/retention-notifications.ts [--dialect sqlite,postgres]
//          [--runs 2000] [--lines 500] [--burst 200]
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { defineTask } from '../src/domain/task.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { openStore } from '../src/storage/open-store.js';
import { argValue, freshDatabase, percentile, type BenchDialect } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const dialects = (argValue(argv, '--dialect') ?? 'sqlite,postgres').split(',') as BenchDialect[];
const runCount = Number(argValue(argv, '--runs') ?? 2000);
const linesPerRun = Number(argValue(argv, '--lines') ?? 500);
const burst = Number(argValue(argv, '--burst') ?? 200);
const DAY = 86_400_000;

async function prune(dialect: BenchDialect): Promise<void> {
  const db = freshDatabase(dialect);
  let now = Date.now() - 400 * DAY;
  const store = await openStore(db.url, { now: () => now });
  try {
    const jobId = 'bench-prune';
    await store.jobCreate({
      id: jobId,
      title: 'Bench',
      description: '',
      task: 'bench.noop',
      defaultQueue: 'default',
      active: true,
      args: {},
      customArgs: null,
      schedule: null,
      nextRunAt: null,
      overlapPolicy: 'skip',
      misfirePolicy: 'once',
      notificationEmails: [],
      notificationStatuses: [],
      notificationWebhooks: [],
      notifyRunningLongerThan: null,
      created: new Date(now),
      updated: new Date(now),
    });
    const base = { jobId, task: 'bench.noop', title: 'r', queue: 'default', args: {}, customArgs: null, since: null };
    await store.runsCreate(Array.from({ length: runCount }, () => ({ ...base, startedBy: 'bench' })));
    const claimed = [];
    for (;;) {
      const batch = await store.runClaim({ queues: ['default'], limit: 1000, workerId: 'w' });
      if (!batch.length) break;
      claimed.push(...batch);
    }
    for (const run of claimed) {
      for (let s = 0; s < linesPerRun; s += 5000) {
        const n = Math.min(5000, linesPerRun - s);
        await store.logAppend(
          Array.from({ length: n }, (_, k) => ({
            runId: run.id,
            seq: s + k + 1,
            time: new Date(now),
            level: 'info' as const,
            message: `line ${s + k + 1} of a run log of typical length`,
            fields: null,
          })),
        );
      }
    }
    for (let i = 0; i < claimed.length; i += 500) {
      await store.runsFinish(
        claimed.slice(i, i + 500).map((r) => ({
          id: r.id,
          workerId: 'w',
          attempt: 1,
          status: 'SUCCESS' as const,
          message: null,
          result: null,
          progress: {},
        })),
      );
    }
    now = Date.now();
    const measure = async (name: string, fn: (onBatch: () => void) => Promise<number>) => {
      let last = performance.now();
      let longest = 0;
      const start = last;
      const deleted = await fn(() => {
        const t = performance.now();
        longest = Math.max(longest, t - last);
        last = t;
      });
      const ms = performance.now() - start;
      console.log(
        `${dialect} ${name}: ${deleted} rows in ${ms.toFixed(0)} ms (${Math.round(deleted / (ms / 1000))}/s), longest batch ${longest.toFixed(0)} ms`,
      );
    };
    await measure('logsPrune', (onBatch) =>
      store.logsPrune({ before: new Date(now - 90 * DAY), batchSize: 5000, onBatch }),
    );
    await measure('runsPrune', (onBatch) =>
      store.runsPrune({ before: new Date(now - 365 * DAY), keepLast: 20, batchSize: 5000, onBatch }),
    );
  } finally {
    await store.close();
    await db.drop();
  }
}

const noop = defineTask({ id: 'bench.noop', title: 'No-op', description: '', args: z.object({}), run: () => null });

async function notify(dialect: BenchDialect): Promise<void> {
  const db = freshDatabase(dialect);
  const arrived = new Map<number, number>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      arrived.set((JSON.parse(body) as { run: { id: number } }).run.id, Date.now());
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const deck = await createJobdeck({ database: db.url, tasks: [noop] });
  const worker = deck.createWorker({ concurrency: 10 });
  const notifier = deck.createNotifier();
  try {
    await worker.start();
    await notifier.start();
    const job = await deck.jobs.create({
      title: 'Bench',
      task: 'bench.noop',
      notificationStatuses: ['SUCCESS'],
      notificationWebhooks: [{ url, secret: 'bench-secret' }],
    });
    const until = async (ids: number[]) => {
      while (!ids.every((id) => arrived.has(id))) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const latencies = async (ids: number[]) => {
      const out: number[] = [];
      for (const id of ids) out.push(arrived.get(id)! - (await deck.runs.get(id)).finishedAt!.getTime());
      return out.sort((a, b) => a - b);
    };
    const report = (label: string, values: number[], ms?: number) =>
      console.log(
        `${dialect} notify ${label}: end → webhook p50 ${percentile(values, 50)} ms, p95 ${percentile(values, 95)} ms, max ${values[values.length - 1]} ms${ms === undefined ? '' : `; all ${values.length} in ${ms} ms`}`,
      );
    const single: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const run = await deck.runs.create(job.id);
      await until([run.id]);
      single.push(run.id);
    }
    report('one at a time (30)', await latencies(single));
    const started = Date.now();
    const many: number[] = [];
    for (let i = 0; i < burst; i += 1) many.push((await deck.runs.create(job.id)).id);
    await until(many);
    report(`burst of ${burst}`, await latencies(many), Date.now() - started);
  } finally {
    await notifier.stop();
    await worker.stop();
    await deck.close();
    server.close();
    await db.drop();
  }
}

for (const dialect of dialects) {
  await prune(dialect);
  await notify(dialect);
}
