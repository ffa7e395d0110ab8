import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.js';
import { fanOutTask } from '../../../src/tasks/index.js';
import { openTestDeck, startWorker, testTasks } from '../../support/deck.js';

// Bodies are checked field by field; `any` keeps those checks short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe('sub-runs and deleting runs over HTTP', () => {
  it('shows a fan-out: counters, links, lists without sub-runs, the sub-runs list; deletes 409 then 204', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, fanOutTask] });
    const app = createApp(deck, { adminUi: false });
    const tokens = Object.fromEntries(
      await Promise.all(
        (['admin', 'operator'] as const).map(async (role) => [
          role,
          (await deck.tokens.create({ name: role, role })).secret,
        ]),
      ),
    );
    const call = (path: string, init: RequestInit = {}, role = 'admin') =>
      app.request(`http://localhost/api${path}`, {
        ...init,
        headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      });

    const job = await deck.jobs.create({ title: 'Fan out', task: 'demo.fan-out' });
    const created = await call(`/jobs/${job.id}/runs`, {
      method: 'POST',
      body: JSON.stringify({ args: { records: 30, fail_every: 10, record_ms: 0 } }),
    });
    expect(created.status).toBe(201);
    const parent: Body = await created.json();
    // Not deletable while queued.
    expect((await call(`/jobs/${job.id}/runs/${parent.id}`, { method: 'DELETE' })).status).toBe(409);

    await startWorker(deck);
    await deck.runs.waitForEnd(parent.id, { timeoutMs: 10_000 });
    const run: Body = await (await call(`/runs/${parent.id}`)).json();
    expect(run).toMatchObject({
      status: 'PARTIAL_SUCCESS',
      parent_run_id: null,
      total_subruns: 30,
      completed_subruns: 30,
      failed_subruns: 3,
      inserted_entries: 27,
    });
    expect(run.links.subruns).toMatch(new RegExp(`/api/runs/${parent.id}/subruns$`));

    const top: Body = await (await call(`/jobs/${job.id}/runs`)).json();
    expect(top.hits.total).toBe(1);
    for (const flag of ['include_subruns', 'include_subtasks']) {
      expect(((await (await call(`/jobs/${job.id}/runs?${flag}=true`)).json()) as Body).hits.total).toBe(31);
    }
    expect(((await (await call(`/runs?parent=${parent.id}&size=5`)).json()) as Body).hits.total).toBe(30);

    const failed: Body = await (await call(`/runs/${parent.id}/subruns?status=FAILED&size=2`)).json();
    expect(failed.hits.total).toBe(3);
    expect(failed.hits.hits).toHaveLength(2);
    expect(failed.hits.hits[0]).toMatchObject({ parent_run_id: parent.id, status: 'FAILED', title: 'Record 10 of 30' });
    expect(failed.counts).toEqual({ SUCCESS: 27, FAILED: 3 });
    expect(failed.links.next).toContain('page=2');
    expect((await call(`/runs/999999/subruns`)).status).toBe(404);

    // The demo's sub-runs log, so the family's lines can be read grouped by sub-run and searched.
    const familyErrors = async (): Promise<Body> =>
      (await call(`/logs?run=${parent.id}&include_subruns=true&level=error`)).json();
    await expect.poll(async () => (await familyErrors()).hits.length, { timeout: 10_000 }).toBe(3);
    const errors: Body = await familyErrors();
    expect(errors.hits.map((line: Body) => line.message).sort()).toEqual(
      [10, 20, 30].map((record) => `Record ${record} is invalid: it has no name.`).sort(),
    );
    for (const line of errors.hits) expect(line.parent_run_id).toBe(parent.id);
    const found: Body = await (await call(`/logs?q=invalid&job=${job.id}`)).json();
    expect(found.hits.map((line: Body) => line.run_id).sort()).toEqual(
      errors.hits.map((line: Body) => line.run_id).sort(),
    );

    // Deleting history is an administrator's right.
    expect((await call(`/jobs/${job.id}/runs/${parent.id}`, { method: 'DELETE' }, 'operator')).status).toBe(403);
    const deleted = await call(`/jobs/${job.id}/runs/${parent.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await call(`/runs/${parent.id}`)).status).toBe(404);
    expect((await deck.runs.list({ jobId: job.id, includeSubRuns: true })).total).toBe(0);
    expect(((await (await call(`/logs?job=${job.id}`)).json()) as Body).hits).toEqual([]);
    expect((await call(`/jobs/${job.id}/runs/${parent.id}`, { method: 'DELETE' })).status).toBe(404);
    const audit = await deck.store.auditList({ jobId: job.id, limit: 10, offset: 0 });
    expect(audit.items.map((e) => e.action)).toContain('run.delete');
  });

  it('refuses (409) to delete an ended sub-run while its parent is still active', async () => {
    const deck = await openTestDeck({ tasks: [...testTasks, fanOutTask] });
    const app = createApp(deck, { adminUi: false });
    const secret = (await deck.tokens.create({ name: 'admin', role: 'admin' })).secret;
    const call = (path: string, init: RequestInit = {}) =>
      app.request(`http://localhost/api${path}`, {
        ...init,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      });
    const job = await deck.jobs.create({ title: 'Slow fan out', task: 'demo.fan-out' });
    // One slot: the records run one after another, so the parent stays active after the first.
    const parent = await deck.runs.create(job.id, { args: { records: 2, fail_every: 0, record_ms: 4000 } });
    await startWorker(deck, { concurrency: 1 });
    const ended = await (async () => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const subRuns = await deck.runs.list({ parentRunId: parent.id });
        const done = subRuns.items.find((run) => run.status === 'SUCCESS');
        if (done) return done;
        if (Date.now() > deadline) throw new Error('no sub-run ended in time');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    expect((await deck.runs.get(parent.id)).status).toBe('WAITING');
    const refused = await call(`/jobs/${job.id}/runs/${ended.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Body).message).toMatch(new RegExp(`sub-run of run ${parent.id}.*still active`));
    expect((await deck.runs.get(ended.id)).status).toBe('SUCCESS');
    await deck.runs.waitForEnd(parent.id, { timeoutMs: 30_000 });
    expect(await deck.runs.get(parent.id)).toMatchObject({ status: 'SUCCESS' });
  }, 60_000);
});
