import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/storage/open-store.js';
import { jobFixture, newRun, onCleanup, useTestDatabase } from '../../support/fixtures.js';

describe('store conformance: a claim that looks ahead', () => {
  it('runClaimLookingAhead claims like runClaim and, when short, says when the next delayed run is due', async () => {
    const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
    const store = await openStore(useTestDatabase().url, { now: () => clock.now });
    onCleanup(() => store.close());
    const job = await store.jobCreate(jobFixture());
    const claim = (limit: number, queues = ['default']) =>
      store.runClaimLookingAhead({ queues, limit, workerId: 'w1' });
    expect(await claim(5)).toEqual({ runs: [], next: undefined });

    const low = await store.runCreate(newRun(job.id, { priority: 5 }));
    const high = await store.runCreate(newRun(job.id, { priority: 1, args: { n: 'x' } }));
    const due = await store.runCreate(newRun(job.id, { priority: 2 }));
    await store.runCreate(newRun(job.id, { priority: 0, availableAt: new Date(clock.now + 60_000) }));
    await store.runCreate(newRun(job.id, { availableAt: new Date(clock.now + 5_000) }));
    await store.runCreate(newRun(job.id, { queue: 'other', availableAt: new Date(clock.now + 1_000) }));

    // Full: nothing more is looked for.
    const full = await claim(2);
    expect(full.runs.map((r) => r.id)).toEqual([high.id, due.id]);
    expect(full.next).toBeUndefined();
    expect(full.runs[0]).toMatchObject({ status: 'RUNNING', workerId: 'w1', attempt: 1, args: { n: 'x' } });
    expect(full.runs[0]).toEqual(await store.runGet(high.id));

    // Short: the claimed run is due, so the next delayed one of these queues is 5 s away.
    const short = await claim(3);
    expect(short.runs.map((r) => r.id)).toEqual([low.id]);
    expect(short.next).toEqual(new Date(clock.now + 5_000));
    expect(await claim(3)).toEqual({ runs: [], next: new Date(clock.now + 5_000) });
    expect((await claim(3, ['default', 'other'])).next).toEqual(new Date(clock.now + 1_000));
  });
});
