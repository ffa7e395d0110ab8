import { describe, expect, it } from 'vitest';
import { searchWords } from '../../../src/domain/log-words.js';
import type { LogLevel, LogLine } from '../../../src/domain/model.js';
import type { LogSearchQuery } from '../../../src/storage/log-search-store.js';
import type { Store } from '../../../src/storage/store.js';
import { jobFixture, newRun, openTestStore } from '../../support/fixtures.js';

// Recent: a run's lines are searched within its lifetime.
const T0 = Date.now() - 60_000;

const line = (runId: number, seq: number, message: string, level: LogLevel = 'info'): LogLine => ({
  runId,
  seq,
  time: new Date(T0 + seq * 1000),
  level,
  message,
  fields: null,
});

/** Every page of a search, following the cursor. */
async function allPages(store: Store, query: Omit<LogSearchQuery, 'limit'>, limit = 2) {
  const pages = [];
  let after = query.after;
  for (let i = 0; i < 100; i += 1) {
    const page = await store.logSearch({ ...query, after, limit });
    pages.push(page);
    if (!page.next) break;
    after = page.next;
  }
  return { pages, hits: pages.flatMap((p) => p.hits.map((h) => `${h.runId}:${h.seq}`)) };
}

async function twoJobs(store: Store) {
  const jobA = await store.jobCreate(jobFixture({ title: 'A' }));
  const jobB = await store.jobCreate(jobFixture({ title: 'B' }));
  const a = await store.runCreate(newRun(jobA.id));
  const b = await store.runCreate(newRun(jobB.id));
  await store.logAppend([
    line(a.id, 1, 'Importing record 17 from vocabulary.csv'),
    line(a.id, 2, 'Record 17: disk FULL, giving up', 'error'),
    line(a.id, 3, 'records done'),
    line(b.id, 1, 'record 18 imported'),
    line(b.id, 2, 'Disk almost full', 'warn'),
    line(b.id, 3, 'special: 100% "quoted" * wild_card \\ back'),
  ]);
  return { jobA, jobB, a, b };
}

