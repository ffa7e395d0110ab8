import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../src/domain/access.js';
import type { StoreEvent } from '../../../src/storage/notifier.js';
import { jobFixture, newRun, nextEvent, openTestStore } from '../../support/fixtures.js';

const token = (overrides: Partial<ApiToken & { tokenHash: string }> = {}): ApiToken & { tokenHash: string } => ({
  id: randomUUID(),
  name: 'ci',
  role: 'operator',
  created: new Date('2026-03-01T10:00:00.000Z'),
  lastUsed: null,
  revoked: null,
  tokenHash: randomUUID(),
  ...overrides,
});

describe('store conformance: tokens', () => {
  it('creates tokens, finds them by hash, lists and revokes them', async () => {
    const store = await openTestStore();
    const a = token({ name: 'alice', role: 'admin' });
    const created = await store.tokenCreate(a);
    expect(created).toEqual({
      id: a.id,
      name: 'alice',
      role: 'admin',
      created: a.created,
      lastUsed: null,
      revoked: null,
    });
    expect(created).not.toHaveProperty('tokenHash');
    const b = await store.tokenCreate(token({ created: new Date('2026-03-02T10:00:00.000Z') }));
    expect(await store.tokenCount()).toBe(2);

    const found = await store.tokenByHash(a.tokenHash);
    expect(found).toMatchObject({ id: a.id, role: 'admin' });
    expect(found!.lastUsed).toBeInstanceOf(Date);
    expect(await store.tokenByHash('no-such-hash')).toBeUndefined();

    const revoked = await store.tokenRevoke(a.id);
    expect(revoked!.revoked).toBeInstanceOf(Date);
    expect((await store.tokenRevoke(a.id))!.revoked).toEqual(revoked!.revoked);
    expect(await store.tokenRevoke('missing')).toBeUndefined();
    expect(await store.tokenByHash(a.tokenHash)).toBeUndefined();
    expect(await store.tokenCount()).toBe(1);

    const list = await store.tokenList();
    expect(list.map((t) => t.id)).toEqual([a.id, b.id]);
    expect(list[0]!.revoked).toEqual(revoked!.revoked);
    expect(list[0]!.lastUsed).toEqual(found!.lastUsed);
  });

  it('refuses a second token with the same secret hash', async () => {
    const store = await openTestStore();
    const a = await store.tokenCreate(token({ tokenHash: 'same' }));
    await expect(store.tokenCreate(token({ tokenHash: 'same' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await store.tokenList()).map((t) => t.id)).toEqual([a.id]);
  });
});

describe('store conformance: audit log', () => {
  it('appends entries and lists them newest first, by job, in pages', async () => {
    const store = await openTestStore();
    const time = new Date('2026-03-01T10:00:00.000Z');
    const first = await store.auditAppend({
      time,
      actor: 'token:alice',
      action: 'job.update',
      jobId: 'job-1',
      runId: 12,
      details: { title: { from: 'A', to: 'B' }, tags: ['x'] },
      requestId: 'req-1',
    });
    expect(first).toEqual({
      id: expect.any(Number),
      time,
      actor: 'token:alice',
      action: 'job.update',
      jobId: 'job-1',
      runId: 12,
      details: { title: { from: 'A', to: 'B' }, tags: ['x'] },
      requestId: 'req-1',
    });
    const bare = { time, actor: 'cli:bob', details: null, runId: null, requestId: null };
    const second = await store.auditAppend({ ...bare, action: 'queue.pause', jobId: null });
    const third = await store.auditAppend({ ...bare, action: 'job.delete', jobId: 'job-1' });
    expect(second).toMatchObject({ jobId: null, runId: null, details: null, requestId: null });

    const all = await store.auditList({ limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.items.map((e) => e.id)).toEqual([third.id, second.id, first.id]);
    const job = await store.auditList({ jobId: 'job-1', limit: 1, offset: 1 });
    expect(job).toEqual({ items: [first], total: 2 });
    expect(await store.auditList({ jobId: 'job-2', limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
  });
});

describe('store conformance: queue states', () => {
  it('does not claim runs of a paused queue until it is resumed, and counts runs', async () => {
    const store = await openTestStore();
    const job = await store.jobCreate(jobFixture());
    const held = await store.runCreate(newRun(job.id));
    const other = await store.runCreate(newRun(job.id, { queue: 'other' }));
    expect(await store.queuesPaused()).toEqual([]);

    await store.queueSetPaused('default', true);
    await store.queueSetPaused('default', true);
    expect(await store.queuesPaused()).toEqual(['default']);
    const claimed = await store.runClaim({ queues: ['default', 'other'], limit: 10, workerId: 'w1' });
    expect(claimed.map((r) => r.id)).toEqual([other.id]);
    expect((await store.runGet(held.id))!.status).toBe('QUEUED');

    await store.listening();
    const woken = nextEvent<StoreEvent>(
      (listener) => store.subscribe(listener),
      (e) => e.type === 'queued' && e.queue === 'default',
    );
    await store.queueSetPaused('default', false);
    await woken;
    expect(await store.queuesPaused()).toEqual([]);
    const again = await store.runClaim({ queues: ['default'], limit: 10, workerId: 'w1' });
    expect(again.map((r) => r.id)).toEqual([held.id]);

    await store.runCreate(newRun(job.id));
    await store.runTransition(other.id, 'SUCCESS');
    expect(await store.queueCounts()).toEqual(
      expect.arrayContaining([
        { queue: 'default', status: 'QUEUED', count: 1 },
        { queue: 'default', status: 'RUNNING', count: 1 },
        { queue: 'other', status: 'SUCCESS', count: 1 },
      ]),
    );
    expect(await store.queueCounts()).toHaveLength(3);
  });
});
