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
});
