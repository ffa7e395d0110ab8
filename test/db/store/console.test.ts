import { describe, expect, it } from 'vitest';
import { jobFixture, newRun, openTestStore } from '../../support/fixtures.js';

describe('store conformance: operations console reads', () => {
  it('searches runs of all jobs with a capped count, and lists matching ids', async () => {
    const store = await openTestStore();
    const a = await store.jobCreate(jobFixture({ title: 'a' }));
    const b = await store.jobCreate(jobFixture({ title: 'b' }));
    await store.runsCreate([newRun(a.id, { startedBy: 'alice' }), newRun(a.id), newRun(b.id, { queue: 'other' })]);
    const done = await store.runCreate(newRun(b.id, { title: 'Nightly 100% import' }));
    await store.runTransition(done.id, 'RUNNING');
    await store.runTransition(done.id, 'FAILED', 'Row 7 is_bad');

    const paging = { sort: '-created' as const, limit: 2, offset: 0, countLimit: 3 };
    const all = await store.runSearch({}, paging);
    expect(all).toMatchObject({ total: 3, more: true });
    expect(all.items.map((r) => r.id)).toEqual([done.id, done.id - 1]);
    expect(all.jobTitles).toEqual({ [b.id]: 'b' });
    expect((await store.runSearch({ q: '100%' }, paging)).jobTitles).toEqual({ [b.id]: 'b' });
    expect((await store.runSearch({ jobId: a.id, startedBy: 'alice' }, paging)).total).toBe(1);
    expect((await store.runSearch({ q: '100%' }, paging)).items.map((r) => r.id)).toEqual([done.id]);
    expect((await store.runSearch({ q: 'IS_BAD' }, paging)).total).toBe(1);
    expect((await store.runSearch({ statuses: [] }, paging)).total).toBe(0);
    const ended = await store.runSearch(
      { timeField: 'finished', from: new Date(Date.now() - 60_000) },
      { ...paging, sort: 'finished' },
    );
    expect(ended.items.map((r) => r.id)).toEqual([done.id]);
    expect(await store.runSearchIds({ statuses: ['QUEUED'], queue: 'default' }, 10)).toEqual([
      done.id - 3,
      done.id - 2,
    ]);
    expect(await store.runSearchIds({ ids: [done.id, 999_999] }, 10)).toEqual([done.id]);
  });

  it('reads the overview: held runs, oldest queued per queue, failures by job, workers, upcoming jobs', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture({ title: 'Import' }));
    const due = await store.jobCreate(
      jobFixture({ schedule: { type: 'interval', hours: 1 }, nextRunAt: new Date(Date.now() + 60_000) }),
    );
    await store.jobCreate(
      jobFixture({ schedule: { type: 'interval', hours: 1 }, nextRunAt: new Date(Date.now() + 3 * 86_400_000) }),
    );
    const oldest = await store.runCreate(newRun(job.id));
    await store.runCreate(newRun(job.id));
    const [held] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w1' });
    const failed = await store.runCreate(newRun(job.id));
    await store.runTransition(failed.id, 'RUNNING');
    await store.runTransition(failed.id, 'FAILED', 'boom');

    const data = await store.overviewRead(new Date(Date.now() - 3_600_000), 10);
    expect(held?.id).toBe(oldest.id);
    expect(data.running.map((r) => r.id)).toEqual([oldest.id]);
    expect(data.queued).toEqual([
      { queue: 'default', count: 1, oldestRunId: oldest.id + 1, oldestCreatedAt: expect.any(Date) },
    ]);
    expect(data.failures).toHaveLength(1);
    expect(data.failures[0]).toMatchObject({ jobId: job.id, jobTitle: 'Import', failed: 1, partial: 0 });
    expect(data.failures[0]!.last.message).toBe('boom');
    expect(data).toMatchObject({
      failureJobs: 1,
      failedTotal: 1,
      partialTotal: 0,
      workers: [{ workerId: 'w1', runs: 1 }],
    });
    expect((await store.overviewRead(new Date(Date.now() + 60_000), 10)).failures).toEqual([]);
    expect((await store.jobsUpcoming(new Date(Date.now() + 86_400_000), 10)).map((j) => j.id)).toEqual([due.id]);
  });
});
