import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../src/domain/model.js';
import type { StoreEvent } from '../../../src/storage/notifier.js';
import { jobFixture, newRun, nextEvent, openTestStore, useTestDatabase } from '../../support/fixtures.js';

describe('store conformance: log lines', () => {
  it('appends in batches and reads in order by cursor, with a level filter', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const run = await store.runCreate(newRun(job.id));
    const levels = ['debug', 'info', 'warn', 'error'] as const;
    const lines: LogLine[] = Array.from({ length: 2300 }, (_, i) => ({
      runId: run.id,
      seq: i + 1,
      time: new Date(1_700_000_000_000 + i),
      level: levels[i % 4]!,
      message: `line ${i + 1}`,
      fields: i === 0 ? { nested: { ok: true }, list: [1, 2] } : null,
    }));
    await store.logAppend(lines);
    expect(await store.logMaxSeq(run.id)).toBe(2300);

    const first = await store.logList(run.id, { limit: 1000 });
    expect(first).toHaveLength(1000);
    expect(first[0]).toEqual(lines[0]);
    const rest = await store.logList(run.id, { after: 2000, limit: 1000 });
    expect(rest.map((l) => l.seq)).toEqual(Array.from({ length: 300 }, (_, i) => 2001 + i));
    const errors = await store.logList(run.id, { levels: ['error'], limit: 5 });
    expect(errors.map((l) => l.seq)).toEqual([4, 8, 12, 16, 20]);
    expect(await store.logMaxSeq(run.id + 1)).toBe(0);
  });
});

describe('store conformance: change events', () => {
  // Stores of one process share a SQLite connection, so both dialects announce exactly what
  // changed; SQLite's cross-process path (PRAGMA data_version) is covered by the CLI tests.
  it('tells another store of the same database about queued runs, stops and finished runs', async () => {
    const url = useTestDatabase().url;
    const writer = await openTestStore(url);
    const reader = await openTestStore(url);
    const subscribe = (listener: (e: StoreEvent) => void) => reader.subscribe(listener);
    await reader.listening();
    const job = await writer.jobCreate(jobFixture());

    const queued = nextEvent(subscribe, (e) => e.type === 'queued');
    const run = await writer.runCreate(newRun(job.id));
    expect(await queued).toEqual({ type: 'queued', queue: 'default', runId: run.id, jobId: job.id });

    await writer.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
    const cancel = nextEvent(subscribe, (e) => e.type === 'cancel');
    await writer.runTransition(run.id, 'CANCELLING');
    expect(await cancel).toEqual({ type: 'cancel', runId: run.id });

    const changed = nextEvent(subscribe, (e) => e.type === 'changed');
    await writer.runsFinish([
      { id: run.id, workerId: 'w', attempt: 1, status: 'CANCELLED', message: null, result: null, progress: {} },
    ]);
    expect(await changed).toEqual({ type: 'changed', runIds: [run.id] });
  });

  it('tells nothing to a store of another database (PostgreSQL: another schema of one database)', async () => {
    // PostgreSQL's channels are per database: with one channel for all schemas, a stop of run 1
    // in one schema aborted run 1 of every other schema's workers.
    const mine = await openTestStore();
    const other = await openTestStore();
    const heard: StoreEvent[] = [];
    mine.subscribe((event) => heard.push(event));
    await mine.listening();
    const otherJob = await other.jobCreate(jobFixture());
    const otherRun = await other.runCreate(newRun(otherJob.id));
    await other.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
    await other.runTransition(otherRun.id, 'CANCELLING');
    await other.runsFinish([
      { id: otherRun.id, workerId: 'w', attempt: 1, status: 'CANCELLED', message: null, result: null, progress: {} },
    ]);
    // Notifications of one database arrive in commit order: once this one is heard, the other
    // store's would have been too.
    const myJob = await mine.jobCreate(jobFixture());
    const queued = nextEvent(
      (l: (e: StoreEvent) => void) => mine.subscribe(l),
      (e) => e.type === 'queued',
    );
    await mine.runCreate(newRun(myJob.id));
    expect(await queued).toMatchObject({ type: 'queued', jobId: myJob.id });
    expect(heard.filter((e) => e.type === 'cancel' || e.type === 'changed')).toEqual([]);
    expect(heard.filter((e) => e.type === 'queued').map((e) => (e as { jobId?: string }).jobId)).toEqual([myJob.id]);
  });

  it('tells its own subscribers at once', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const queued = nextEvent(
      (l: (e: StoreEvent) => void) => store.subscribe(l),
      (e) => e.type === 'queued',
    );
    await store.listening();
    await store.runCreate(newRun(job.id, { queue: 'fast' }));
    expect(await queued).toMatchObject({ type: 'queued', queue: 'fast', jobId: job.id });
  });
});

describe('store conformance: text filters', () => {
  it('matches run titles/messages and log messages case-insensitively', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const run = await store.runCreate(newRun(job.id, { title: 'Nightly ROR sync' }));
    await store.runCreate(newRun(job.id, { title: 'Other' }));
    expect((await store.runList({ q: 'ror', limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual([run.id]);
    await store.logAppend([
      { runId: run.id, seq: 1, time: new Date(), level: 'info', message: 'Fetched 100% of Records', fields: null },
      { runId: run.id, seq: 2, time: new Date(), level: 'info', message: 'done', fields: null },
    ]);
    expect((await store.logList(run.id, { q: 'records', limit: 10 })).map((l) => l.seq)).toEqual([1]);
    expect((await store.logList(run.id, { q: '100%', limit: 10 })).map((l) => l.seq)).toEqual([1]);
  });
});
