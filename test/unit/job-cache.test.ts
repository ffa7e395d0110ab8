import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../src/domain/model.js';
import { JobCache } from '../../src/engine/job-cache.js';
import type { Store } from '../../src/storage/store.js';
import { jobFixture } from '../support/fixtures.js';

/** A store whose job reads answer only when the test says so. */
function storeOfJobs() {
  const reads: { id: string; answer: (job: Job | undefined) => void }[] = [];
  const store = {
    jobGet: (id: string) => new Promise<Job | undefined>((answer) => reads.push({ id, answer })),
  } as unknown as Store;
  return { store, reads };
}

describe('JobCache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads a job in use again past half its time, and serves the old one until the new one is read', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
    const { store, reads } = storeOfJobs();
    const cache = new JobCache(store, 2000);
    const first = cache.get('j');
    reads[0]!.answer(jobFixture({ id: 'j', title: 'old' }));
    expect((await first)?.title).toBe('old');

    vi.setSystemTime(900);
    expect(cache.peek('j')?.title).toBe('old');
    expect(reads).toHaveLength(1);

    // Past half its time: still served, and read again once (not once per use).
    vi.setSystemTime(1100);
    expect(cache.peek('j')?.title).toBe('old');
    expect((await cache.get('j'))?.title).toBe('old');
    expect(reads).toHaveLength(2);
    reads[1]!.answer(jobFixture({ id: 'j', title: 'new' }));
    await Promise.resolve();

    // The renewed entry lasts from its read: after the old one's end, no wait and no read.
    vi.setSystemTime(2050);
    expect(cache.peek('j')?.title).toBe('new');
    expect(reads).toHaveLength(2);
    // Unused past its time, it expires: the next use reads.
    vi.setSystemTime(3200);
    expect(cache.peek('j')).toBeUndefined();
    void cache.get('j');
    expect(reads).toHaveLength(3);
  });
});
