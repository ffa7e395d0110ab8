import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/domain/model.js';
import { isFinalStatus } from '../../../src/domain/run-status.js';
import type { Jobdeck } from '../../../src/service/jobdeck.js';
import { openTestDeck, startWorker, testTasks } from '../../support/deck.js';
import isolatedTasks from '../../support/isolated-tasks.js';
import { newRun } from '../../support/fixtures.js';
import { Worker } from '../../../src/engine/worker.js';

const tasksModule = fileURLToPath(new URL('../../support/isolated-tasks.ts', import.meta.url));

/** Waits for a condition on the stored run (the engine writes it; no event covers every step). */
async function runWhere(deck: Jobdeck, id: number, ok: (run: Run) => boolean, ms = 45_000): Promise<Run> {
  const deadline = Date.now() + ms;
  for (;;) {
    const run = (await deck.store.runGet(id))!;
    if (ok(run)) return run;
    if (Date.now() > deadline) throw new Error(`run ${id} is ${run.status}: ${run.message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const ended = (deck: Jobdeck, id: number, ms?: number) => runWhere(deck, id, (r) => isFinalStatus(r.status), ms);

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('retries', () => {
  it('retries a failing run up to max_attempts and keeps every attempt', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Flaky', task: 'test.fail', maxAttempts: 3, retryBackoffSeconds: 0 });
    expect(job).toMatchObject({ maxAttempts: 3, retryBackoffSeconds: 0 });
    await startWorker(deck);
    const run = await deck.runs.create(job.id);
    const last = await ended(deck, run.id);
    expect(last).toMatchObject({ status: 'FAILED', attempt: 3, maxAttempts: 3 });
    const attempts = await deck.store.attemptList(run.id);
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 'FAILED'],
      [2, 'FAILED'],
      [3, 'FAILED'],
    ]);
    expect(attempts.every((a) => a.message?.includes('boom') && a.workerId && a.startedAt)).toBe(true);
    // Log numbering continues across attempts: three "about to fail" lines, numbered 1..3.
    const lines = await deck.store.logList(run.id, { limit: 10 });
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3]);
  });

  it('waits the backoff before the next attempt', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({
      title: 'Slow retry',
      task: 'test.fail',
      maxAttempts: 2,
      retryBackoffSeconds: 60,
    });
    await startWorker(deck);
    const run = await deck.runs.create(job.id);
    const queued = await runWhere(deck, run.id, (r) => r.status === 'QUEUED' && r.attempt === 1);
    // Jitter keeps the wait within the upper half of the 60 s base.
    const wait = queued.availableAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(queued.message).toMatch(/^Attempt 1 failed; attempt 2 at /);
  });

  it('never retries a PARTIAL_SUCCESS unless the job says so, and never retries a stop', async () => {
    const deck = await openTestDeck();
    const plain = await deck.jobs.create({ title: 'P', task: 'test.fail', args: { partial: true }, maxAttempts: 3 });
    const eager = await deck.jobs.create({
      title: 'E',
      task: 'test.fail',
      args: { partial: true },
      maxAttempts: 2,
      retryBackoffSeconds: 0,
      retryPartial: true,
    });
    const blocking = await deck.jobs.create({ title: 'B', task: 'test.block', maxAttempts: 3 });
    await startWorker(deck);
    const a = await deck.runs.create(plain.id);
    const b = await deck.runs.create(eager.id);
    const c = await deck.runs.create(blocking.id);
    expect(await ended(deck, a.id)).toMatchObject({ status: 'PARTIAL_SUCCESS', attempt: 1 });
    expect(await ended(deck, b.id)).toMatchObject({ status: 'PARTIAL_SUCCESS', attempt: 2 });
    await runWhere(deck, c.id, (r) => r.status === 'RUNNING');
    await deck.runs.stop(c.id);
    expect(await ended(deck, c.id)).toMatchObject({ status: 'CANCELLED', attempt: 1 });
    expect((await deck.store.attemptList(c.id)).map((x) => x.status)).toEqual(['CANCELLED']);
  });

  it('rejects bad retry settings with the field named', async () => {
    const deck = await openTestDeck();
    await expect(deck.jobs.create({ title: 'X', task: 'test.echo', maxAttempts: 0 })).rejects.toMatchObject({
      errors: [{ field: 'max_attempts' }],
    });
    await expect(deck.jobs.create({ title: 'X', task: 'test.echo', timeoutSeconds: 'soon' })).rejects.toMatchObject({
      errors: [{ field: 'timeout_seconds' }],
    });
  });
});

// Generous limits: these spawn processes and wait out grace periods, slow on a loaded 2-core CI.
describe('timeouts', { timeout: 90_000 }, () => {
  it('aborts the signal at the limit and ends the run FAILED "Timed out after N s"', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'T', task: 'test.block', timeoutSeconds: 1 });
    await startWorker(deck);
    const run = await deck.runs.create(job.id);
    const last = await ended(deck, run.id);
    expect(last).toMatchObject({ status: 'FAILED', message: 'Timed out after 1 s.' });
    // Ended by the timeout, not by the task (which would block for a minute).
    expect(last.finishedAt!.getTime() - last.startedAt!.getTime()).toBeLessThan(10_000);
  });

  it('ends a run whose task ignores its signal after the grace period and frees the slot', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({
      title: 'T',
      task: 'test.block',
      args: { ignoreAbort: true },
      timeoutSeconds: 1,
    });
    const quick = await deck.jobs.create({ title: 'Q', task: 'test.echo' });
    const worker = await startWorker(deck, { concurrency: 1, abortGraceMs: 300 });
    const run = await deck.runs.create(job.id);
    const next = await deck.runs.create(quick.id);
    const last = await ended(deck, run.id);
    expect(last.status).toBe('FAILED');
    expect(last.message).toMatch(/^Timed out after 1 s\. The task did not return within 0.3 s/);
    expect((await ended(deck, next.id)).status).toBe('SUCCESS');
    expect(worker.slots.busy).toBe(0);
  });

  it('takes the task default when the job has none', async () => {
    const deck = await openTestDeck({
      tasks: [...testTasks.map((t) => (t.id === 'test.block' ? { ...t, timeout: 0.5 } : t))],
    });
    const job = await deck.jobs.create({ title: 'T', task: 'test.block' });
    await startWorker(deck);
    const run = await deck.runs.create(job.id);
    expect(await ended(deck, run.id)).toMatchObject({ status: 'FAILED', message: 'Timed out after 0.5 s.' });
  });
});

describe('process isolation', { timeout: 90_000 }, () => {
  it('runs the task in a child process; logs, progress, prints and result flow back', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, ...isolatedTasks] });
    const job = await deck.jobs.create({ title: 'I', task: 'test.isolated-echo' });
    await startWorker(deck, { tasksModule });
    const run = await deck.runs.create(job.id);
    const last = await ended(deck, run.id, 60_000);
    expect(last).toMatchObject({ status: 'SUCCESS', progress: { total: 3, inserted: 3 } });
    const pid = (last.result as { pid: number }).pid;
    expect(pid).not.toBe(process.pid);
    const lines = (await deck.store.logList(run.id, { limit: 10 })).map((l) => l.message);
    expect(lines).toEqual(expect.arrayContaining(['line 1', 'line 2', 'line 3', 'printed by the child']));
  });

  it('keeps a partial success thrown in the child', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, ...isolatedTasks] });
    const job = await deck.jobs.create({ title: 'I', task: 'test.isolated-echo', args: { partial: true } });
    await startWorker(deck, { tasksModule });
    const run = await deck.runs.create(job.id);
    expect(await ended(deck, run.id, 60_000)).toMatchObject({
      status: 'PARTIAL_SUCCESS',
      message: '2 entries failed',
    });
  });

  it('ends WARNING when the task warned in the child', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, ...isolatedTasks] });
    const job = await deck.jobs.create({ title: 'I', task: 'test.isolated-echo', args: { warn: 'cache was cold' } });
    await startWorker(deck, { tasksModule });
    const run = await deck.runs.create(job.id);
    expect(await ended(deck, run.id, 60_000)).toMatchObject({ status: 'WARNING', message: 'cache was cold' });
    const lines = await deck.store.logList(run.id, { limit: 10 });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'cache was cold', fields: { from: 'child' } }),
    );
  });

  it('ends a stopped task that ignores its signal and SIGTERM: SIGKILL after the grace period', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, ...isolatedTasks] });
    const job = await deck.jobs.create({ title: 'S', task: 'test.isolated-stubborn' });
    await startWorker(deck, { tasksModule, abortGraceMs: 500 });
    const run = await deck.runs.create(job.id);
    const pidLine = await (async () => {
      for (;;) {
        const line = (await deck.store.logList(run.id, { limit: 5 })).find((l) => l.message.startsWith('pid '));
        if (line) return line.message;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const pid = Number(pidLine.slice(4));
    expect(pidAlive(pid)).toBe(true);
    await deck.runs.stop(run.id);
    expect(await ended(deck, run.id)).toMatchObject({ status: 'CANCELLED' });
    const deadline = Date.now() + 5000;
    while (pidAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pidAlive(pid)).toBe(false);
  });
});

describe('rescue', () => {
  it("keeps the lost attempt, requeues it, and ignores the lost worker's late completion", async () => {
    const clock = { now: Date.parse('2026-06-01T12:00:00Z') };
    const deck = await openTestDeck({ clock: () => clock.now });
    const { store } = deck;
    const job = await deck.jobs.create({ title: 'Lost', task: 'test.echo' });
    const run = await store.runCreate(newRun(job.id, { task: 'test.echo', maxAttempts: 2 }));
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'dead' });
    clock.now += 31_000;
    const maintenance = [deck.createMaintenance({ leaseMs: 30_000 }), deck.createMaintenance({ leaseMs: 30_000 })];
    // Two processes sweeping at once rescue the run once.
    expect((await Promise.all(maintenance.map((m) => m.rescue()))).reduce((a, b) => a + b)).toBe(1);
    const [again] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'alive' });
    expect(again).toMatchObject({ id: run.id, attempt: 2 });
    const late = {
      id: run.id,
      workerId: 'dead',
      attempt: 1,
      status: 'SUCCESS' as const,
      message: null,
      result: null,
      progress: {},
    };
    expect(await store.runsFinish([late])).toEqual([]);
    expect(await store.runRetry({ ...late, status: 'FAILED' }, new Date(clock.now))).toBeUndefined();
    expect(await store.runsFinish([{ ...late, workerId: 'alive', attempt: 2 }])).toEqual([run.id]);
    // A second completion of the same attempt changes nothing: a run ends once.
    expect(await store.runsFinish([{ ...late, workerId: 'alive', attempt: 2, status: 'FAILED' }])).toEqual([]);
    expect((await store.attemptList(run.id)).map((a) => [a.attempt, a.workerId, a.status])).toEqual([
      [1, 'dead', 'FAILED'],
      [2, 'alive', 'SUCCESS'],
    ]);
  });
});

describe('a claim whose answer is lost', () => {
  it('gives the claimed runs back instead of leaving them RUNNING until their lease expires', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'C', task: 'test.echo' });
    const run = await deck.runs.create(job.id);
    let failed = false;
    // The database applies the claim, then the connection drops before the answer arrives.
    const store = new Proxy(deck.store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        // Either claim verb (the worker's first claim also looks ahead).
        if ((key === 'runClaim' || key === 'runClaimLookingAhead') && !failed) {
          return async (...args: Parameters<typeof target.runClaim>) => {
            failed = true;
            await target[key](...args);
            throw new Error('Connection terminated unexpectedly');
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const worker = new Worker(store, deck.tasks.registry, { queues: ['default'], pollIntervalMs: 100 });
    worker.on('error', () => undefined);
    await worker.start();
    try {
      const last = await ended(deck, run.id, 5000);
      expect(last).toMatchObject({ status: 'SUCCESS', attempt: 1 });
      expect(failed).toBe(true);
    } finally {
      await worker.stop();
    }
  });
});
