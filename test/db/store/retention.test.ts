import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/domain/model.js';
import { openStore } from '../../../src/storage/open-store.js';
import type { Store } from '../../../src/storage/store.js';
import { jobFixture, newRun, onCleanup, useTestDatabase } from '../../support/fixtures.js';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

/** A store whose clock the test moves, so runs can end "days ago". */
async function clockedStore(): Promise<{ store: Store; at: (ms: number) => void }> {
  let now = NOW;
  const store = await openStore(useTestDatabase().url, { now: () => now });
  onCleanup(() => store.close());
  return { store, at: (ms) => (now = ms) };
}

/** A run of the job that ended (SUCCESS) at `endedAt`, with `lines` log lines. */
async function endedRun(store: Store, at: (ms: number) => void, job: Job, endedAt: number, lines = 3): Promise<number> {
  at(endedAt);
  const run = await store.runCreate(newRun(job.id));
  const [claimed] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
  expect(claimed!.id).toBe(run.id);
  await store.logAppend(
    Array.from({ length: lines }, (_, i) => ({
      runId: run.id,
      seq: i + 1,
      time: new Date(endedAt),
      level: 'info' as const,
      message: `line ${i + 1}`,
      fields: null,
    })),
  );
  const done = await store.runsFinish([
    { id: run.id, workerId: 'w', attempt: 1, status: 'SUCCESS', message: null, result: null, progress: {} },
  ]);
  expect(done).toEqual([run.id]);
  return run.id;
}

const logCount = async (store: Store, runId: number) => (await store.logList(runId, { limit: 1000 })).length;

describe('store conformance: retention', () => {
  it('deletes log lines of runs that ended before the cutoff, in batches, and keeps the runs', async () => {
    const { store, at } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const old = await endedRun(store, at, job, NOW - 100 * DAY, 250);
    const recent = await endedRun(store, at, job, NOW - 10 * DAY, 5);
    const batches: number[] = [];
    const deleted = await store.logsPrune({
      before: new Date(NOW - 90 * DAY),
      batchSize: 100,
      onBatch: (n) => batches.push(n),
    });
    expect(deleted).toBe(250);
    expect(batches).toEqual([100, 100, 50]);
    expect(await logCount(store, old)).toBe(0);
    expect(await logCount(store, recent)).toBe(5);
    expect(await store.runGet(old)).toBeDefined();
    // Nothing left to do: a second prune deletes nothing.
    expect(await store.logsPrune({ before: new Date(NOW - 90 * DAY) })).toBe(0);
  });

  it('deletes old runs except the newest K per job, and never unfinished runs', async () => {
    const { store, at } = await clockedStore();
    const a = await store.jobCreate(jobFixture({ title: 'A' }));
    const b = await store.jobCreate(jobFixture({ title: 'B' }));
    const aRuns: number[] = [];
    for (let i = 0; i < 6; i += 1) aRuns.push(await endedRun(store, at, a, NOW - (400 - i) * DAY, 2));
    const bOld = await endedRun(store, at, b, NOW - 500 * DAY, 1);
    const bNew = await endedRun(store, at, b, NOW - 1 * DAY, 1);
    // Unfinished old runs: one queued long ago, one running since long ago.
    at(NOW - 600 * DAY);
    const queued = await store.runCreate(newRun(a.id, { queue: 'other' }));
    const running = await store.runCreate(newRun(b.id, { queue: 'slow' }));
    await store.runClaim({ queues: ['slow'], limit: 1, workerId: 'w' });
    at(NOW);

    const batches: number[] = [];
    const deleted = await store.runsPrune({
      before: new Date(NOW - 365 * DAY),
      keepLast: 2,
      batchSize: 2,
      onBatch: (n) => batches.push(n),
    });
    // Job A: 6 ended + 1 queued run; the newest two (the queued one and the last ended) stay.
    // Job B: its newest two are the running one and bNew; bOld goes.
    const gone = [...aRuns.slice(0, 5), bOld];
    expect(deleted).toBe(gone.length);
    expect(batches.every((n) => n <= 2)).toBe(true);
    for (const id of gone) expect(await store.runGet(id)).toBeUndefined();
    for (const id of [aRuns[5]!, bNew, queued.id, running.id]) expect(await store.runGet(id)).toBeDefined();
    // Their log lines went too.
    expect(await logCount(store, aRuns[0]!)).toBe(0);
    expect(await logCount(store, aRuns[5]!)).toBe(2);
  });

  it('keeps the newest K runs of a job even when all are old, and keepLast 0 keeps none of the old ones', async () => {
    const { store, at } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const ids: number[] = [];
    for (let i = 0; i < 4; i += 1) ids.push(await endedRun(store, at, job, NOW - (1000 - i) * DAY, 0));
    at(NOW);
    expect(await store.runsPrune({ before: new Date(NOW - 365 * DAY), keepLast: 3 })).toBe(1);
    expect(await store.runGet(ids[0]!)).toBeUndefined();
    expect(await store.runsPrune({ before: new Date(NOW - 365 * DAY), keepLast: 0 })).toBe(3);
    expect((await store.runList({ jobId: job.id, limit: 10, offset: 0 })).total).toBe(0);
  });

  it('stops between batches when its signal is aborted', async () => {
    const { store, at } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    const run = await endedRun(store, at, job, NOW - 100 * DAY, 30);
    const controller = new AbortController();
    const deleted = await store.logsPrune({
      before: new Date(NOW),
      batchSize: 10,
      signal: controller.signal,
      onBatch: () => controller.abort(),
    });
    expect(deleted).toBe(10);
    expect(await logCount(store, run)).toBe(20);
  });
});
