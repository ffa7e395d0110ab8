// One phase of one system, in its own process: `child.ts <phase> <config-json> [count]`.
// Messages to the parent are stdout lines starting with "@@" (JSON); anything else a library
// prints is passed through. Times are CLOCK_MONOTONIC milliseconds, comparable across processes.
import readline from 'node:readline';
import type { AdapterConfig, AdapterFactory, SystemAdapter } from './systems/adapter.js';
import { bullmqPostgres, bullmqRedis } from './systems/bullmq.js';
import { graphileWorker } from './systems/graphile-worker.js';
import { jobdeck } from './systems/jobdeck.js';
import { pgBoss } from './systems/pg-boss.js';

const ADAPTERS: Record<string, AdapterFactory> = {
  jobdeck,
  'graphile-worker': graphileWorker,
  'pg-boss': pgBoss,
  'bullmq-redis': bullmqRedis,
  'bullmq-postgres': bullmqPostgres,
};

type ChildPhase = 'setup' | 'enqueue' | 'drain' | 'latency-worker' | 'latency-producer';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const send = (message: Record<string, unknown>) => process.stdout.write(`@@${JSON.stringify(message)}\n`);

async function enqueue(adapter: SystemAdapter, count: number): Promise<void> {
  const commands = await adapter.backendCommands?.();
  const start = now();
  await adapter.enqueueBulk(count);
  send({ type: 'enqueued', ms: now() - start, commands: await commandsSince(adapter, commands) });
}

/**
 * Starts the worker, counts job starts, then waits until the store says all are finished. A
 * system slower than the budget allows is stopped there and reported with the rate it reached.
 */
async function drain(adapter: SystemAdapter, count: number, budgetMs: number): Promise<void> {
  const commands = await adapter.backendCommands?.();
  let started = 0;
  let firstAt = 0;
  let allStarted: () => void = () => undefined;
  const everyJobStarted = new Promise<void>((resolve) => (allStarted = resolve));
  const spawnedAt = now();
  await adapter.startWorker(() => {
    if (started === 0) firstAt = now();
    started += 1;
    if (started === count) allStarted();
  });
  const deadline = spawnedAt + budgetMs;
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)));
  await Promise.race([everyJobStarted, budget]);
  let left = await adapter.remaining();
  while (left > 0 && now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    left = await adapter.remaining();
  }
  clearTimeout(timer);
  const doneAt = now();
  send({
    type: 'drained',
    ms: doneAt - (firstAt || spawnedAt),
    finished: count - left,
    partial: left > 0,
    startupMs: firstAt - spawnedAt,
    commands: await commandsSince(adapter, commands),
  });
}

async function commandsSince(adapter: SystemAdapter, before: number | undefined): Promise<number | undefined> {
  if (before === undefined) return undefined;
  return (await adapter.backendCommands!()) - before;
}

/** Reports each job start; the parent pairs it with the enqueue it is waiting on. */
async function latencyWorker(adapter: SystemAdapter): Promise<void> {
  await adapter.startWorker(() => send({ type: 'started', at: now() }));
  send({ type: 'ready' });
  await new Promise<void>((resolve) => process.stdin.once('end', resolve).resume());
}

/** Enqueues one job per "go" line from the parent, reporting when each enqueue began. */
async function latencyProducer(adapter: SystemAdapter): Promise<void> {
  send({ type: 'ready' });
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line !== 'go') continue;
    const at = now();
    await adapter.enqueueOne();
    send({ type: 'enqueued', at });
  }
}

async function main(): Promise<void> {
  const [phase, configJson, countText, budgetText] = process.argv.slice(2) as [ChildPhase, string, string?, string?];
  const { system, ...config } = JSON.parse(configJson) as AdapterConfig & { system: string };
  const factory = ADAPTERS[system];
  if (!factory) throw new Error(`unknown system ${system}`);
  const adapter = factory(config);
  await adapter.setup();
  const count = Number(countText ?? 0);
  if (phase === 'setup') send({ type: 'ready' });
  else if (phase === 'enqueue') await enqueue(adapter, count);
  else if (phase === 'drain') await drain(adapter, count, Number(budgetText ?? 600) * 1000);
  else if (phase === 'latency-worker') await latencyWorker(adapter);
  else await latencyProducer(adapter);
  await adapter.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
