// The engine alone: one Worker draining no-op runs from an in-memory store, so the figure is the
// engine's own cost per run (claim buffer, slots, task call, completion batching), no database.
// Usage: npm run bench:engine -- [--runs 200000] [--concurrency 10] [--reps 5]
// Prints runs/s and CPU µs a run (process.cpuUsage: steadier than the rate on a shared machine) per
// repetition and their medians; run with `node --cpu-prof dist-bench/bench/engine.js` to profile
// what ships.
import type { Job, Run } from '../src/domain/model.js';
import { TaskRegistry } from '../src/domain/task-registry.js';
import { Worker } from '../src/engine/worker.js';
import type { RunOutcome, Store } from '../src/storage/store.js';
import { argValue, noopTask } from './support/bench-setup.js';

const argv = process.argv.slice(2);
const runs = Number(argValue(argv, '--runs') ?? 200_000);
const concurrency = Number(argValue(argv, '--concurrency') ?? 10);
const reps = Number(argValue(argv, '--reps') ?? 5);

const job: Job = {
  id: 'job-1',
  title: 'bench',
  description: '',
  task: 'bench.noop',
  defaultQueue: 'default',
  active: true,
  args: {},
  customArgs: null,
  schedule: null,
  nextRunAt: null,
  overlapPolicy: 'allow',
  misfirePolicy: 'skip',
  notificationEmails: [],
  notificationStatuses: [],
  notificationWebhooks: [],
  notifyRunningLongerThan: null,
} as unknown as Job;

/** Just the verbs a draining worker calls; every other verb is absent (a call would throw). */
function memoryStore(total: number, onDone: () => void) {
  let next = 1;
  let finished = 0;
  const now = new Date();
  const verbs: Partial<Store> = {
    subscribe: () => () => undefined,
    listening: () => Promise.resolve(),
    // The worker's row in the workers registry: nothing to keep here.
    workerBeat: () => Promise.resolve(),
    workerEnd: () => Promise.resolve(),
    jobGet: () => Promise.resolve(job),
    runClaim: ({ limit, workerId }) => {
      const claimed: Run[] = [];
      for (; claimed.length < limit && next <= total; next++) {
        claimed.push({
          id: next,
          jobId: job.id,
          task: 'bench.noop',
          title: 'bench',
          status: 'RUNNING',
          queue: 'default',
          args: {},
          customArgs: null,
          since: null,
          startedBy: 'bench',
          created: now,
          availableAt: now,
          startedAt: new Date(),
          finishedAt: null,
          heartbeatAt: null,
          workerId,
          message: null,
          result: null,
          progress: {},
          subRuns: { total: 0, finished: 0, succeeded: 0, failed: 0 },
          attempt: 1,
          maxAttempts: 1,
          parentRunId: null,
          scheduledFor: null,
          priority: 0,
        } as unknown as Run);
      }
      return Promise.resolve(claimed);
    },
    // The worker's claim after a wake: the same runs, and no delayed run to wait for.
    runClaimLookingAhead: async (request) => ({ runs: await verbs.runClaim!(request), next: undefined }),
    runsFinish: (outcomes: RunOutcome[]) => {
      finished += outcomes.length;
      if (finished === total) onDone();
      return Promise.resolve(outcomes.map((o) => o.id));
    },
    runsHeartbeat: () => Promise.resolve(),
    runsCancelling: () => Promise.resolve([]),
    runsRelease: (ids) => Promise.resolve(ids),
    runsHeldBy: () => Promise.resolve([]),
  };
  return verbs as Store;
}

async function once(): Promise<{ rate: number; cpuMicros: number }> {
  let done!: () => void;
  const drained = new Promise<void>((resolve) => (done = resolve));
  const worker = new Worker(
    memoryStore(runs, () => done()),
    new TaskRegistry([noopTask]),
    {
      queues: ['default'],
      concurrency,
    },
  );
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await worker.start();
  await drained;
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await worker.stop();
  return { rate: runs / seconds, cpuMicros: (cpu.user + cpu.system) / runs };
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rates: number[] = [];
const cpus: number[] = [];
for (let rep = 0; rep < reps; rep++) {
  const { rate, cpuMicros } = await once();
  rates.push(rate);
  cpus.push(cpuMicros);
  console.log(`rep ${rep + 1}: ${Math.round(rate)} runs/s, CPU ${cpuMicros.toFixed(2)} µs a run`);
}
console.log(
  `engine drain runs=${runs} concurrency=${concurrency}: median ${Math.round(median(rates))} runs/s,` +
    ` CPU ${median(cpus).toFixed(2)} µs a run`,
);
