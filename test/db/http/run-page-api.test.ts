import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.js';
import { openTestDeck, startWorker } from '../../support/deck.js';

// Bodies are checked field by field; `any` keeps those checks short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

/** The two routes the admin UI's run page needs beyond the job-scoped ones. */
describe('GET /api/runs/{run_id} and /api/runs/{run_id}/logs/stats', () => {
  it('reads a run by its id alone and tells how long its log is', async () => {
    const deck = await openTestDeck();
    const app = createApp(deck, { adminUi: false });
    const { secret } = await deck.tokens.create({ name: 'viewer', role: 'viewer' });
    const call = (path: string) =>
      app.request(`http://localhost/api${path}`, { headers: { authorization: `Bearer ${secret}` } });

    const job = await deck.jobs.create({ title: 'Echo', task: 'test.echo' });
    const run = await deck.runs.create(job.id, { args: { lines: ['one', 'two', 'three'] } });

    const queued = await call(`/runs/${run.id}`);
    expect(queued.status).toBe(200);
    const body: Body = await queued.json();
    expect(body).toMatchObject({ id: run.id, job_id: job.id, status: 'QUEUED' });
    expect(body.links.logs).toMatch(new RegExp(`/api/jobs/${job.id}/runs/${run.id}/logs$`));
    expect(await (await call(`/runs/${run.id}/logs/stats`)).json()).toEqual({ last_seq: 0 });

    await startWorker(deck);
    await deck.runs.waitForEnd(run.id, { timeoutMs: 10_000 });
    const stats: Body = await (await call(`/runs/${run.id}/logs/stats`)).json();
    const lines = await deck.runs.logs(run.id, { size: 1000 });
    expect(stats.last_seq).toBe(lines[lines.length - 1]!.seq);
    expect(stats.last_seq).toBeGreaterThanOrEqual(3);

    expect((await call('/runs/999999')).status).toBe(404);
    expect((await call('/runs/999999/logs/stats')).status).toBe(404);
    expect((await call('/runs/abc')).status).toBe(400);

    const doc: Body = await (await app.request('http://localhost/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/runs/{run_id}', '/runs/{run_id}/logs/stats']));
  });
});
