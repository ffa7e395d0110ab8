import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/storage/open-store.js';
import type { RunOutcome, Store } from '../../../src/storage/store.js';
import { jobFixture, newRun, onCleanup, useTestDatabase } from '../../support/fixtures.js';

/**
 * Conformance for the store verbs of a run's life past its claim: retry, rescue, what a worker
 * holds, attempts, queue depth. A store on a clock the test moves, so leases expire without
 * waiting.
 */
async function clockedStore(): Promise<{ store: Store; clock: { now: number } }> {
  const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
  const store = await openStore(useTestDatabase().url, { now: () => clock.now });
  onCleanup(() => store.close());
  return { store, clock };
}

const failed = (id: number, workerId: string, attempt: number): RunOutcome => ({
  id,
  workerId,
  attempt,
  status: 'FAILED',
  message: 'boom',
  result: null,
  progress: {},
});

describe('store conformance: run lifecycle', () => {
  it('runRetry queues a held run again, keeps the failed attempt, and refuses a run not held', async () => {
    const { store, clock } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const run = await store.runCreate(newRun(job.id, { maxAttempts: 3 }));
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w1' });
    const retryAt = new Date(clock.now + 10_000);

    const queued = await store.runRetry(failed(run.id, 'w1', 1), retryAt);
    expect(queued).toMatchObject({ id: run.id, status: 'QUEUED', attempt: 1 });
    // Not due before retryAt, due after.
    expect(await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w2' })).toEqual([]);
    clock.now += 10_001;
    const [again] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w2' });
    expect(again).toMatchObject({ id: run.id, attempt: 2, workerId: 'w2' });
    // The first worker no longer holds it: its retry changes nothing.
    expect(await store.runRetry(failed(run.id, 'w1', 1), retryAt)).toBeUndefined();

    const attempts = await store.attemptList(run.id);
    expect(attempts.map((a) => [a.attempt, a.status, a.workerId])).toEqual([[1, 'FAILED', 'w1']]);
    expect(attempts[0]!.message).toBe('boom');
  });

  it('attemptList adds the run itself once it has ended, first to last', async () => {
    const { store } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const run = await store.runCreate(newRun(job.id, { maxAttempts: 2 }));
    expect(await store.attemptList(run.id)).toEqual([]);
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w1' });
    await store.runRetry(failed(run.id, 'w1', 1), new Date(0));
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w2' });
    await store.runsFinish([{ ...failed(run.id, 'w2', 2), status: 'SUCCESS', message: null }]);
    const attempts = await store.attemptList(run.id);
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 'FAILED'],
      [2, 'SUCCESS'],
    ]);
  });

  it('runsRescue requeues, fails or stops runs whose lease expired, and only those', async () => {
    const { store, clock } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const retried = await store.runCreate(newRun(job.id, { maxAttempts: 2 }));
    const lastTry = await store.runCreate(newRun(job.id));
    const stopping = await store.runCreate(newRun(job.id));
    const alive = await store.runCreate(newRun(job.id));
    await store.runClaim({ queues: ['default'], limit: 3, workerId: 'dead' });
    await store.runsCancelling([stopping.id]);
    await store.runTransition(stopping.id, 'CANCELLING');
    clock.now += 20_000;
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'alive' });
    clock.now += 15_000;

    const rescued = await store.runsRescue(30_000);
    const byId = new Map(rescued.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual([retried.id, lastTry.id, stopping.id].sort());
    expect(byId.get(retried.id)).toMatchObject({ status: 'QUEUED' });
    expect(byId.get(lastTry.id)).toMatchObject({ status: 'FAILED' });
    expect(byId.get(lastTry.id)!.message).toMatch(/no heartbeat/);
    expect(byId.get(stopping.id)).toMatchObject({ status: 'CANCELLED' });
    expect(await store.runGet(alive.id)).toMatchObject({ status: 'RUNNING', workerId: 'alive' });
    // Rescued once: a second sweep finds nothing.
    expect(await store.runsRescue(30_000)).toEqual([]);
    // The dead worker's late completion is refused.
    expect(await store.runsFinish([{ ...failed(lastTry.id, 'dead', 1), status: 'SUCCESS' }])).toEqual([]);
  });

  it('runsHeldBy lists the running and stopping runs under a worker id', async () => {
    const { store } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => store.runCreate(newRun(job.id))));
    await store.runClaim({ queues: ['default'], limit: 2, workerId: 'w1' });
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w2' });
    const held = await store.runsHeldBy('w1');
    expect(held).toHaveLength(2);
    await store.runTransition(held[0]!, 'CANCELLING');
    expect((await store.runsHeldBy('w1')).sort()).toEqual([...held].sort());
    await store.runsFinish([{ ...failed(held[1]!, 'w1', 1), status: 'SUCCESS' }]);
    expect(await store.runsHeldBy('w1')).toEqual([held[0]]);
    expect(await store.runsHeldBy('w2')).toHaveLength(1);
    expect(await store.runsHeldBy('nobody')).toEqual([]);
    expect([a, b, c].map((r) => r!.id)).toContain(held[0]);
  });

  it('queueDepth counts only queued, running and stopping runs per queue', async () => {
    const { store } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    await store.runCreate(newRun(job.id));
    await store.runCreate(newRun(job.id));
    await store.runCreate(newRun(job.id, { queue: 'other' }));
    const [claimed] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w1' });
    const done = await store.runCreate(newRun(job.id, { queue: 'other' }));
    await store.runTransition(done.id, 'CANCELLED');
    const depth = (await store.queueDepth()).map((q) => `${q.queue}:${q.status}:${q.count}`).sort();
    expect(depth).toEqual(['default:QUEUED:1', 'default:RUNNING:1', 'other:QUEUED:1']);
    expect(claimed).toBeDefined();
  });
});
