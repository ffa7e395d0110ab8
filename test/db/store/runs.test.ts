import { describe, expect, it } from 'vitest';
import type { StoreEvent } from '../../../src/storage/notifier.js';
import type { RunOutcome } from '../../../src/storage/store.js';
import { jobFixture, newRun, nextEvent, openTestStore } from '../../support/fixtures.js';

const outcome = (id: number, over: Partial<RunOutcome> = {}): RunOutcome => ({
  id,
  workerId: 'w1',
  attempt: 1,
  status: 'SUCCESS',
  message: null,
  result: null,
  progress: {},
  ...over,
});

describe('store conformance: runs', () => {
  it('creates a QUEUED run holding its resolved arguments', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const since = new Date('2026-01-02T03:04:05.678Z');
    const run = await store.runCreate(
      newRun(job.id, { args: { a: [1, 'x'] }, customArgs: { a: 2 }, since, title: 'T' }),
    );
    expect(run).toMatchObject({
      jobId: job.id,
      status: 'QUEUED',
      title: 'T',
      args: { a: [1, 'x'] },
      customArgs: { a: 2 },
      since,
      attempt: 0,
      maxAttempts: 1,
      startedAt: null,
      finishedAt: null,
      result: null,
      progress: { total: null, inserted: null, updated: null, errored: null },
    });
    expect(await store.runGet(run.id)).toEqual(run);
    expect(await store.runGet(run.id + 1000)).toBeUndefined();
  });

  it('claims due runs of its queues in priority then id order, each once', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const a = await store.runCreate(newRun(job.id));
    const b = await store.runCreate(newRun(job.id, { priority: -1 }));
    await store.runCreate(newRun(job.id, { queue: 'other' }));
    await store.runCreate(newRun(job.id, { availableAt: new Date(Date.now() + 60_000) }));
    const c = await store.runCreate(newRun(job.id));

    const first = await store.runClaim({ queues: ['default'], limit: 2, workerId: 'w1' });
    expect(first.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(first[0]).toMatchObject({ status: 'RUNNING', workerId: 'w1', attempt: 1 });
    expect(first[0]!.startedAt).toBeInstanceOf(Date);
    const second = await store.runClaim({ queues: ['default'], limit: 10, workerId: 'w2' });
    expect(second.map((r) => r.id)).toEqual([c.id]);
    expect(await store.runClaim({ queues: ['default'], limit: 10, workerId: 'w2' })).toEqual([]);
    expect(await store.runClaim({ queues: [], limit: 10, workerId: 'w2' })).toEqual([]);
  });

  it('never hands one run to two concurrent claimers', async () => {
    const url = (await import('../../support/fixtures.js')).useTestDatabase().url;
    const one = await openTestStore(url);
    const two = await openTestStore(url);
    const job = await one.jobCreate(jobFixture());
    await one.runsCreate(Array.from({ length: 200 }, () => newRun(job.id)));
    const claimed: number[] = [];
    await Promise.all(
      [one, two, one, two].map(async (store, i) => {
        for (;;) {
          const runs = await store.runClaim({ queues: ['default'], limit: 7, workerId: `w${i}` });
          if (runs.length === 0) return;
          claimed.push(...runs.map((r) => r.id));
        }
      }),
    );
    expect(claimed).toHaveLength(200);
    expect(new Set(claimed).size).toBe(200);
  });

  it('finishes many runs in one call, guarded by worker, attempt and the state machine', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    for (let i = 0; i < 4; i++) await store.runCreate(newRun(job.id));
    const [r1, r2, r3, r4] = await store.runClaim({ queues: ['default'], limit: 4, workerId: 'w1' });
    await store.runTransition(r4!.id, 'CANCELLING');

    const applied = await store.runsFinish([
      outcome(r1!.id, {
        result: { rows: 3 },
        progress: { total: 5, inserted: 3, errored: 2 },
        status: 'PARTIAL_SUCCESS',
        message: '2 failed',
      }),
      outcome(r2!.id, { workerId: 'someone-else' }),
      outcome(r3!.id, { attempt: 2 }),
      outcome(r4!.id), // SUCCESS is not allowed from CANCELLING
    ]);
    expect(applied).toEqual([r1!.id]);
    expect(await store.runGet(r1!.id)).toMatchObject({
      status: 'PARTIAL_SUCCESS',
      message: '2 failed',
      result: { rows: 3 },
      progress: { total: 5, inserted: 3, updated: null, errored: 2 },
    });
    expect((await store.runGet(r1!.id))!.finishedAt).toBeInstanceOf(Date);
    expect((await store.runGet(r2!.id))!.status).toBe('RUNNING');

    expect(await store.runsFinish([outcome(r4!.id, { status: 'CANCELLED', result: 'text result' })])).toEqual([r4!.id]);
    expect(await store.runGet(r4!.id)).toMatchObject({ status: 'CANCELLED', result: 'text result' });
    // A final run cannot be finished again.
    expect(await store.runsFinish([outcome(r1!.id, { status: 'FAILED' })])).toEqual([]);
    expect(await store.runsFinish([])).toEqual([]);
  });

  it('finishes a run with only its last fields given, keeping the progress reported before', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    await store.runsCreate([newRun(job.id), newRun(job.id)]);
    const [a, b] = await store.runClaim({ queues: ['default'], limit: 2, workerId: 'w1' });
    await store.runProgress(a!.id, { total: 10, inserted: 4 });
    // Outcomes travel as JSON arrays without their trailing nulls (run-lifecycle-queries.ts).
    expect(
      await store.runsFinish([
        outcome(a!.id, { progress: { errored: 1 } }),
        outcome(b!.id, { status: 'FAILED', message: 'no', errorStack: 'Error: no\n    at x', result: [1] }),
      ]),
    ).toEqual([a!.id, b!.id]);
    expect(await store.runGet(a!.id)).toMatchObject({
      status: 'SUCCESS',
      message: null,
      result: null,
      progress: { total: 10, inserted: 4, updated: null, errored: 1 },
    });
    expect(await store.runGet(b!.id)).toMatchObject({
      status: 'FAILED',
      message: 'no',
      errorStack: 'Error: no\n    at x',
      result: [1],
      progress: { total: null, inserted: null, updated: null, errored: null },
    });
  });

  it('refuses status changes the state machine does not allow', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const run = await store.runCreate(newRun(job.id));
    expect(await store.runTransition(run.id, 'SUCCESS')).toBeUndefined();
    expect(await store.runTransition(run.id, 'CANCELLING')).toBeUndefined();
    const cancelled = await store.runTransition(run.id, 'CANCELLED', 'Stopped before it started.');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', message: 'Stopped before it started.' });
    expect(cancelled!.finishedAt).toBeInstanceOf(Date);
    expect(await store.runTransition(run.id, 'QUEUED')).toBeUndefined();
    expect(await store.runTransition(run.id + 999, 'CANCELLED')).toBeUndefined();
  });

  it('stores progress, heartbeats and reports runs being stopped', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    await store.runCreate(newRun(job.id));
    await store.runCreate(newRun(job.id));
    const [a, b] = await store.runClaim({ queues: ['default'], limit: 2, workerId: 'w1' });
    await store.runProgress(a!.id, { total: 10, inserted: 4 });
    await store.runProgress(a!.id, { inserted: 6 });
    expect((await store.runGet(a!.id))!.progress).toEqual({ total: 10, inserted: 6, updated: null, errored: null });

    const before = (await store.runGet(a!.id))!.heartbeatAt!.getTime();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.runsHeartbeat([a!.id, b!.id], 'w1');
    expect((await store.runGet(a!.id))!.heartbeatAt!.getTime()).toBeGreaterThan(before);
    await store.runsHeartbeat([a!.id], 'not-the-holder');

    await store.runTransition(b!.id, 'CANCELLING');
    expect(await store.runsCancelling([a!.id, b!.id])).toEqual([b!.id]);
    expect(await store.runsCancelling([])).toEqual([]);
  });

  it('lists runs newest first with filters, and finds the last top-level success', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const other = await store.jobCreate(jobFixture());
    expect(await store.runLastSuccess(job.id)).toBeUndefined();
    await store.runsCreate([newRun(job.id), newRun(job.id, { queue: 'q2', task: 't2' }), newRun(other.id)]);
    const claimed = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
    await store.runsFinish([outcome(claimed[0]!.id, { workerId: 'w' })]);
    const parent = claimed[0]!;
    await store.runCreate(newRun(job.id, { parentRunId: parent.id }));
    const [child] = await store
      .runClaim({ queues: ['default'], limit: 5, workerId: 'w' })
      .then((runs) => runs.filter((r) => r.parentRunId === parent.id));
    await store.runsFinish([outcome(child!.id, { workerId: 'w' })]);

    // Lists show top-level runs unless sub-runs are asked for.
    expect((await store.runList({ jobId: job.id, limit: 10, offset: 0 })).total).toBe(2);
    expect((await store.runList({ parentRunId: parent.id, limit: 10, offset: 0 })).items).toMatchObject([
      { id: child!.id },
    ]);
    const all = await store.runList({ jobId: job.id, includeSubRuns: true, limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.items.map((r) => r.id)).toEqual([...all.items.map((r) => r.id)].sort((x, y) => y - x));
    expect((await store.runList({ statuses: ['SUCCESS'], includeSubRuns: true, limit: 10, offset: 0 })).total).toBe(2);
    expect((await store.runList({ queue: 'q2', limit: 10, offset: 0 })).total).toBe(1);
    expect((await store.runList({ task: 't2', limit: 10, offset: 0 })).total).toBe(1);
    // Sub-runs never count as "the last successful run" of the job.
    expect((await store.runLastSuccess(job.id))!.id).toBe(parent.id);
  });

  it('creates a run from its job only while the job is unchanged, since defaulting to the last success', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture({ args: { a: 1 }, maxAttempts: 2 }));
    const basis = { task: 'test.noop', defaultQueue: 'default', args: { a: 1 }, customArgs: null, maxAttempts: 2 };
    await store.listening();
    const queued = nextEvent<StoreEvent>(
      (listener) => store.subscribe(listener),
      (e) => e.type === 'queued',
    );
    const first = await store.runCreateFromJob(newRun(job.id, { maxAttempts: 2 }), basis);
    expect(first).toMatchObject({ jobId: job.id, status: 'QUEUED', since: null, maxAttempts: 2 });
    expect(await queued).toEqual({ type: 'queued', queue: 'default', runId: first!.id, jobId: job.id });
    expect(await store.runGet(first!.id)).toEqual(first);
    const [claimed] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w1' });
    await store.runsFinish([outcome(claimed!.id)]);
    // No since given: the start of the last success; one given is kept.
    expect((await store.runCreateFromJob(newRun(job.id), basis))!.since).toEqual(claimed!.startedAt);
    const given = new Date('2026-01-02T03:04:05.678Z');
    expect((await store.runCreateFromJob(newRun(job.id, { since: given }), basis))!.since).toEqual(given);

    // Any value the run was prepared from that changed since: no run.
    for (const stale of [
      { task: 'test.other' },
      { defaultQueue: 'other' },
      { args: { a: 2 } },
      { customArgs: { a: 1 } },
      { maxAttempts: 1 },
    ]) {
      expect(await store.runCreateFromJob(newRun(job.id), { ...basis, ...stale })).toBeUndefined();
    }
    await store.jobUpdate(job.id, { customArgs: { b: true } });
    expect(await store.runCreateFromJob(newRun(job.id), basis)).toBeUndefined();
    const now = { ...basis, customArgs: { b: true } };
    expect(await store.runCreateFromJob(newRun(job.id), now)).toMatchObject({ jobId: job.id });
    expect(await store.runCreateFromJob(newRun('no-such-job'), now)).toBeUndefined();
    expect((await store.runList({ jobId: job.id, limit: 10, offset: 0 })).total).toBe(4);
  });

  it('enqueues in bulk', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    expect(await store.runsCreate(Array.from({ length: 2500 }, () => newRun(job.id)))).toBe(2500);
    expect((await store.runList({ statuses: ['QUEUED'], limit: 1, offset: 0 })).total).toBe(2500);
  });
});

describe('store conformance: releasing claimed runs', () => {
  it('puts claimed runs that never started back in the queue, without counting an attempt', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    await store.runsCreate([newRun(job.id), newRun(job.id)]);
    const [a, b] = await store.runClaim({ queues: ['default'], limit: 2, workerId: 'w1' });
    await store.runTransition(b!.id, 'CANCELLING');
    expect(await store.runsRelease([a!.id, b!.id], 'w1')).toEqual([a!.id]);
    // b was stopped while buffered: it never started, so the stop completes.
    expect(await store.runGet(b!.id)).toMatchObject({ status: 'CANCELLED', message: 'Stopped before it started.' });
    expect(await store.runGet(a!.id)).toMatchObject({ status: 'QUEUED', attempt: 0, workerId: null, startedAt: null });
    expect(await store.runsRelease([a!.id], 'w1')).toEqual([]);
    const again = await store.runClaim({ queues: ['default'], limit: 2, workerId: 'w2' });
    expect(again.map((r) => [r.id, r.attempt])).toEqual([[a!.id, 1]]);
  });
});
