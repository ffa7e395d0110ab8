import { describe, expect, it } from 'vitest';
import { jobFixture, newRun, openTestStore } from '../../support/fixtures.js';

describe('store conformance: list overviews', () => {
  it('returns the latest run of each job in one call, leaving out jobs never run', async () => {
    const store = await openTestStore();
    const busy = await store.jobCreate(jobFixture({ title: 'busy' }));
    const once = await store.jobCreate(jobFixture({ title: 'once' }));
    const never = await store.jobCreate(jobFixture({ title: 'never' }));
    await store.runsCreate(Array.from({ length: 30 }, () => newRun(busy.id)));
    const onlyRun = await store.runCreate(newRun(once.id, { title: 'only' }));
    const latest = await store.runCreate(newRun(busy.id, { title: 'latest' }));
    // A run of another job created afterwards changes nothing for busy.
    await store.runCreate(newRun(once.id, { title: 'second' }));

    const last = await store.runsLastOf([busy.id, once.id, never.id, busy.id]);
    expect([...last.keys()].sort()).toEqual([busy.id, once.id].sort());
    expect(last.get(busy.id)).toEqual(await store.runGet(latest.id));
    expect(last.get(once.id)?.title).toBe('second');
    expect(last.get(once.id)?.id).toBeGreaterThan(onlyRun.id);
    expect((await store.runsLastOf([])).size).toBe(0);
    expect((await store.runsLastOf(['no-such-job'])).size).toBe(0);
  });

  it('counts live runs always and finished runs only from the given time on', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const queued = await store.runCreate(newRun(job.id));
    const done = await store.runCreate(newRun(job.id, { queue: 'other' }));
    await store.runTransition(done.id, 'RUNNING');
    await store.runTransition(done.id, 'SUCCESS');
    const running = await store.runCreate(newRun(job.id, { queue: 'other' }));
    await store.runTransition(running.id, 'RUNNING');

    const all = [
      { queue: 'default', status: 'QUEUED', count: 1 },
      { queue: 'other', status: 'RUNNING', count: 1 },
      { queue: 'other', status: 'SUCCESS', count: 1 },
    ];
    expect(await store.queueCounts()).toEqual(all);
    expect(await store.queueCounts(new Date(Date.now() - 60_000))).toEqual(all);
    // Finished before the window: no longer counted; the live runs still are.
    expect(await store.queueCounts(new Date(Date.now() + 60_000))).toEqual([all[0], all[1]]);
    expect(queued.status).toBe('QUEUED');
  });
});
