import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/fixtures.js';
import { openTestApi } from '../../support/http.js';
import { clockedStore, seedRun } from '../../support/stats-seed.js';

const MIN = 60_000;

describe('stats API', () => {
  it('gives run durations with exact p50/p95 of the successful runs, outcomes per day and queue buckets', async () => {
    const { url } = useTestDatabase();
    const api = await openTestApi({ database: url });
    const job = await api.deck.jobs.create({ title: 'Charted', task: 'test.echo' });
    const { store, at } = await clockedStore(url);
    const start = Date.now() - 60 * MIN;
    // Successful runs of 1..20 s, and two quick failures that must not pull the percentiles down.
    for (let i = 1; i <= 20; i += 1) {
      await seedRun(store, at, {
        jobId: job.id,
        task: 'test.echo',
        created: start + i * MIN,
        durationMs: i * 1000,
        waitMs: 200,
      });
    }
    for (let i = 0; i < 2; i += 1) {
      await seedRun(store, at, {
        jobId: job.id,
        task: 'test.echo',
        created: start + (30 + i) * MIN,
        durationMs: 10,
        // The same wait as the successes: a 15-minute bucket may hold only these two (the
        // buckets are aligned to the clock, the runs to the test's start).
        waitMs: 200,
        status: 'FAILED',
      });
    }

    const runs = await (await api.call('GET', `/api/stats/runs?job=${job.id}&limit=500`, { role: 'viewer' })).json();
    expect(runs.points).toHaveLength(22);
    expect(runs.points[0].duration_ms).toBe(1000); // oldest first
    expect(runs.successes).toBe(20);
    // percentile_cont over 1..20 s: p50 = 10.5 s, p95 = 19.05 s.
    expect(runs).toMatchObject({ p50_ms: 10_500, p95_ms: 19_050, scope: { job: job.id, task: null } });
    const byTask = await (await api.call('GET', '/api/stats/runs?task=test.echo&limit=5')).json();
    expect(byTask.points.map((p: { status: string }) => p.status)).toEqual([
      'SUCCESS',
      'SUCCESS',
      'SUCCESS',
      'FAILED',
      'FAILED',
    ]);

    const outcomes = await (await api.call('GET', `/api/stats/outcomes?job=${job.id}&days=7`)).json();
    expect(outcomes.days).toHaveLength(7);
    const counted = outcomes.days.reduce((sum: number, d: { total: number }) => sum + d.total, 0);
    expect(counted).toBe(22);
    expect(outcomes.truncated).toBe(false);

    const queues = await (await api.call('GET', '/api/stats/queues?hours=3')).json();
    expect(queues.bucket_ms).toBe(15 * MIN);
    const finished = queues.buckets.reduce((sum: number, b: { finished: number }) => sum + b.finished, 0);
    expect(finished).toBe(22);
    expect(queues.buckets.map((b: { wait_max_ms: number }) => b.wait_max_ms)).toEqual(queues.buckets.map(() => 200));
  });

  it('refuses unbounded or unclear windows with field errors, and unknown jobs with 404', async () => {
    const api = await openTestApi();
    const job = await api.deck.jobs.create({ title: 'Bounds', task: 'test.echo' });
    const bad = [
      `/api/stats/runs?job=${job.id}&limit=501`,
      `/api/stats/runs?job=${job.id}&limit=0`,
      `/api/stats/runs`,
      `/api/stats/runs?job=${job.id}&task=test.echo`,
      `/api/stats/outcomes?job=${job.id}&days=91`,
      `/api/stats/queues?hours=73`,
      `/api/stats/queues?hours=abc`,
    ];
    for (const path of bad) {
      const response = await api.call('GET', path);
      expect(response.status, path).toBe(400);
      expect((await response.json()).errors?.length, path).toBeGreaterThan(0);
    }
    expect((await api.call('GET', '/api/stats/runs?job=nope')).status).toBe(404);
    const empty = await (await api.call('GET', `/api/stats/runs?job=${job.id}`)).json();
    expect(empty).toMatchObject({ points: [], p50_ms: null, p95_ms: null, successes: 0 });
    expect((await api.call('GET', '/api/stats/queues', { role: null as never })).status).toBe(401);
  });

  it('validates history alerts on the job and shows them back', async () => {
    const api = await openTestApi();
    const created = await api.call('POST', '/api/jobs', {
      body: { title: 'Alerted', task: 'test.echo', history_alerts: { slower_than_p95: 2.5, after_failures: 3 } },
    });
    expect(created.status).toBe(201);
    const job = await created.json();
    expect(job.history_alerts).toEqual({ slower_than_p95: 2.5, p95_runs: 50, after_failures: 3 });
    const bad = await api.call('PATCH', `/api/jobs/${job.id}`, {
      body: { history_alerts: { slower_than_p95: 0.5, p95_runs: 2, after_failures: 1000 } },
    });
    expect(bad.status).toBe(400);
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual([
      'history_alerts.after_failures',
      'history_alerts.p95_runs',
      'history_alerts.slower_than_p95',
    ]);
    const off = await api.call('PATCH', `/api/jobs/${job.id}`, { body: { history_alerts: null } });
    expect((await off.json()).history_alerts).toBeNull();
  });
});
