import { describe, expect, it } from 'vitest';
import { onCleanup, useTestDatabase } from '../../support/fixtures.js';
import { openTestDeck } from '../../support/deck.js';
import { clockedStore, seedRun } from '../../support/stats-seed.js';

const SECOND = 1000;
const TARGETS = {
  notificationEmails: ['ops@example.org'],
  notificationWebhooks: [{ url: 'https://hooks.example.org/x' }],
};

/** A deck and a clocked store on the same fresh database, and a notifier that is never started (passes by hand). */
async function setup() {
  const { url } = useTestDatabase();
  const deck = await openTestDeck({}, url);
  const { store, at } = await clockedStore(url);
  const notifier = deck.createNotifier({ publicUrl: 'https://jobs.example.org', mailFrom: 'jobdeck@example.org' });
  onCleanup(() => notifier.stop());
  return { deck, store, at, notifier };
}

describe('alerts relative to history', () => {
  it('tells once per run when it runs longer than N × the p95 of the last M successful runs', async () => {
    const { deck, store, at, notifier } = await setup();
    const job = await deck.jobs.create({
      title: 'Usually a minute',
      task: 'test.echo',
      ...TARGETS,
      historyAlerts: { slower_than_p95: 2, p95_runs: 10 },
    });
    const now = Date.now();
    // 12 successful runs of 60 s (the 2 oldest, 1 s long, fall outside the last 10): p95 = 60 s.
    for (let i = 0; i < 12; i += 1) {
      const durationMs = i < 2 ? SECOND : 60 * SECOND;
      await seedRun(store, at, {
        jobId: job.id,
        task: 'test.echo',
        created: now - 3600 * SECOND + i * 120 * SECOND,
        durationMs,
      });
    }
    const slow = await seedRun(store, at, {
      jobId: job.id,
      task: 'test.echo',
      created: now - 130 * SECOND,
      durationMs: null,
    });
    const fine = await seedRun(store, at, {
      jobId: job.id,
      task: 'test.echo',
      created: now - 20 * SECOND,
      durationMs: null,
    });

    await notifier.enqueueEvents();
    await notifier.enqueueEvents();
    const told = (await deck.notifications.forJob(job.id)).filter((n) => n.event === 'slow_run');
    expect(told.map((n) => [n.runId, n.channel]).sort()).toEqual([
      [slow, 'email'],
      [slow, 'webhook'],
    ]);
    expect(told[0]!.status).toBe('SLOW_RUN');
    expect(told[0]!.payload.history).toEqual({
      kind: 'slow_run',
      p95_ms: 60_000,
      factor: 2,
      of_runs: 10,
      limit_ms: 120_000,
    });
    expect(told.some((n) => n.runId === fine)).toBe(false);
    // Another process's notifier (its own p95 cache) adds nothing either.
    await deck.createNotifier({ publicUrl: 'https://jobs.example.org' }).enqueueEvents();
    expect((await deck.notifications.forJob(job.id)).filter((n) => n.event === 'slow_run')).toHaveLength(2);
  });

  it('says nothing about slowness before the job has 5 successful runs, and soon after it has', async () => {
    const { deck, store, at, notifier } = await setup();
    const job = await deck.jobs.create({
      title: 'New',
      task: 'test.echo',
      ...TARGETS,
      historyAlerts: { slower_than_p95: 1 },
    });
    const now = Date.now();
    for (let i = 0; i < 4; i += 1) {
      await seedRun(store, at, {
        jobId: job.id,
        task: 'test.echo',
        created: now - 600 * SECOND + i * SECOND,
        durationMs: 10,
      });
    }
    const going = await seedRun(store, at, {
      jobId: job.id,
      task: 'test.echo',
      created: now - 60 * SECOND,
      durationMs: null,
    });
    await notifier.enqueueEvents();
    expect(await deck.notifications.forJob(job.id)).toEqual([]);

    // The 5th success arms the alert for the run still going: "too few runs" is not kept for the
    // whole p95 TTL (a minute), or a new job's first slow run would often end untold.
    await seedRun(store, at, { jobId: job.id, task: 'test.echo', created: now - 300 * SECOND, durationMs: 10 });
    await expect
      .poll(
        async () => {
          await notifier.enqueueEvents();
          return (await deck.notifications.forJob(job.id)).filter((n) => n.event === 'slow_run').map((n) => n.runId);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual([going, going]);
  });

  it('tells once per streak after K failures in a row, skipping cancelled runs', async () => {
    const { deck, store, at, notifier } = await setup();
    const job = await deck.jobs.create({
      title: 'Flaky',
      task: 'test.echo',
      ...TARGETS,
      historyAlerts: { after_failures: 3 },
    });
    const start = Date.now() - 50 * SECOND;
    const statuses = [
      'SUCCESS',
      'FAILED',
      'FAILED',
      'CANCELLED',
      'FAILED',
      'FAILED',
      'SUCCESS',
      'FAILED',
      'FAILED',
      'FAILED',
    ] as const;
    const ids: number[] = [];
    for (const [i, status] of statuses.entries()) {
      ids.push(
        await seedRun(store, at, {
          jobId: job.id,
          task: 'test.echo',
          created: start + i * 2 * SECOND,
          durationMs: 100,
          status,
        }),
      );
    }
    await notifier.enqueueEvents();
    await notifier.enqueueEvents();
    await deck.createNotifier({ publicUrl: 'https://jobs.example.org' }).enqueueEvents();
    const told = (await deck.notifications.forJob(job.id)).filter((n) => n.event === 'failure_streak');
    // Streak 1: runs 1, 2, (3 cancelled), 4 → told at run 4 (its 3rd failure), not again at run 5.
    // Streak 2: runs 7, 8, 9 → told at run 9.
    expect(told.map((n) => [n.runId, n.channel]).sort()).toEqual(
      [
        [ids[4], 'email'],
        [ids[4], 'webhook'],
        [ids[9], 'email'],
        [ids[9], 'webhook'],
      ].sort(),
    );
    const streakOf = (runId: number) => told.find((n) => n.runId === runId)!.payload.history;
    expect(streakOf(ids[4]!)).toEqual({ kind: 'failure_streak', failures: 3, first_run_id: ids[1] });
    expect(streakOf(ids[9]!)).toEqual({ kind: 'failure_streak', failures: 3, first_run_id: ids[7] });
    expect(told[0]!.status).toBe('FAILURE_STREAK');
  });
});
