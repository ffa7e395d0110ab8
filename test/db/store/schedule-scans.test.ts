import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/storage/open-store.js';
import type { Store } from '../../../src/storage/store.js';
import { jobFixture, newRun, onCleanup, useTestDatabase } from '../../support/fixtures.js';

/**
 * Conformance for the scheduler's and the notifier's read verbs: the next due time, skipped
 * slots, and the scans that find what to tell (ended runs, long runs, missed slots).
 */
async function clockedStore(): Promise<{ store: Store; clock: { now: number } }> {
  const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
  const store = await openStore(useTestDatabase().url, { now: () => clock.now });
  onCleanup(() => store.close());
  return { store, clock };
}

const told = { notificationEmails: ['ops@example.org'] };

describe('store conformance: schedules and notification scans', () => {
  it('jobsNextDue is the earliest next_run_at of an active job', async () => {
    const { store } = await clockedStore();
    expect(await store.jobsNextDue()).toBeNull();
    const early = new Date('2026-03-01T13:00:00Z');
    await store.jobCreate(jobFixture({ nextRunAt: new Date('2026-03-01T14:00:00Z') }));
    const a = await store.jobCreate(jobFixture({ nextRunAt: early }));
    await store.jobCreate(jobFixture({ active: false, nextRunAt: new Date('2026-03-01T12:30:00Z') }));
    expect(await store.jobsNextDue()).toEqual(early);
    await store.jobUpdate(a.id, { active: false });
    expect(await store.jobsNextDue()).toEqual(new Date('2026-03-01T14:00:00Z'));
  });

  it('skippedSlotList pages a job’s skipped slots, newest first', async () => {
    const { store, clock } = await clockedStore();
    const job = await store.jobCreate(jobFixture({ nextRunAt: new Date(clock.now - 1000) }));
    const other = await store.jobCreate(jobFixture({ nextRunAt: new Date(clock.now - 1000) }));
    const slots = [0, 1, 2].map((i) => new Date(clock.now - 3000 + i * 1000));
    await store.jobsFireDue(new Date(clock.now), 10, (due) => ({
      runs: [],
      skips: due.job.id === job.id ? slots.map((s) => ({ scheduledFor: s, reason: 'missed: test' })) : [],
      nextRunAt: new Date(clock.now + 60_000),
    }));
    const first = await store.skippedSlotList(job.id, 2, 0);
    expect(first.total).toBe(3);
    expect(first.items.map((s) => s.scheduledFor)).toEqual([slots[2], slots[1]]);
    expect((await store.skippedSlotList(job.id, 2, 2)).items.map((s) => s.scheduledFor)).toEqual([slots[0]]);
    expect(first.items[0]).toMatchObject({ jobId: job.id, reason: 'missed: test' });
    expect((await store.skippedSlotList(other.id, 10, 0)).total).toBe(0);
  });

  it('slotsMissedForNotification groups misses of notified jobs per firing, after a cursor', async () => {
    const { store, clock } = await clockedStore();
    const job = await store.jobCreate(jobFixture({ ...told, nextRunAt: new Date(clock.now - 1000) }));
    await store.jobCreate(jobFixture({ nextRunAt: new Date(clock.now - 1000) }));
    const fire = (reasons: string[]) =>
      store.jobsFireDue(new Date(clock.now), 10, () => ({
        runs: [],
        skips: reasons.map((reason, i) => ({ scheduledFor: new Date(clock.now - 10_000 + i * 1000), reason })),
        nextRunAt: new Date(clock.now - 500),
      }));
    await fire(['missed: a', 'missed: b', 'overlap: not told']);
    clock.now += 5000;
    await fire(['error: task gone']);

    const all = await store.slotsMissedForNotification({ time: 0, jobId: '' }, new Date(clock.now), 10);
    // Only the notified job's misses and errors; overlap skips are the policy working as asked.
    expect(all.map((g) => [g.job.id, g.count])).toEqual([
      [job.id, 2],
      [job.id, 1],
    ]);
    expect(all[0]!.last.getTime() - all[0]!.first.getTime()).toBe(1000);
    const after = { time: all[0]!.recorded.getTime(), jobId: job.id };
    expect((await store.slotsMissedForNotification(after, new Date(clock.now), 10)).map((g) => g.reason)).toEqual([
      'error: task gone',
    ]);
    // Nothing recorded after `until`.
    expect(await store.slotsMissedForNotification({ time: 0, jobId: '' }, new Date(clock.now - 6000), 10)).toEqual([]);
  });

  it('runsEndedForNotification finds ended top-level runs of notified jobs in (time, id) order', async () => {
    const { store, clock } = await clockedStore();
    const job = await store.jobCreate(jobFixture(told));
    const quiet = await store.jobCreate(jobFixture());
    const a = await store.runCreate(newRun(job.id));
    const b = await store.runCreate(newRun(job.id));
    const unnotified = await store.runCreate(newRun(quiet.id));
    const running = await store.runCreate(newRun(job.id));
    await store.runClaim({ queues: ['default'], limit: 10, workerId: 'w' });
    clock.now += 1000;
    await store.runsFinish(
      [a, b, unnotified].map((run) => ({
        id: run.id,
        workerId: 'w',
        attempt: 1,
        status: 'SUCCESS' as const,
        message: null,
        result: null,
        progress: {},
      })),
    );
    const found = await store.runsEndedForNotification({ time: 0, id: 0 }, new Date(clock.now), 10);
    expect(found.map((f) => f.run.id)).toEqual([a.id, b.id]);
    expect(found[0]!.job.id).toBe(job.id);
    const next = await store.runsEndedForNotification({ time: clock.now, id: a.id }, new Date(clock.now), 10);
    expect(next.map((f) => f.run.id)).toEqual([b.id]);
    expect(await store.runsEndedForNotification({ time: 0, id: 0 }, new Date(clock.now - 1), 10)).toEqual([]);
    expect(found.map((f) => f.run.id)).not.toContain(running.id);
  });

  it('runsRunningLong finds running runs past their job’s threshold', async () => {
    const { store, clock } = await clockedStore();
    const slow = await store.jobCreate(jobFixture({ ...told, notifyRunningLongerThan: 60 }));
    const untold = await store.jobCreate(jobFixture({ notifyRunningLongerThan: 60 }));
    const run = await store.runCreate(newRun(slow.id));
    await store.runCreate(newRun(untold.id));
    await store.runClaim({ queues: ['default'], limit: 10, workerId: 'w' });
    expect(await store.runsRunningLong(new Date(clock.now + 59_000))).toEqual([]);
    const long = await store.runsRunningLong(new Date(clock.now + 60_000));
    expect(long.map((l) => [l.run.id, l.job.id])).toEqual([[run.id, slow.id]]);
  });
});
