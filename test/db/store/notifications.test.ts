import { describe, expect, it } from 'vitest';
import type { NewNotification } from '../../../src/domain/notification.js';
import { openStore } from '../../../src/storage/open-store.js';
import { jobFixture, onCleanup, useTestDatabase } from '../../support/fixtures.js';

function delivery(jobId: string, key: string, over: Partial<NewNotification> = {}): NewNotification {
  return {
    jobId,
    runId: null,
    event: 'missed',
    status: 'MISSED',
    channel: 'webhook',
    target: 'http://127.0.0.1:9/hook',
    secret: 'hidden-secret',
    dedupeKey: key,
    payload: {
      event: 'missed',
      status: 'MISSED',
      job: { id: jobId, title: 'J', task: 't' },
      run: null,
      slot: null,
      url: 'http://localhost:3000/admin/jobs/x',
      time: new Date().toISOString(),
    },
    ...over,
  };
}

/** A store whose clock the test moves (leases and retries are in store time). */
async function clockedStore() {
  const clock = { now: Date.parse('2026-06-01T00:00:00Z') };
  const store = await openStore(useTestDatabase().url, { now: () => clock.now });
  onCleanup(() => store.close());
  return { store, clock };
}

describe('store conformance: notification outbox', () => {
  it('enqueues each dedupe key once', async () => {
    const { store } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    expect(await store.notificationsEnqueue([delivery(job.id, 'a'), delivery(job.id, 'b')])).toBe(2);
    expect(await store.notificationsEnqueue([delivery(job.id, 'a'), delivery(job.id, 'c')])).toBe(1);
    expect(await store.notificationList({ jobId: job.id, limit: 10 })).toHaveLength(3);
  });

  it('hands each due delivery to one claimer; an expired claim goes to another; only the holder records state', async () => {
    const { store, clock } = await clockedStore();
    const job = await store.jobCreate(jobFixture());
    await store.notificationsEnqueue(Array.from({ length: 20 }, (_, i) => delivery(job.id, `k${i}`)));
    const claims = await Promise.all(['a', 'b', 'c', 'd'].map((worker) => store.notificationsClaim(worker, 8, 60_000)));
    const ids = claims.flat().map((c) => c.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect(claims.flat()[0]).toMatchObject({ attempt: 1, secret: 'hidden-secret', channel: 'webhook' });
    expect(await store.notificationsClaim('e', 10, 60_000)).toEqual([]);

    // Worker "a" dies holding its claims; after the lease, "e" gets them (as a second attempt).
    const held = claims[0]!;
    clock.now += 61_000;
    const reclaimed = await store.notificationsClaim('e', 100, 60_000);
    expect(reclaimed.map((c) => c.id).sort()).toEqual(
      claims
        .flat()
        .map((c) => c.id)
        .sort(),
    );
    expect(reclaimed.every((c) => c.attempt === 2)).toBe(true);

    // A late answer from "a" is kept as history but does not move the delivery on.
    const first = held[0]!;
    await store.notificationRecordAttempt({
      id: first.id,
      workerId: 'a',
      attempt: 1,
      outcome: 'delivered',
      error: null,
      durationMs: 5,
      retryAt: null,
    });
    let [row] = (await store.notificationList({ jobId: job.id, limit: 100 })).filter((n) => n.id === first.id);
    expect(row).toMatchObject({ state: 'sending', attempts: 2 });
    expect(row!.history).toHaveLength(1);

    // The holder's failure schedules a retry; the retry is not due before its time.
    await store.notificationRecordAttempt({
      id: first.id,
      workerId: 'e',
      attempt: 2,
      outcome: 'failed',
      error: 'HTTP 500',
      durationMs: 7,
      retryAt: new Date(clock.now + 5000),
    });
    [row] = (await store.notificationList({ jobId: job.id, limit: 100 })).filter((n) => n.id === first.id);
    expect(row).toMatchObject({ state: 'pending', lastError: 'HTTP 500' });
    expect(row!.nextAttemptAt!.getTime()).toBe(clock.now + 5000);
    expect(JSON.stringify(row)).not.toContain('hidden-secret');
    expect((await store.notificationsClaim('f', 100, 60_000)).map((c) => c.id)).not.toContain(first.id);
    clock.now += 5000;
    expect((await store.notificationsClaim('f', 100, 60_000)).map((c) => c.id)).toContain(first.id);
  });

  it('keeps settings and one-time markers', async () => {
    const { store } = await clockedStore();
    expect(await store.settingGet('x')).toBeUndefined();
    expect(await store.settingInsert('x', '1')).toBe(true);
    expect(await store.settingInsert('x', '2')).toBe(false);
    await store.settingPut('x', '3');
    expect(await store.settingGet('x')).toBe('3');
    await store.settingDelete('x');
    expect(await store.settingGet('x')).toBeUndefined();
  });
});
