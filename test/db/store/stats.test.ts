import { describe, expect, it } from 'vitest';
import type { RunStatus } from '../../../src/domain/run-status.js';
import { jobFixture, newRun } from '../../support/fixtures.js';
import { clockedStore, seedRun } from '../../support/stats-seed.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A fixed past noon (UTC), so day and hour buckets are known. */
const T0 = Date.parse('2026-11-20T12:00:00Z');

describe('store conformance: chart statistics', () => {
  it("reads a job's or a task's latest ended runs, newest first, bounded by the limit", async () => {
    const { store, at } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const other = await store.jobCreate(jobFixture({ task: 'test.other' }));
    for (let i = 1; i <= 6; i += 1) {
      await seedRun(store, at, {
        jobId: job.id,
        created: T0 + i * HOUR,
        durationMs: i * 1000,
        status: i === 3 ? 'FAILED' : 'SUCCESS',
        progress: { inserted: i, updated: 2 * i, errored: i === 3 ? 1 : 0 },
      });
    }
    await seedRun(store, at, { jobId: other.id, task: 'test.other', created: T0, durationMs: 500 });
    await seedRun(store, at, { jobId: job.id, created: T0 + 10 * HOUR, durationMs: null }); // still running

    const points = await store.statsRunPoints({ jobId: job.id }, 500);
    expect(points.map((p) => p.durationMs)).toEqual([6000, 5000, 4000, 3000, 2000, 1000]);
    expect(points[3]).toMatchObject({ status: 'FAILED', inserted: 3, updated: 6, errored: 1, jobId: job.id });
    expect(points[0]!.finishedAt.getTime() - points[0]!.startedAt.getTime()).toBe(6000);
    expect((await store.statsRunPoints({ jobId: job.id }, 2)).map((p) => p.durationMs)).toEqual([6000, 5000]);
    const successes = await store.statsRunPoints({ jobId: job.id }, 500, true);
    expect(successes.map((p) => p.durationMs)).toEqual([6000, 5000, 4000, 2000, 1000]);
    expect((await store.statsRunPoints({ task: 'test.other' }, 500)).map((p) => p.jobId)).toEqual([other.id]);
    expect(await store.statsRunPoints({ task: 'no.such.task' }, 500)).toEqual([]);
  });

  it('finds the last success by start after overlapping successes and a failure streak', async () => {
    const { store, at } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const claim = async (time: number) => {
      at(time);
      const run = await store.runCreate(newRun(job.id));
      const [claimed] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
      expect(claimed?.id).toBe(run.id);
      return run.id;
    };
    const finish = async (id: number, time: number, status: RunStatus = 'SUCCESS') => {
      at(time);
      await store.runsFinish([{ id, workerId: 'w', attempt: 1, status, message: null, result: null, progress: {} }]);
    };
    // A long success, and a short one that started after it and ended before it: the last
    // success by start is the short one, though the long one ended last.
    const long = await claim(T0);
    const short = await claim(T0 + HOUR);
    await finish(short, T0 + 2 * HOUR);
    await finish(long, T0 + 5 * HOUR);
    // Then a failure streak, a sub-run that succeeded, and a run still going.
    for (let i = 0; i < 30; i += 1)
      await finish(await claim(T0 + (6 + i) * HOUR), T0 + (6 + i) * HOUR + 1000, 'FAILED');
    await seedRun(store, at, { jobId: job.id, created: T0 + 40 * HOUR, durationMs: null });
    at(T0 + 41 * HOUR);
    const child = await store.runCreate(newRun(job.id, { parentRunId: long }));
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
    await finish(child.id, T0 + 42 * HOUR);

    expect((await store.runLastSuccess(job.id))?.id).toBe(short);
    expect((await store.runLastSuccess(job.id))?.startedAt?.getTime()).toBe(T0 + HOUR);
    // The p95's input: the successes, latest end first.
    const successes = await store.statsRunPoints({ jobId: job.id }, 500, true);
    expect(successes.map((p) => p.id)).toEqual([long, short]);
  });

  it('counts ended runs per UTC day and status within the window, from at most maxRows runs', async () => {
    const { store, at } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const statuses = ['SUCCESS', 'FAILED', 'SUCCESS', 'CANCELLED'] as const;
    for (const [i, status] of statuses.entries()) {
      await seedRun(store, at, { jobId: job.id, created: T0 - 2 * DAY + i * HOUR, status });
    }
    await seedRun(store, at, { jobId: job.id, created: T0, status: 'PARTIAL_SUCCESS' });
    await seedRun(store, at, { jobId: job.id, created: T0 - 40 * DAY }); // before the window

    const from = new Date(T0 - 10 * DAY);
    const until = new Date(T0 + DAY);
    const result = await store.statsOutcomes({ jobId: job.id }, from, until, 1000);
    const day = (ms: number) => new Date(Math.floor(ms / DAY) * DAY);
    expect(result.truncated).toBe(false);
    expect(result.items).toEqual([
      { day: day(T0 - 2 * DAY), status: 'CANCELLED', count: 1 },
      { day: day(T0 - 2 * DAY), status: 'FAILED', count: 1 },
      { day: day(T0 - 2 * DAY), status: 'SUCCESS', count: 2 },
      { day: day(T0), status: 'PARTIAL_SUCCESS', count: 1 },
    ]);
    // Bounded: only the newest 2 runs of the window are read, and the answer says so.
    const bounded = await store.statsOutcomes({ jobId: job.id }, from, until, 2);
    expect(bounded.truncated).toBe(true);
    expect(bounded.items.reduce((sum, item) => sum + item.count, 0)).toBe(2);
    expect((await store.statsOutcomes({ task: 'test.noop' }, from, until, 1000)).items).toHaveLength(4);
  });

  it('buckets ended runs per queue with their throughput and wait before starting', async () => {
    const { store, at } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    await seedRun(store, at, { jobId: job.id, created: T0 + 60_000, waitMs: 1000 });
    await seedRun(store, at, { jobId: job.id, created: T0 + 120_000, waitMs: 3000, status: 'FAILED' });
    await seedRun(store, at, { jobId: job.id, created: T0 + HOUR + 60_000, waitMs: 500, queue: 'other' });
    await seedRun(store, at, { jobId: job.id, created: T0 - 5 * HOUR }); // before the window

    const result = await store.statsQueues(new Date(T0), new Date(T0 + 2 * HOUR), HOUR, 1000);
    expect(result).toEqual({
      truncated: false,
      items: [
        { start: new Date(T0), queue: 'default', finished: 2, failed: 1, waitAvgMs: 2000, waitMaxMs: 3000 },
        { start: new Date(T0 + HOUR), queue: 'other', finished: 1, failed: 0, waitAvgMs: 500, waitMaxMs: 500 },
      ],
    });
    expect((await store.statsQueues(new Date(T0), new Date(T0 + 2 * HOUR), HOUR, 2)).truncated).toBe(true);
  });

  it('finds going runs of jobs with history alerts, and the ended runs up to one for streaks', async () => {
    const { store, at } = await clockedStore();
    const alerting = await store.jobCreate(
      jobFixture({
        notificationEmails: ['ops@example.org'],
        historyAlerts: { slowerThanP95: 2, p95Runs: 10, afterFailures: 2 },
      }),
    );
    const silent = await store.jobCreate(
      jobFixture({ historyAlerts: { slowerThanP95: 2, p95Runs: 10, afterFailures: null } }),
    );
    const ids: number[] = [];
    for (const status of ['SUCCESS', 'FAILED', 'CANCELLED', 'FAILED'] as const) {
      ids.push(await seedRun(store, at, { jobId: alerting.id, created: T0 + ids.length * HOUR, status }));
    }
    const going = await seedRun(store, at, { jobId: alerting.id, created: T0 + 9 * HOUR, durationMs: null });
    await seedRun(store, at, { jobId: silent.id, created: T0, durationMs: null }); // nobody to tell

    const found = await store.runsGoingWithHistoryAlerts();
    expect(found.map((f) => f.run.id)).toEqual([going]);
    expect(found[0]!.job.historyAlerts).toEqual({ slowerThanP95: 2, p95Runs: 10, afterFailures: 2 });

    const last = (await store.runGet(ids[3]!))!;
    const upTo = await store.runsEndedUpTo(alerting.id, { time: last.finishedAt!.getTime(), id: last.id }, 10);
    // Newest first, the cancelled run left out.
    expect(upTo).toEqual([
      { id: ids[3], status: 'FAILED' },
      { id: ids[1], status: 'FAILED' },
      { id: ids[0], status: 'SUCCESS' },
    ]);
    const first = (await store.runGet(ids[1]!))!;
    expect(await store.runsEndedUpTo(alerting.id, { time: first.finishedAt!.getTime(), id: first.id }, 1)).toEqual([
      { id: ids[1], status: 'FAILED' },
    ]);
  });
});
