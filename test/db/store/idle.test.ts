import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/storage/open-store.js';
import type { StoreEvent } from '../../../src/storage/notifier.js';
import { jobFixture, newRun, onCleanup, useTestDatabase } from '../../support/fixtures.js';

describe('store conformance: what an idle worker asks', () => {
  it('runsNextAvailable gives the earliest future available_at of queued runs in the queues', async () => {
    const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
    const store = await openStore(useTestDatabase().url, { now: () => clock.now });
    onCleanup(() => store.close());
    const job = await store.jobCreate(jobFixture());
    expect(await store.runsNextAvailable(['default'])).toBeUndefined();
    await store.runCreate(newRun(job.id));
    await store.runCreate(newRun(job.id, { availableAt: new Date(clock.now + 60_000) }));
    await store.runCreate(newRun(job.id, { availableAt: new Date(clock.now + 5_000) }));
    await store.runCreate(newRun(job.id, { queue: 'other', availableAt: new Date(clock.now + 1_000) }));
    expect(await store.runsNextAvailable(['default'])).toEqual(new Date(clock.now + 5_000));
    expect(await store.runsNextAvailable(['default', 'other'])).toEqual(new Date(clock.now + 1_000));
    expect(await store.runsNextAvailable([])).toBeUndefined();
    // Due ones are the claim's business, not a delay.
    clock.now += 10_000;
    expect(await store.runsNextAvailable(['default'])).toEqual(new Date(clock.now + 50_000));
  });

  it("hears another connection's commit (SQLite: the file watch; PostgreSQL: LISTEN)", async () => {
    const url = useTestDatabase().url;
    const listener = await openStore(url);
    onCleanup(() => listener.close());
    const writer = await openStore(url, { migrate: false });
    onCleanup(() => writer.close());
    const heard = new Promise<StoreEvent>((resolve) => {
      listener.subscribe((event) => {
        if (event.type === 'queued' || event.type === 'external') resolve(event);
      });
    });
    await listener.listening();
    const job = await writer.jobCreate(jobFixture());
    await writer.runCreate(newRun(job.id));
    expect((await heard).type).toMatch(/queued|external/);
  });
});
