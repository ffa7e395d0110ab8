import { describe, expect, it } from 'vitest';
import { httpRequestTask } from '../../../src/tasks/index.js';
import { finished, startWorker, started, testTasks } from '../../support/deck.js';
import { openTestApi } from '../../support/http.js';

describe('workers and tasks API', () => {
  it('lists a started worker with the run it holds, then as stopped once it stops', async () => {
    const api = await openTestApi({ tasks: testTasks });
    const worker = await startWorker(api.deck, { heartbeatMs: 50, presenceIntervalMs: 50, concurrency: 3 });
    const job = await api.deck.jobs.create({ title: 'Blocks', task: 'test.block' });
    const run = await api.deck.runs.create(job.id);
    await started(worker, run.id);

    const list = async () => (await api.call('GET', '/api/workers', { role: 'viewer' })).json();
    let body = await list();
    expect(body.hits.total).toBe(1);
    expect(body.hits.hits[0]).toMatchObject({
      id: worker.id,
      pid: process.pid,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      queues: ['default', 'other'],
      concurrency: 3,
      state: 'running',
      ended_at: null,
      held_total: 1,
      held_runs: [
        { id: run.id, job_id: job.id, title: 'Manual run', task: 'test.block', status: 'RUNNING', attempt: 1 },
      ],
    });
    expect(body).toMatchObject({ beat_interval_ms: 10_000, dead_after_ms: 30_000 });
    // The busy slot reaches the row at the next beat.
    for (let i = 0; i < 100 && body.hits.hits[0].busy !== 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      body = await list();
    }
    expect(body.hits.hits[0].busy).toBe(1);

    await api.deck.runs.stop(run.id);
    await finished(worker, run.id);
    await worker.stop();
    body = await list();
    expect(body.hits.hits[0]).toMatchObject({ state: 'stopped', busy: 0, held_total: 0, held_runs: [] });
    expect(body.hits.hits[0].ended_at).not.toBeNull();
    expect((await api.call('GET', '/api/workers?limit=0')).status).toBe(400);
    expect((await api.call('GET', '/api/workers', { role: null })).status).toBe(401);
  });

  it("describes a task's argument rights and its recent runs' outcomes and duration percentiles", async () => {
    const api = await openTestApi({ tasks: [...testTasks, httpRequestTask] });
    const task = await (await api.call('GET', '/api/tasks/http.request', { role: 'viewer' })).json();
    expect(task).toMatchObject({ id: 'http.request', secret_args: ['headers'], isolate: false });
    expect(task.args_schema.properties.url).toBeDefined();
    expect(task.links.jobs).toMatch(/\/api\/jobs\?task=http\.request$/);
    expect((await api.call('GET', '/api/tasks/no.such')).status).toBe(404);

    const worker = await startWorker(api.deck);
    const job = await api.deck.jobs.create({ title: 'Fails', task: 'test.fail' });
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await api.deck.runs.create(job.id, { args: { partial: i === 1 } }));
    for (const run of runs) await finished(worker, run.id);

    const stats = await (await api.call('GET', '/api/tasks/test.fail/stats?window=2', { role: 'viewer' })).json();
    expect(stats).toMatchObject({ task: 'test.fail', window: 2, runs: 2 });
    expect(stats.recent.map((r: { id: number }) => r.id).sort()).toEqual([runs[1]!.id, runs[2]!.id].sort());
    expect(stats.outcomes).toEqual({ FAILED: 1, PARTIAL_SUCCESS: 1 });
    expect(stats.duration_ms.samples).toBe(2);
    expect(stats.duration_ms.p95).toBeGreaterThanOrEqual(stats.duration_ms.p50);
    const all = await (await api.call('GET', '/api/tasks/test.fail/stats')).json();
    expect(all).toMatchObject({ window: 200, runs: 3, outcomes: { FAILED: 2, PARTIAL_SUCCESS: 1 } });
    const none = await (await api.call('GET', '/api/tasks/test.echo/stats')).json();
    expect(none).toMatchObject({ runs: 0, since: null, recent: [], duration_ms: { p50: null, samples: 0 } });
    expect((await api.call('GET', '/api/tasks/test.fail/stats?window=1001')).status).toBe(400);
    expect((await api.call('GET', '/api/tasks/no.such/stats')).status).toBe(404);
  });
});
