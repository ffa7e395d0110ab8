import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/domain/errors.js';
import type { RunOutcome, Store } from '../../../src/storage/store.js';
import { testDialect, testPostgresUrl } from '../../support/test-database.js';
import { jobFixture, newRun, onCleanup, openTestStore } from '../../support/fixtures.js';

/** Conformance for sub-runs, deleting a run, and writing inside a host's transaction. */
const ended = (id: number, workerId: string, status: RunOutcome['status'] = 'SUCCESS'): RunOutcome => ({
  id,
  workerId,
  attempt: 1,
  status,
  message: null,
  result: null,
  progress: {},
});

async function runningParent(store: Store) {
  const job = await store.jobCreate(jobFixture());
  const parent = await store.runCreate(newRun(job.id));
  await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w' });
  return { job, parent };
}

describe('store conformance: run families', () => {
  it('subRunsCreate adds sub-runs to a running top-level parent, counted by status', async () => {
    const store = await openTestStore();
    const { job, parent } = await runningParent(store);
    const children = [1, 2, 3].map(() => newRun(job.id, { parentRunId: parent.id }));
    expect(await store.subRunsCreate(parent.id, children)).toBe(3);
    expect((await store.runGet(parent.id))!.subRuns).toMatchObject({ total: 3, completed: 0, failed: 0 });
    expect(await store.subRunCounts(parent.id)).toEqual({ QUEUED: 3 });
    // A sub-run may not fan out itself, and an ended parent takes no more.
    const [child] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w2' });
    expect(await store.subRunsCreate(child!.id, [newRun(job.id, { parentRunId: child!.id })])).toBeUndefined();
    expect(await store.subRunCounts(parent.id)).toEqual({ QUEUED: 2, RUNNING: 1 });
  });

  it('subRunsStop cancels queued sub-runs and asks running ones to stop', async () => {
    const store = await openTestStore();
    const { job, parent } = await runningParent(store);
    await store.subRunsCreate(
      parent.id,
      [1, 2, 3].map(() => newRun(job.id, { parentRunId: parent.id })),
    );
    await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w2' });
    expect(await store.subRunsStop(parent.id, 'Stopped with its parent.')).toEqual({ cancelled: 2, cancelling: 1 });
    expect(await store.subRunCounts(parent.id)).toEqual({ CANCELLED: 2, CANCELLING: 1 });
  });

  it('runDelete refuses an active run, then deletes it with its sub-runs', async () => {
    const store = await openTestStore();
    const { job, parent } = await runningParent(store);
    await store.subRunsCreate(parent.id, [newRun(job.id, { parentRunId: parent.id })]);
    expect(await store.runDelete(parent.id)).toBe('active');
    const [child] = await store.runClaim({ queues: ['default'], limit: 1, workerId: 'w2' });
    await store.runsFinish([ended(child!.id, 'w2')]);
    await store.runsFinish([ended(parent.id, 'w')]);
    expect(await store.runDelete(parent.id)).toBe('deleted');
    expect(await store.runGet(parent.id)).toBeUndefined();
    expect(await store.runGet(child!.id)).toBeUndefined();
    expect(await store.runDelete(parent.id)).toBe('missing');
  });

  it('within writes in the host’s transaction on PostgreSQL (gone on rollback), refused on SQLite', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    if (testDialect() === 'sqlite') {
      await expect(store.within({ query: async () => ({ rows: [] }) } as never)).rejects.toBeInstanceOf(
        ConfigurationError,
      );
      return;
    }
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    onCleanup(() => client.end());
    await client.query('BEGIN');
    const inside = await store.within(client);
    const run = await inside.runCreate(newRun(job.id));
    expect(await inside.runGet(run.id)).toMatchObject({ status: 'QUEUED' });
    expect(await store.runGet(run.id)).toBeUndefined();
    await client.query('ROLLBACK');
    expect(await store.runGet(run.id)).toBeUndefined();
  });
});
