import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/storage/open-store.js';
import type { Store } from '../../../src/storage/store.js';
import type { WorkerRegistration } from '../../../src/storage/worker-store.js';
import { jobFixture, newRun, onCleanup, useTestDatabase } from '../../support/fixtures.js';

/** A store whose clock the test moves. */
async function clockedStore(): Promise<{ store: Store; clock: { now: number } }> {
  const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  const store = await openStore(useTestDatabase().url, { now: () => clock.now });
  onCleanup(() => store.close());
  return { store, clock };
}

const worker = (id: string, over: Partial<WorkerRegistration> = {}): WorkerRegistration => ({
  id,
  host: 'host-a',
  pid: 4242,
  version: '0.1.0',
  queues: ['default', 'other'],
  concurrency: 4,
  startedAt: new Date('2026-03-01T09:59:00Z'),
  busy: 0,
  ...over,
});

async function claim(store: Store, workerId: string, jobId: string, count: number, task = 'test.noop') {
  await store.runsCreate(Array.from({ length: count }, (_, i) => newRun(jobId, { title: `run ${i}`, task })));
  return store.runClaim({ queues: ['default'], limit: count, workerId });
}

describe('store conformance: workers', () => {
  it('registers a worker, renews its heartbeat in place and records a clean stop', async () => {
    const { store, clock } = await clockedStore();
    await store.workerBeat(worker('w1'));
    let [row] = await store.workerList({ limit: 10, heldPerWorker: 5 });
    expect(row).toMatchObject({
      id: 'w1',
      host: 'host-a',
      pid: 4242,
      version: '0.1.0',
      queues: ['default', 'other'],
      concurrency: 4,
      busy: 0,
      startedAt: new Date('2026-03-01T09:59:00Z'),
      heartbeatAt: new Date(clock.now),
      endedAt: null,
      ended: null,
      held: [],
      heldTotal: 0,
    });

    clock.now += 10_000;
    await store.workerBeat(worker('w1', { busy: 3 }));
    [row] = await store.workerList({ limit: 10, heldPerWorker: 5 });
    expect(row).toMatchObject({ busy: 3, heartbeatAt: new Date(clock.now) });

    clock.now += 1000;
    await store.workerEnd('w1');
    const stoppedAt = clock.now;
    clock.now += 1000;
    await store.workerEnd('w1'); // a second end keeps the first
    const list = await store.workerList({ limit: 10, heldPerWorker: 5 });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ ended: 'stopped', endedAt: new Date(stoppedAt), busy: 0 });
  });

  it('marks silent workers died at their last heartbeat, brings one back on its next beat, prunes old ones', async () => {
    const { store, clock } = await clockedStore();
    await store.workerBeat(worker('quiet'));
    const lastBeat = clock.now;
    clock.now += 20_000;
    await store.workerBeat(worker('alive'));
    await store.workerBeat(worker('stopped'));
    await store.workerEnd('stopped');
    const sweep = { deadAfterMs: 30_000, keepEndedMs: 3_600_000, limit: 100 };
    expect(await store.workersSweep(sweep)).toEqual({ died: 0, pruned: 0 });

    clock.now += 15_000; // quiet: 35 s without a beat; alive: 15 s
    expect(await store.workersSweep(sweep)).toEqual({ died: 1, pruned: 0 });
    let list = await store.workerList({ limit: 10, heldPerWorker: 5 });
    // Live workers first, then by last heartbeat.
    expect(list.map((w) => [w.id, w.ended])).toEqual([
      ['alive', null],
      ['stopped', 'stopped'],
      ['quiet', 'died'],
    ]);
    expect(list[2]!.endedAt).toEqual(new Date(lastBeat));

    // It was cut off, not gone: its next beat makes it live again.
    await store.workerBeat(worker('quiet'));
    list = await store.workerList({ limit: 10, heldPerWorker: 5 });
    expect(list.find((w) => w.id === 'quiet')).toMatchObject({ ended: null, endedAt: null });

    // A day later: both ended rows go (the limit bounds each sweep), live rows stay.
    await store.workerEnd('quiet');
    clock.now += 3_600_001;
    await store.workerBeat(worker('alive'));
    expect(await store.workersSweep({ ...sweep, limit: 1 })).toEqual({ died: 0, pruned: 1 });
    expect(await store.workersSweep(sweep)).toEqual({ died: 0, pruned: 1 });
    expect((await store.workerList({ limit: 10, heldPerWorker: 5 })).map((w) => w.id)).toEqual(['alive']);
    expect(await store.workerList({ limit: 0, heldPerWorker: 5 })).toEqual([]);
  });

  it('lists each worker with the runs it holds now, a bounded number of them with the total', async () => {
    const { store } = await clockedStore();
    const job = await store.jobCreate(jobFixture({ task: 'test.noop' }));
    await store.workerBeat(worker('a'));
    await store.workerBeat(worker('b', { host: 'host-b' }));
    await store.workerBeat(worker('idle'));
    const heldByA = await claim(store, 'a', job.id, 4);
    const heldByB = await claim(store, 'b', job.id, 2);
    // Ended and stopping runs: the finished one is no longer held, the stopping one still is.
    await store.runsFinish([
      {
        id: heldByB[0]!.id,
        workerId: 'b',
        attempt: 1,
        status: 'SUCCESS',
        message: null,
        result: null,
        progress: {},
      },
    ]);
    await store.runTransition(heldByA[0]!.id, 'CANCELLING');
    await store.runCreate(newRun(job.id)); // queued: held by no one

    const list = await store.workerList({ limit: 10, heldPerWorker: 3 });
    const byId = new Map(list.map((w) => [w.id, w]));
    expect(byId.get('a')!.heldTotal).toBe(4);
    expect(byId.get('a')!.held.map((r) => r.id)).toEqual(heldByA.slice(0, 3).map((r) => r.id));
    expect(byId.get('a')!.held[0]).toMatchObject({
      jobId: job.id,
      title: 'run 0',
      task: 'test.noop',
      queue: 'default',
      status: 'CANCELLING',
      attempt: 1,
    });
    expect(byId.get('a')!.held[1]!.startedAt).toBeInstanceOf(Date);
    expect(byId.get('b')).toMatchObject({ heldTotal: 1, held: [{ id: heldByB[1]!.id, status: 'RUNNING' }] });
    expect(byId.get('idle')).toMatchObject({ heldTotal: 0, held: [] });
  });

  it("reads a task's last finished runs, newest first, sub-runs included", async () => {
    const { store, clock } = await clockedStore();
    const job = await store.jobCreate(jobFixture({ task: 'task.a' }));
    const runs = await claim(store, 'w', job.id, 4, 'task.a');
    await claim(store, 'w', job.id, 1, 'task.b');
    for (const [i, run] of runs.slice(0, 3).entries()) {
      clock.now += 1000;
      const status = i === 1 ? 'FAILED' : 'SUCCESS';
      await store.runsFinish([
        { id: run.id, workerId: 'w', attempt: 1, status, message: null, result: null, progress: {} },
      ]);
    }
    const recent = await store.taskRecentRuns('task.a', 2);
    expect(recent.map((r) => [r.id, r.status])).toEqual([
      [runs[2]!.id, 'SUCCESS'],
      [runs[1]!.id, 'FAILED'],
    ]);
    expect(recent[0]).toMatchObject({ jobId: job.id, title: 'run 2', finishedAt: new Date(clock.now) });
    expect(recent[0]!.startedAt).toBeInstanceOf(Date);
    expect(await store.taskRecentRuns('task.a', 10)).toHaveLength(3);
    expect(await store.taskRecentRuns('task.b', 10)).toEqual([]);
    expect(await store.taskRecentRuns('no.such', 10)).toEqual([]);
  });
});