describe('store conformance: log search', () => {
  it('finds lines by whole words across runs, newest first, with their run and job', async () => {
    const store = await openTestStore();
    const { jobA, a, b } = await twoJobs(store);
    const page = await store.logSearch({ words: searchWords('RECORD'), limit: 10 });
    expect(page.hits.map((h) => [h.runId, h.seq])).toEqual([
      [a.id, 2],
      [b.id, 1],
      [a.id, 1],
    ]);
    expect(page.next).toBeNull();
    expect(page.hits[0]).toMatchObject({ jobId: jobA.id, runTitle: a.title, level: 'error', parentRunId: null });
    // Every word must be in the line; punctuation separates words.
    const both = await store.logSearch({ words: searchWords('full, disk!'), limit: 10 });
    expect(both.hits.map((h) => h.message)).toEqual(['Disk almost full', 'Record 17: disk FULL, giving up']);
    expect((await store.logSearch({ words: searchWords('vocabulary csv'), limit: 10 })).hits).toHaveLength(1);
    expect((await store.logSearch({ words: ['nowhere'], limit: 10 })).hits).toEqual([]);
  });

  it('filters by job, run, level and time, and continues with the cursor', async () => {
    const store = await openTestStore();
    const { jobA, a, b } = await twoJobs(store);
    const byJob = await store.logSearch({ words: ['record'], jobId: jobA.id, limit: 10 });
    expect(byJob.hits.map((h) => h.runId)).toEqual([a.id, a.id]);
    const byRun = await store.logSearch({ words: [], runId: b.id, limit: 10 });
    expect(byRun.hits.map((h) => h.seq)).toEqual([3, 2, 1]);
    const warnings = await store.logSearch({ words: [], levels: ['warn', 'error'], limit: 10 });
    expect(warnings.hits.map((h) => h.level)).toEqual(['warn', 'error']);
    const errors = await store.logSearch({ words: ['disk'], levels: ['error'], limit: 10 });
    expect(errors.hits.map((h) => h.runId)).toEqual([a.id]);
    const timed = await store.logSearch({
      words: [],
      since: new Date(T0 + 2000),
      until: new Date(T0 + 3000),
      limit: 10,
    });
    expect(timed.hits.map((h) => `${h.runId}:${h.seq}`)).toEqual([`${b.id}:2`, `${a.id}:2`]);
    // Pages of two, each continuing where the last one ended, nothing twice.
    const { pages, hits } = await allPages(store, { words: [] });
    expect(hits).toEqual([`${b.id}:3`, `${a.id}:3`, `${b.id}:2`, `${a.id}:2`, `${b.id}:1`, `${a.id}:1`]);
    expect(pages.at(-1)!.next).toBeNull();
    const words = await allPages(store, { words: ['record'] });
    expect(words.hits).toEqual([`${a.id}:2`, `${b.id}:1`, `${a.id}:1`]);
    expect(await store.logSearch({ words: [], runId: 999_999, limit: 10 })).toEqual({ hits: [], next: null });
  });

  it('takes special characters as separators, never as operators', async () => {
    const store = await openTestStore();
    const { b } = await twoJobs(store);
    for (const q of ['"', '*', '%', '\\', "'", 'NEAR(', '-', '"quoted" *', 'wild_card', '100%', ':*', '&|!']) {
      const page = await store.logSearch({ words: searchWords(q), runId: b.id, limit: 10 });
      const expected = searchWords(q).length === 0 ? 3 : q === 'NEAR(' ? 0 : 1;
      expect(page.hits, q).toHaveLength(expected);
    }
  });

  it('searches a parent with its sub-runs, and forgets the lines of a deleted run', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const parent = await store.runCreate(newRun(job.id));
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
    await store.subRunsCreate(parent.id, [newRun(job.id, { parentRunId: parent.id })]);
    const [child] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
    const other = await store.runCreate(newRun(job.id));
    await store.logAppend([
      line(parent.id, 1, 'fan out'),
      line(child!.id, 1, 'child says hello'),
      line(other.id, 1, 'other says hello'),
    ]);
    const family = await store.logSearch({ words: [], runId: parent.id, withSubRuns: true, limit: 10 });
    expect(family.hits.map((h) => [h.runId, h.parentRunId])).toEqual([
      [child!.id, parent.id],
      [parent.id, null],
    ]);
    expect((await store.logSearch({ words: ['hello'], runId: parent.id, limit: 10 })).hits).toEqual([]);
    expect((await store.logSearch({ words: ['hello'], limit: 10 })).hits).toHaveLength(2);
    await store.runTransition(other.id, 'CANCELLED');
    expect(await store.runDelete(other.id)).toBe('deleted');
    expect((await store.logSearch({ words: ['hello'], limit: 10 })).hits.map((h) => h.runId)).toEqual([child!.id]);
  });

  it('finds lines before and after they are indexed, in one order, and forgets deleted ones', async () => {
    const store = await openTestStore();
    const { a, b } = await twoJobs(store);
    const expected = [`${a.id}:2`, `${b.id}:1`, `${a.id}:1`];
    expect((await allPages(store, { words: ['record'] })).hits).toEqual(expected);
    expect(await store.logWordsIndex()).toBe(2);
    expect(await store.logWordsIndex()).toBe(0);
    expect((await allPages(store, { words: ['record'] })).hits).toEqual(expected);
    // New lines wait again; pages mix them with indexed ones, newest first.
    await store.logAppend([line(a.id, 4, 'record 19 late'), line(b.id, 4, 'no match')]);
    const mixed = [`${a.id}:4`, ...expected];
    expect((await allPages(store, { words: ['record'] })).hits).toEqual(mixed);
    expect((await store.logSearch({ words: ['record'], limit: 10 })).hits.map((h) => `${h.runId}:${h.seq}`)).toEqual(
      mixed,
    );
    expect(await store.logWordsIndex()).toBe(2);
    expect((await allPages(store, { words: ['record'] })).hits).toEqual(mixed);
    await store.runTransition(b.id, 'CANCELLED');
    expect(await store.runDelete(b.id)).toBe('deleted');
    expect((await allPages(store, { words: ['record'] })).hits).toEqual([`${a.id}:4`, `${a.id}:2`, `${a.id}:1`]);
  });

  it('finds the warnings of a job older than the newest lines of other jobs, page by page', async () => {
    // Job A: 60 runs (more than a search reads at once without the walk), each with an info, a
    // warning and an error at a few shared times (ties across runs); then 1,100 newer warnings of
    // job B, more than the walk's first window, so A's lines are found run by run (migration 0028).
    const store = await openTestStore();
    const jobA = await store.jobCreate(jobFixture({ title: 'A' }));
    const jobB = await store.jobCreate(jobFixture({ title: 'B' }));
    const parent = await store.runCreate(newRun(jobA.id));
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
    await store.subRunsCreate(
      parent.id,
      Array.from({ length: 59 }, () => newRun(jobA.id, { parentRunId: parent.id, queue: 'held' })),
    );
    const runsA = (await store.runList({ jobId: jobA.id, includeSubRuns: true, limit: 100, offset: 0 })).items.map(
      (r) => r.id,
    );
    expect(runsA).toHaveLength(60);
    const old = (runId: number, seq: number, level: LogLevel): LogLine => ({
      ...line(runId, seq, `run ${runId} line ${seq}`, level),
      time: new Date(T0 + ((runId + seq) % 3) * 1000),
    });
    await store.logAppend(runsA.flatMap((id) => [old(id, 1, 'info'), old(id, 2, 'warn'), old(id, 3, 'error')]));
    const b = await store.runCreate(newRun(jobB.id));
    await store.logAppend(Array.from({ length: 1100 }, (_, i) => line(b.id, i + 1, `later ${i}`, 'warn')));
    const expected = (levels: LogLevel[], runs: number[]) =>
      runs
        .flatMap((id) => [1, 2, 3].map((seq) => old(id, seq, 'info')))
        .filter((l) => levels.includes(['info', 'warn', 'error'][l.seq - 1] as LogLevel))
        .sort((x, y) => y.time.getTime() - x.time.getTime() || y.runId - x.runId || y.seq - x.seq)
        .map((l) => `${l.runId}:${l.seq}`);
    const errors = await allPages(store, { words: [], levels: ['error'], jobId: jobA.id }, 7);
    expect(errors.hits).toEqual(expected(['error'], runsA));
    expect(errors.pages[0]!.hits).toHaveLength(7);
    const warnings = await allPages(store, { words: [], levels: ['warn', 'error'], jobId: jobA.id }, 50);
    expect(warnings.hits).toEqual(expected(['warn', 'error'], runsA));
    // A run, and a run with its sub-runs, go run by run at once.
    const one = await allPages(store, { words: [], levels: ['warn', 'error'], runId: runsA[5] }, 1);
    expect(one.hits).toEqual(expected(['warn', 'error'], [runsA[5]!]));
    const family = await allPages(store, { words: [], levels: ['error'], runId: parent.id, withSubRuns: true }, 9);
    expect(family.hits).toEqual(expected(['error'], runsA));
  });
});
