import { describe, expect, it } from 'vitest';
import { LogSink } from '../../../src/engine/log-sink.js';
import { jobFixture, newRun, openTestStore } from '../../support/fixtures.js';

describe('log sink', () => {
  it('holds a task back with drain() only while too many lines are unsent', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const run = await store.runCreate(newRun(job.id));
    const sink = new LogSink(store, { highWaterLines: 1000, batchLines: 300 });
    const log = sink.open(run.id);
    for (let i = 1; i <= 999; i += 1) log.write('info', `line ${i}`, null);
    expect(sink.pending).toBe(999);
    // Below the mark: no waiting at all.
    let drained = false;
    void sink.drain().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(true);

    for (let i = 1000; i <= 5000; i += 1) log.write('info', `line ${i}`, null);
    const waiting = sink.drain();
    expect(sink.pending).toBe(5000);
    await waiting;
    // Released once the backlog is down to half the mark, with lines stored in order meanwhile.
    expect(sink.pending).toBeLessThan(500);
    await sink.close(run.id);
    expect(sink.pending).toBe(0);
    expect(await store.logMaxSeq(run.id)).toBe(5000);
    expect(log.write('info', 'after the end', null)).toBe(false);
  });

  it('of a worker: stores only lines of attempts it still holds, also when it holds the run again', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const run = await store.runCreate(newRun(job.id, { maxAttempts: 3 }));
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
    const sink = new LogSink(store, {}, 'w');
    const first = sink.open(run.id, 1, 1);
    first.write('info', 'attempt 1 line 1', null);
    await sink.flush();
    // Attempt 1 is rescued (a partition) and this worker claims the run again: attempt 2. The
    // lines attempt 1 still writes share a batch with attempt 2's, and only attempt 2's are kept.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.runsRescue(1);
    expect(await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' })).toMatchObject([{ attempt: 2 }]);
    first.write('info', 'attempt 1 line 2', null);
    const second = sink.open(run.id, 2, 2);
    first.write('info', 'attempt 1 line 3', null);
    second.write('info', 'attempt 2 line 1', null);
    await sink.close(run.id);
    const lines = await store.logList(run.id, { limit: 10 });
    expect(lines.map((l) => [l.seq, l.message])).toEqual([
      [1, 'attempt 1 line 1'],
      [2, 'attempt 2 line 1'],
    ]);
  });
});
