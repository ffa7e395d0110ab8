// The two measurements: a burn-down (bulk enqueue, then one worker drains) and enqueue→start
// latency, each in a fresh database dropped afterwards.
import { Child } from './child-runner.js';
import type { Entry } from './plan.js';
import type { PgPhaseStats, PostgresAdmin } from './postgres-admin.js';
import type { AdapterConfig } from './systems/adapter.js';

export interface Settings {
  concurrency: number;
  redisUrl: string;
  latencySamples: number;
  latencyBudgetMs: number;
  /** A drain still going after this long is stopped and reported as partial. */
  drainBudgetSeconds: number;
}

export interface BurnDown {
  jobs: number;
  enqueuePerSecond: number;
  drainPerSecond: number;
  /** The drain hit its time budget: the rate is of the jobs finished by then. */
  partial: boolean;
  finished: number;
  /** From the worker process's start to its first job (not part of the drain time). */
  workerStartupMs: number;
  enqueue: PgPhaseStats & { redisCommands: number | undefined };
  drain: PgPhaseStats & { redisCommands: number | undefined };
}

export interface Latency {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

let sequence = 0;

function databaseName(entry: Entry): string {
  sequence += 1;
  return `bench_${entry.system.replace(/-/g, '_')}_${process.pid}_${sequence}`;
}

function configFor(entry: Entry, admin: PostgresAdmin, database: string, settings: Settings) {
  const config: AdapterConfig & { system: string } = {
    system: entry.system,
    variant: entry.variant,
    databaseUrl: admin.urlOf(database),
    redisUrl: settings.redisUrl,
    namespace: `jdbench_${database}`,
    concurrency: settings.concurrency,
  };
  return config;
}

async function runPhase(
  label: string,
  phase: string,
  config: object,
  message: string,
  timeoutMs: number,
  extra?: number[],
) {
  const child = new Child(label, phase, config, extra);
  try {
    const result = await child.next(message, timeoutMs);
    await child.exit();
    return result;
  } finally {
    await child.stop(2000);
  }
}

export async function burnDown(
  entry: Entry,
  jobs: number,
  admin: PostgresAdmin,
  settings: Settings,
): Promise<BurnDown> {
  const database = databaseName(entry);
  const label = `${entry.system}/${entry.variant} ${jobs}`;
  await admin.createDatabase(database);
  try {
    const config = configFor(entry, admin, database, settings);
    await runPhase(label, 'setup', config, 'ready', 120_000);
    const c0 = await admin.counters(database);
    const enqueued = await runPhase(label, 'enqueue', config, 'enqueued', 60_000 + jobs * 2, [jobs]);
    const c1 = await admin.counters(database);
    const budget = settings.drainBudgetSeconds;
    const drained = await runPhase(label, 'drain', config, 'drained', (budget + 120) * 1000, [jobs, budget]);
    const c2 = await admin.counters(database);
    return {
      jobs,
      enqueuePerSecond: jobs / (Number(enqueued.ms) / 1000),
      drainPerSecond: Number(drained.finished) / (Number(drained.ms) / 1000),
      partial: drained.partial === true,
      finished: Number(drained.finished),
      workerStartupMs: Number(drained.startupMs),
      enqueue: { ...(await admin.phaseStats(database, c0, c1)), redisCommands: optionalNumber(enqueued.commands) },
      drain: { ...(await admin.phaseStats(database, c1, c2)), redisCommands: optionalNumber(drained.commands) },
    };
  } finally {
    await admin.dropDatabase(database);
  }
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

const WARM_UP = 3;

/**
 * One job at a time: the producer process enqueues, the idle worker process reports the start;
 * both stamp CLOCK_MONOTONIC, which is shared by the processes of one machine. The first
 * samples warm up connections and are not counted; sampling stops at the time budget (a
 * polling system at 2 s could otherwise take half an hour).
 */
export async function latency(entry: Entry, admin: PostgresAdmin, settings: Settings): Promise<Latency> {
  const database = databaseName(entry);
  const label = `${entry.system}/${entry.variant} latency`;
  await admin.createDatabase(database);
  const config = configFor(entry, admin, database, settings);
  await runPhase(label, 'setup', config, 'ready', 120_000);
  const worker = new Child(`${label} worker`, 'latency-worker', config);
  const producer = new Child(`${label} producer`, 'latency-producer', config);
  try {
    await worker.next('ready', 60_000);
    await producer.next('ready', 60_000);
    const samples: number[] = [];
    const deadline = Date.now() + settings.latencyBudgetMs;
    for (let i = 0; samples.length < settings.latencySamples && Date.now() < deadline; i++) {
      producer.send('go');
      const enqueued = await producer.next('enqueued', 30_000);
      const started = await worker.next('started', 30_000);
      if (i >= WARM_UP) samples.push(Number(started.at) - Number(enqueued.at));
    }
    samples.sort((a, b) => a - b);
    // NaN when the budget ended before any counted sample (a slow poller).
    const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] ?? NaN;
    return { samples: samples.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
  } finally {
    await Promise.all([producer.stop(), worker.stop()]);
    await admin.dropDatabase(database);
  }
}
