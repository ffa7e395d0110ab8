import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../src/domain/model.js';
import { jobFixture, newRun, openTestStore } from '../../support/fixtures.js';

describe('store conformance: log append', () => {
  it('stores big batches in order, and a batch written twice (a retried write) once', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const [a, b] = [await store.runCreate(newRun(job.id)), await store.runCreate(newRun(job.id))];
    const line = (runId: number, seq: number): LogLine => ({
      runId,
      seq,
      time: new Date(1_700_000_000_000 + seq),
      level: seq % 2 ? 'info' : 'error',
      message: `it's "line" ${seq}, with \\ and {braces} and ünïcode\ttab\nnew line\r\\N${seq === 7 ? ' and a NUL \u0000' : ''}`,
      fields: seq % 3 ? null : { seq, list: [1, 'two', null], quote: '"{}"\t\\N\n' },
    });
    // Lines of two runs interleaved, more than one statement's worth.
    const lines = Array.from({ length: 25_000 }, (_, i) => line(i % 2 ? b.id : a.id, Math.floor(i / 2) + 1));
    await store.logAppend(lines);
    await store.logAppend(lines.slice(100, 300));
    expect(await store.logMaxSeq(a.id)).toBe(12_500);
    const page = await store.logList(a.id, { after: 5, limit: 3 });
    expect(page).toEqual([
      line(a.id, 6),
      { ...line(a.id, 7), message: line(a.id, 7).message.replace('\u0000', '\uFFFD') },
      line(a.id, 8),
    ]);
    const all = await store.logList(b.id, { limit: 20_000 });
    expect(all).toHaveLength(12_500);
    expect(all.every((l, i) => l.seq === i + 1)).toBe(true);
  });

  it('refuses the late lines of a rescued attempt: they never land in the new attempt', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const run = await store.runCreate(newRun(job.id, { maxAttempts: 2 }));
    const line = (seq: number, message: string): LogLine => ({
      runId: run.id,
      seq,
      time: new Date(1_700_000_000_000 + seq),
      level: 'info',
      message,
      fields: null,
    });
    const held = (workerId: string, attempt: number) => ({ workerId, attempts: new Map([[run.id, attempt]]) });
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'cut-off' });
    await store.logAppend([line(1, 'attempt 1 start')], held('cut-off', 1));
    // Its lease runs out (the host is cut off); another worker takes attempt 2.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.runsRescue(1)).toHaveLength(1);
    const [again] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'survivor' });
    expect(again).toMatchObject({ id: run.id, attempt: 2 });
    await store.logAppend([line(2, 'attempt 2 start')], held('survivor', 2));
    // The cut-off host comes back: its lines (numbered on from its own 1) arrive late. Some
    // take numbers the new attempt already used (the write falls back from COPY), some not.
    await store.logAppend([line(2, 'attempt 1 line 1'), line(3, 'attempt 1 line 2')], held('cut-off', 1));
    await store.logAppend([line(4, 'attempt 1 line 3')], held('cut-off', 1));
    // The same worker id with a stale attempt is refused too.
    await store.logAppend([line(5, 'attempt 1 line 4')], held('survivor', 1));
    await store.logAppend([line(3, 'attempt 2 line 1')], held('survivor', 2));
    const lines = await store.logList(run.id, { limit: 10 });
    expect(lines.map((l) => l.message)).toEqual(['attempt 1 start', 'attempt 2 start', 'attempt 2 line 1']);
  });
});
