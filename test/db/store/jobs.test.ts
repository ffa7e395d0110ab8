import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/domain/errors.js';
import { jobFixture, newRun, openTestStore } from '../../support/fixtures.js';

describe('store conformance: jobs', () => {
  it('creates, reads, updates and deletes a job', async () => {
    const store = await openTestStore();
    const job = jobFixture({ args: { n: 1 }, customArgs: { raw: true }, active: false });
    const created = await store.jobCreate(job);
    expect(created).toEqual(job);
    expect(await store.jobGet(job.id)).toEqual(job);

    const updated = await store.jobUpdate(job.id, { title: 'Renamed', active: true, customArgs: null });
    expect(updated).toMatchObject({ title: 'Renamed', active: true, customArgs: null, args: { n: 1 } });
    expect(updated!.updated.getTime()).toBeGreaterThanOrEqual(job.updated.getTime());

    expect(await store.jobDelete(job.id)).toBe(true);
    expect(await store.jobGet(job.id)).toBeUndefined();
    expect(await store.jobDelete(job.id)).toBe(false);
    expect(await store.jobUpdate(job.id, { title: 'x' })).toBeUndefined();
  });

  it('finds jobs by key; a key is one job’s, a conflict is refused without an SQL error', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture({ key: 'nightly', managedFields: ['title', 'task'] }));
    await store.jobCreate(jobFixture());
    await store.jobCreate(jobFixture());
    expect(await store.jobGetByKey('nightly')).toEqual(job);
    expect(await store.jobGetByKey('other')).toBeUndefined();
    await expect(store.jobCreate(jobFixture({ key: 'nightly' }))).rejects.toBeInstanceOf(ConflictError);
    expect(await store.jobUpdate(job.id, { key: 'renamed', managedFields: null })).toMatchObject({
      key: 'renamed',
      managedFields: null,
    });
    expect((await store.jobList({ limit: 10, offset: 0 })).total).toBe(3);
  });

  it('lists with a case-insensitive text filter, other filters and paging', async () => {
    const store = await openTestStore();
    const base = Date.now();
    const jobs = [
      jobFixture({ title: 'ROR import', description: 'Organisations', created: new Date(base + 1) }),
      jobFixture({
        title: 'Cleanup',
        description: 'removes 100% of old ror_rows',
        created: new Date(base + 2),
        active: false,
      }),
      jobFixture({ title: 'Mailer', task: 'mail.send', defaultQueue: 'low', created: new Date(base + 3) }),
    ];
    for (const job of jobs) await store.jobCreate(job);

    const byText = await store.jobList({ q: 'ror', limit: 10, offset: 0 });
    expect(byText.items.map((j) => j.title)).toEqual(['Cleanup', 'ROR import']);
    expect(byText.total).toBe(2);
    // LIKE wildcards in the query are taken literally.
    expect((await store.jobList({ q: '100%', limit: 10, offset: 0 })).total).toBe(1);
    expect((await store.jobList({ q: 'ror_', limit: 10, offset: 0 })).total).toBe(1);
    expect((await store.jobList({ active: false, limit: 10, offset: 0 })).items.map((j) => j.title)).toEqual([
      'Cleanup',
    ]);
    expect((await store.jobList({ task: 'mail.send', limit: 10, offset: 0 })).total).toBe(1);
    expect((await store.jobList({ queue: 'low', limit: 10, offset: 0 })).items[0]!.title).toBe('Mailer');

    const page2 = await store.jobList({ limit: 2, offset: 2 });
    expect(page2).toMatchObject({ total: 3, items: [{ title: 'ROR import' }] });
  });

  it('knows whether a job has queued or running runs, and deletes its runs and logs with it', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    expect(await store.jobHasActiveRuns(job.id)).toBe(false);
    const run = await store.runCreate(newRun(job.id));
    expect(await store.jobHasActiveRuns(job.id)).toBe(true);
    await store.logAppend([{ runId: run.id, seq: 1, time: new Date(), level: 'info', message: 'hi', fields: null }]);
    await store.runTransition(run.id, 'CANCELLED');
    expect(await store.jobHasActiveRuns(job.id)).toBe(false);

    await store.jobDelete(job.id);
    expect(await store.runGet(run.id)).toBeUndefined();
    expect(await store.logList(run.id, { limit: 10 })).toEqual([]);
  });
});

