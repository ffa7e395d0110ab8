import { describe, expect, it } from 'vitest';
import { openTestDeck } from '../../support/deck.js';
import { newRun } from '../../support/fixtures.js';

describe('rescue of runs whose worker was lost', () => {
  it('requeues, fails or finishes stopping runs whose lease expired, and leaves live ones alone', async () => {
    const clock = { now: Date.parse('2026-06-01T12:00:00Z') };
    const deck = await openTestDeck({ clock: () => clock.now });
    const { store } = deck;
    const job = await deck.jobs.create({ title: 'Lost', task: 'test.echo' });
    const once = await store.runCreate(newRun(job.id, { task: 'test.echo' }));
    const twice = await store.runCreate(newRun(job.id, { task: 'test.echo', maxAttempts: 2 }));
    const stopping = await store.runCreate(newRun(job.id, { task: 'test.echo' }));
    const live = await store.runCreate(newRun(job.id, { task: 'test.echo' }));
    await store.runClaim({ queues: ['default'], limit: 4, workerId: 'dead' });
    await store.runTransition(stopping.id, 'CANCELLING');
    clock.now += 31_000;
    await store.runsHeartbeat([live.id], 'dead');

    const rescued = await deck.createMaintenance({ leaseMs: 30_000 }).rescue();
    expect(rescued).toBe(3);
    expect(await store.runGet(once.id)).toMatchObject({
      status: 'FAILED',
      message: expect.stringMatching(/^Worker lost/),
    });
    expect(await store.runGet(twice.id)).toMatchObject({ status: 'QUEUED', attempt: 1, workerId: null });
    expect(await store.runGet(stopping.id)).toMatchObject({ status: 'CANCELLED' });
    expect((await store.runGet(live.id))!.status).toBe('RUNNING');
    // A late completion from the lost worker is ignored.
    expect(
      await store.runsFinish([
        { id: once.id, workerId: 'dead', attempt: 1, status: 'SUCCESS', message: null, result: null, progress: {} },
      ]),
    ).toEqual([]);
    const again = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'alive' });
    expect(again.map((r) => [r.id, r.attempt])).toEqual([[twice.id, 2]]);
    expect(await deck.createMaintenance({ leaseMs: 30_000 }).rescue()).toBe(0);
  });
});
