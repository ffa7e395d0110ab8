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
});
