// The API stays responsive while log follow streams wait on a filter that matches nothing:
// one queued run with a long log (200,000 lines by default), 20 follow streams on it with
// `q=<no such text>` (from 4 viewer tokens, 5 each: the default limit is 10 per credential), and
// meanwhile `GET /api/jobs` sequentially; p50/p95 in ms, without and with the streams open, and
// how many log pages the streams read while measured (each line is scanned once, so ~0).
// Usage: npm run bench:follow -- [--dialect sqlite|postgres] [--lines 200000] [--streams 20] [--requests 300]
import { startServer } from '../src/http/server.js';
import { createJobdeck } from '../src/service/jobdeck.js';
import { argValue, dialectsFromArgs, freshDatabase, noopTask, percentile } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const lineCount = Number(argValue(argv, '--lines') ?? 200_000);
const streamCount = Number(argValue(argv, '--streams') ?? 20);
const requests = Number(argValue(argv, '--requests') ?? 300);
const TARGET_P95_MS = 50;

async function measureDialect(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const database = freshDatabase(dialect);
  const deck = await createJobdeck({ database: database.url, tasks: [noopTask] });
  const server = await startServer(deck, 0, '127.0.0.1', { adminUi: false });
  const controllers: AbortController[] = [];
  try {
    for (let i = 0; i < 200; i += 1) await deck.jobs.create({ title: `Job ${i}`, task: 'bench.noop' });
    const job = (await deck.jobs.list({ size: 1 })).items[0]!;
    const run = await deck.runs.create(job.id); // no worker: queued, so the streams never end
    const time = new Date();
    for (let seq = 1; seq <= lineCount; seq += 5000) {
      const lines = Array.from({ length: Math.min(5000, lineCount - seq + 1) }, (_, i) => ({
        runId: run.id,
        seq: seq + i,
        time,
        level: 'info' as const,
        message: `processed record ${seq + i} of the import`,
        fields: null,
      }));
      await deck.store.logAppend(lines);
    }
    const { secret: admin } = await deck.tokens.create({ name: 'bench', role: 'admin' });
    const get = async () => {
      const response = await fetch(`${server.url}/api/jobs`, { headers: { authorization: `Bearer ${admin}` } });
      if (!response.ok) throw new Error(`GET /api/jobs: ${response.status}`);
      await response.arrayBuffer();
    };
    const sample = async () => {
      for (let i = 0; i < 20; i += 1) await get(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < requests; i += 1) {
        const start = performance.now();
        await get();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return { p50: Number(percentile(times, 50).toFixed(2)), p95: Number(percentile(times, 95).toFixed(2)) };
    };

    const quiet = await sample();

    let pages = 0;
    const logList = deck.store.logList.bind(deck.store);
    deck.store.logList = (runId, query) => {
      pages += 1;
      return logList(runId, query);
    };
    const viewers = await Promise.all(
      Array.from({ length: Math.ceil(streamCount / 5) }, (_, i) =>
        deck.tokens.create({ name: `viewer ${i}`, role: 'viewer' }),
      ),
    );
    const url = `${server.url}/api/jobs/${job.id}/runs/${run.id}/logs?follow=true&q=no-such-text`;
    for (let i = 0; i < streamCount; i += 1) {
      const controller = new AbortController();
      controllers.push(controller);
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${viewers[Math.floor(i / 5)]!.secret}` },
        signal: controller.signal,
      });
      if (response.status !== 200) throw new Error(`follow stream ${i}: ${response.status}`);
      void response.body!.pipeTo(new WritableStream()).catch(() => undefined);
    }
    // Each stream's first scan reads the whole log once; measure once those are done.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const pagesBefore = pages;
    const followed = await sample();
    const scanned = pages - pagesBefore;
    console.table([
      { dialect, streams: 0, 'log lines': lineCount, ...quiet, 'log pages read while measured': 0 },
      { dialect, streams: streamCount, 'log lines': lineCount, ...followed, 'log pages read while measured': scanned },
    ]);
    console.log(
      `${dialect}: GET /api/jobs p95 ${followed.p95} ms with ${streamCount} idle-filter follow streams ` +
        `(target < ${TARGET_P95_MS} ms: ${followed.p95 < TARGET_P95_MS ? 'met' : 'MISSED'})`,
    );
  } finally {
    controllers.forEach((c) => c.abort());
    await server.close();
    await deck.close();
    await database.drop();
  }
}

for (const dialect of dialectsFromArgs(argv)) await measureDialect(dialect);