describe('store conformance: job order', () => {
  it('sorts by title, creation, last run and next run', async () => {
    const store = await openTestStore();
    const base = Date.now();
    const b = await store.jobCreate(
      jobFixture({ title: 'B', created: new Date(base + 1), nextRunAt: new Date(base + 5000) }),
    );
    const a = await store.jobCreate(jobFixture({ title: 'a', created: new Date(base + 2) }));
    const c = await store.jobCreate(
      jobFixture({ title: 'C', created: new Date(base + 3), nextRunAt: new Date(base + 1000) }),
    );
    await store.runCreate(newRun(b.id));
    await store.runCreate(newRun(a.id));
    const order = async (sort: Parameters<typeof store.jobList>[0]['sort']) =>
      (await store.jobList({ sort, limit: 10, offset: 0 })).items.map((j) => j.id);
    expect(await order('-created')).toEqual([c.id, a.id, b.id]);
    expect(await order('created')).toEqual([b.id, a.id, c.id]);
    expect((await order('title')).length).toBe(3);
    expect(await order('-last_run')).toEqual([a.id, b.id, c.id]);
    expect((await order('last_run'))[0]).toBe(c.id);
    expect(await order('next_run')).toEqual([c.id, b.id, a.id]);
  });
});

describe('store conformance: a job keeps its last run for the last-run order', () => {
  it('follows runs created one by one, in bulk and by the scheduler, and survives pruning', async () => {
    const store = await openTestStore();
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((title) => store.jobCreate(jobFixture({ title }))));
    const byLastRun = async () =>
      (await store.jobList({ sort: '-last_run', limit: 10, offset: 0 })).items.map((j) => j.title);

    await store.runCreate(newRun(a!.id));
    expect((await byLastRun())[0]).toBe('A');
    // Never-run jobs sort as oldest, by id among themselves.
    expect((await store.jobList({ sort: 'last_run', limit: 10, offset: 0 })).items.map((j) => j.title).pop()).toBe('A');

    // In bulk, each job's newest run of the batch counts: B's comes after C's.
    await store.runsCreate([newRun(b!.id), newRun(c!.id), newRun(b!.id)]);
    expect(await byLastRun()).toEqual(['B', 'C', 'A']);

    // More runs than one bulk chunk (5,000) across two jobs: A's last run is in the second chunk.
    await store.runsCreate([...Array.from({ length: 5001 }, () => newRun(c!.id)), newRun(a!.id)]);
    expect(await byLastRun()).toEqual(['A', 'C', 'B']);

    // A scheduled firing.
    await store.jobUpdate(b!.id, { nextRunAt: new Date(Date.now() - 1000) });
    const fired = await store.jobsFireDue(new Date(), 10, () => ({
      runs: [newRun(b!.id, { title: 'Scheduled' })],
      skips: [],
      nextRunAt: null,
    }));
    expect(fired.map((f) => f.runs.length)).toEqual([1]);
    expect(await byLastRun()).toEqual(['B', 'A', 'C']);

    // Deleting the newest runs (as retention does) leaves the order as it was.
    await store.runTransition(fired[0]!.runs[0]!.id, 'CANCELLED');
    await store.runsPrune({ before: new Date(Date.now() + 60_000), keepLast: 0 });
    expect(await store.runGet(fired[0]!.runs[0]!.id)).toBeUndefined();
    expect(await byLastRun()).toEqual(['B', 'A', 'C']);
  });
});
