import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../support/fixtures.js';
import { openTestApi } from '../../support/http.js';
import { historyRuns, seedHistory } from '../../support/history.js';

const DAY = 86_400_000;

/** The operations console's API: GET /overview, GET /runs (all jobs) and the bulk actions. */
describe('operations console API', () => {
  it('shows running, queued, failed-by-job, upcoming and workers in one call', async () => {
    const db = useTestDatabase();
    const { deck, call } = await openTestApi({ database: db.url });
    const a = await deck.jobs.create({ title: 'Import A', task: 'test.echo', args: { lines: ['a'] } });
    const b = await deck.jobs.create({ title: 'Import B', task: 'test.echo', args: { lines: ['b'] } });
    const now = Date.now();
    const options = { jobs: [a, b], runs: 120, days: 4, now };
    await seedHistory(db.url, options);
    const recent = historyRuns(options).filter((r) => r.finishedAt >= now - DAY && r.status !== 'SUCCESS');
    const queued = await deck.runs.create(a.id, {});
    const held = await deck.runs.create(b.id, {});
    await deck.store.runClaim({ queues: ['default'], limit: 2, workerId: 'w-1' });
    const registration = { id: 'w-1', host: 'h1', pid: 1, version: '0', queues: ['default'], concurrency: 4 };
    await deck.store.workerBeat({ ...registration, startedAt: new Date(), busy: 1 });
    await deck.store.runTransition(queued.id, 'QUEUED');
    await deck.schedules.preview({ type: 'interval', hours: 6 });
    await deck.jobs.update(a.id, { schedule: { type: 'interval', hours: 6 } });

    const body = await (await call('GET', '/api/overview', { role: 'viewer' })).json();
    expect(body.running.total).toBe(1);
    expect(body.running.items.map((r: { id: number }) => r.id)).toEqual([held.id]);
    expect(body.queues.find((q: { name: string }) => q.name === 'default')).toMatchObject({
      queued: 1,
      running: 1,
      paused: false,
      oldest_queued_run_id: queued.id,
    });
    const count = (jobId: string, status: string) =>
      recent.filter((r) => r.jobId === jobId && r.status === status).length;
    expect(body.failures.failed).toBe(recent.filter((r) => r.status === 'FAILED').length);
    expect(body.failures.partial).toBe(recent.filter((r) => r.status === 'PARTIAL_SUCCESS').length);
    const failedA = body.failures.items.find((f: { job_id: string }) => f.job_id === a.id);
    expect(failedA).toMatchObject({
      job_title: 'Import A',
      failed: count(a.id, 'FAILED'),
      partial: count(a.id, 'PARTIAL_SUCCESS'),
    });
    expect(failedA.last_run.message).toMatch(/failed/);
    // Every 6 hours from the next fire: 4 fires in the next 24 h, no arguments in the answer.
    expect(body.upcoming.total).toBe(4);
    // One item per job (not per fire): its next fire and how many fires the window holds.
    expect(body.upcoming).toMatchObject({ jobs: 1, more: false });
    expect(body.upcoming.items).toEqual([
      {
        job_id: a.id,
        job_title: 'Import A',
        at: expect.any(String),
        fires: 4,
        fires_more: false,
        schedule: 'Every 6 hours',
      },
    ]);
    expect(body.workers).toEqual({
      alive: 1,
      holding: 1,
      items: [{ worker_id: 'w-1', host: 'h1', busy: 1, concurrency: 4, runs: 1 }],
    });
    expect(JSON.stringify(body)).not.toContain('"args"');
  });

  it('filters, sorts and pages the runs of all jobs, with a capped count', async () => {
    const db = useTestDatabase();
    const { deck, call } = await openTestApi({ database: db.url });
    const a = await deck.jobs.create({ title: 'A', task: 'test.echo', args: { lines: ['a'] } });
    const b = await deck.jobs.create({ title: 'B', task: 'test.fail' });
    const now = Date.now();
    const options = { jobs: [a, b], runs: 60, days: 2, now };
    const seeded = historyRuns(options);
    await seedHistory(db.url, options);
    await deck.runs.create(a.id, { startedBy: 'alice' });

    const list = async (query: string) => (await call('GET', `/api/runs?${query}`, { role: 'viewer' })).json();
    const failedA = seeded.filter((r) => r.jobId === a.id && r.status === 'FAILED').length;
    const page = await list(`status=FAILED&job=${a.id}&size=5`);
    expect(page.hits).toMatchObject({ total: failedA, more: false });
    expect(page.hits.hits).toHaveLength(5);
    expect(
      page.hits.hits.every((r: { status: string; job_id: string }) => r.status === 'FAILED' && r.job_id === a.id),
    ).toBe(true);
    // Each item names its job, so the Runs page shows titles rather than ids.
    expect(new Set(page.hits.hits.map((r: { job_title: string }) => r.job_title))).toEqual(new Set(['A']));
    expect(page.links.next).toContain('page=2');

    expect((await list('started_by=alice')).hits.total).toBe(1);
    expect((await list('q=ROW%2065%20is')).hits.total).toBe(1); // "row 65 is bad", case-insensitive
    const from = new Date(now - DAY).toISOString();
    const lastDay = seeded.filter((r) => r.finishedAt >= now - DAY).length;
    expect((await list(`time=finished&from=${from}`)).hits.total).toBe(lastDay);
    const byEnd = await list('sort=finished&size=3');
    const ends = byEnd.hits.hits.map((r: { finished_at: string }) => Date.parse(r.finished_at));
    expect(ends).toEqual([...ends].sort((x, y) => x - y));
    expect(ends[0]).toBe(Math.min(...seeded.map((r) => r.finishedAt)));

    expect((await call('GET', '/api/runs?status=BOGUS')).status).toBe(400);
    const badTime = await call('GET', '/api/runs?from=yesterday');
    expect(badTime.status).toBe(400);
    expect((await badTime.json()).errors[0].field).toBe('from');
    // A reversed range is a 400 naming `to`, as on /api/calendar, not an empty 200.
    const reversed = await call('GET', '/api/runs?from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z');
    expect(reversed.status).toBe(400);
    expect((await reversed.json()).errors).toEqual([{ field: 'to', messages: ['to must be after from.'] }]);
    const deep = await call('GET', '/api/runs?page=101&size=100');
    expect(deep.status).toBe(400);
  });

  it('re-runs FAILED runs of one job by filter: counted first, argument rights kept, audited once', async () => {
    const db = useTestDatabase();
    const { deck, call } = await openTestApi({ database: db.url });
    const job = await deck.jobs.create({ title: 'Import', task: 'test.echo', args: { lines: ['saved'] } });
    const other = await deck.jobs.create({ title: 'Other', task: 'test.echo', args: { lines: ['changed'] } });
    const options = { jobs: [job, other], runs: 40, args: { lines: ['saved'] } };
    await seedHistory(db.url, options);
    const failed = historyRuns(options).filter((r) => r.jobId === job.id && r.status === 'FAILED').length;
    const filter = { status: 'FAILED', job: job.id };

    const counted = await (
      await call('POST', '/api/runs/bulk/count', { role: 'viewer', body: { action: 'rerun', filter } })
    ).json();
    expect(counted).toEqual({ action: 'rerun', matched: failed, eligible: failed, more: false, max: 10_000 });
    expect((await call('POST', '/api/runs/bulk/rerun', { role: 'viewer', body: { filter } })).status).toBe(403);

    const done = await (await call('POST', '/api/runs/bulk/rerun', { role: 'operator', body: { filter } })).json();
    expect(done).toMatchObject({ action: 'rerun', eligible: failed, done: failed, skipped: 0 });
    const queued = await (await call('GET', `/api/runs?job=${job.id}&status=QUEUED&size=100`)).json();
    expect(queued.hits.total).toBe(failed);
    expect(queued.hits.hits[0]).toMatchObject({ started_by: 'operator-user', args: { lines: ['saved'] } });

    // The other job's saved args changed since: an operator may not run the old ones again.
    const refused = await (
      await call('POST', '/api/runs/bulk/rerun', {
        role: 'operator',
        body: { filter: { status: 'FAILED', job: other.id } },
      })
    ).json();
    expect(refused.done).toBe(0);
    expect(refused.skipped).toBeGreaterThan(0);
    expect(refused.reasons[0].message).toMatch(/operator/);

    const audit = await deck.audit.list({ size: 100 });
    const bulk = audit.items.filter((e) => e.action.startsWith('runs.bulk_'));
    expect(bulk).toHaveLength(2);
    expect(bulk[1]).toMatchObject({
      actor: 'operator-user',
      action: 'runs.bulk_rerun',
      details: { filter, eligible: failed, done: failed, skipped: 0 },
    });
    expect(audit.items.filter((e) => e.action === 'run.create')).toHaveLength(0);
    expect(done.audit_id).toBe(bulk[1]!.id);
  });

  it('stops and deletes by ids with operator and admin rights, and refuses more than 10,000 runs', async () => {
    const db = useTestDatabase();
    const { deck, call } = await openTestApi({ database: db.url });
    const job = await deck.jobs.create({ title: 'Many', task: 'test.echo', args: { lines: [] } });
    const q1 = await deck.runs.create(job.id, {});
    const q2 = await deck.runs.create(job.id, {});
    const stopped = await (
      await call('POST', '/api/runs/bulk/stop', { role: 'operator', body: { ids: [q1.id, q2.id] } })
    ).json();
    expect(stopped).toMatchObject({ eligible: 2, done: 2, skipped: 0 });
    expect((await deck.runs.get(q1.id)).status).toBe('CANCELLED');

    expect((await call('POST', '/api/runs/bulk/delete', { role: 'operator', body: { ids: [q1.id] } })).status).toBe(
      403,
    );
    const deleted = await (await call('POST', '/api/runs/bulk/delete', { body: { ids: [q1.id, q2.id] } })).json();
    expect(deleted).toMatchObject({ done: 2 });
    expect(await deck.store.runGet(q1.id)).toBeUndefined();
    expect((await call('POST', '/api/runs/bulk/delete', { body: { ids: [1], filter: {} } })).status).toBe(400);

    await seedHistory(db.url, {
      jobs: [{ id: job.id, task: 'test.echo' }],
      runs: 10_001,
      failEvery: 1e9,
      partialEvery: 1e9,
    });
    const counted = await (
      await call('POST', '/api/runs/bulk/count', { body: { action: 'delete', filter: {} } })
    ).json();
    expect(counted).toMatchObject({ matched: 10_001, eligible: 10_000, more: true });
    const refused = await call('POST', '/api/runs/bulk/delete', { body: { filter: { job: job.id } } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toMatch(/10000/);
    expect((await (await call('GET', '/api/runs')).json()).hits).toMatchObject({ total: 1_000, more: true });
    expect((await deck.audit.list({ size: 100 })).items.filter((e) => e.action === 'runs.bulk_delete')).toHaveLength(1);
  });
});
