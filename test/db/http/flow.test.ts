import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { startWorker } from '../../support/deck.js';
import { openTestApi } from '../../support/http.js';

describe('API', () => {
  it('serves a valid OpenAPI 3.1 document without authentication', async () => {
    const api = await openTestApi();
    const response = await api.call('GET', '/api/openapi.json', { role: null });
    expect(response.status).toBe(200);
    const document = await response.json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths)).toContain('/jobs/{id}/runs/{run_id}/actions/stop');
  });

  it('walks the seed guide: create, configure and run, schedule, read the run and its logs, stop a run', async () => {
    const api = await openTestApi();
    await startWorker(api.deck);
    const job = await (
      await api.call('POST', '/api/jobs', {
        body: { title: 'Echo', description: 'Says things', task: 'test.echo', active: true },
      })
    ).json();
    expect(job).toMatchObject({ title: 'Echo', default_queue: 'default', next_run: null, last_run: null });

    const list = await (await api.call('GET', '/api/jobs?q=SAYS')).json();
    expect(list.hits.total).toBe(1);

    // An operator runs the job as saved; changing its arguments is an admin's right.
    const asSaved = await api.call('POST', `/api/jobs/${job.id}/runs`, { role: 'operator', body: { title: 'Plain' } });
    expect(asSaved.status).toBe(201);
    const plain = await asSaved.json();
    expect(plain).toMatchObject({ started_by: 'operator-user' });
    await api.deck.runs.waitForEnd(plain.id, { timeoutMs: 10_000 });
    const created = await api.call('POST', `/api/jobs/${job.id}/runs`, {
      body: { title: 'First', args: { lines: ['one', 'two'] } },
    });
    expect(created.status).toBe(201);
    const run = await created.json();
    expect(run).toMatchObject({ title: 'First', status: 'QUEUED', started_by: 'admin-user' });
    await api.deck.runs.waitForEnd(run.id, { timeoutMs: 10_000 });
    const done = await (await api.call('GET', `/api/jobs/${job.id}/runs/${run.id}`, { role: 'viewer' })).json();
    expect(done).toMatchObject({ status: 'SUCCESS', args: { lines: ['one', 'two'] } });
    const logs = await (await api.call('GET', `/api/jobs/${job.id}/runs/${run.id}/logs`, { role: 'viewer' })).json();
    expect(logs.hits.hits.map((l: { message: string }) => l.message)).toEqual(['one', 'two']);
    const follow = await api.call('GET', `/api/jobs/${job.id}/runs/${run.id}/logs?follow=true`, {
      headers: { 'last-event-id': '1' },
    });
    expect(follow.headers.get('content-type')).toMatch(/text\/event-stream/);
    const stream = await follow.text();
    expect(stream).toMatch(/event: log\ndata: .*"message":"two".*\nid: 2/);
    expect(stream).not.toMatch(/"message":"one"/);
    expect(stream).toMatch(/event: end\ndata: \{"status":"SUCCESS"\}/);

    const scheduled = await (
      await api.call('PATCH', `/api/jobs/${job.id}`, {
        body: { schedule: { type: 'crontab', expression: '0 3 * * 1-5', timezone: 'Europe/Zurich' } },
      })
    ).json();
    expect(scheduled.next_run).not.toBeNull();
    expect(scheduled.schedule_description).toMatch(/03:00.*Monday through Friday \(Europe\/Zurich\)/);
    expect(scheduled.last_run.id).toBe(run.id);

    const blocker = await api.deck.jobs.create({ title: 'Block', task: 'test.block' });
    const long = await (await api.call('POST', `/api/jobs/${blocker.id}/runs`, { body: {} })).json();
    for (let i = 0; i < 100 && (await api.deck.runs.get(long.id)).status !== 'RUNNING'; i++)
      await new Promise((r) => setTimeout(r, 50));
    const stop = await api.call('POST', `/api/jobs/${blocker.id}/runs/${long.id}/actions/stop`, { role: 'operator' });
    expect(stop.status).toBe(202);
    expect(['CANCELLING', 'CANCELLED']).toContain((await stop.json()).status);
    expect((await api.deck.runs.waitForEnd(long.id, { timeoutMs: 5000 })).status).toBe('CANCELLED');

    const filtered = await (await api.call('GET', `/api/jobs/${blocker.id}/runs?status=CANCELLED`)).json();
    expect(filtered.hits.total).toBe(1);
    expect((await (await api.call('GET', `/api/jobs/${blocker.id}/runs?status=SUCCESS`)).json()).hits.total).toBe(0);
  });

  it('signs in with a token for a cookie session that needs the CSRF header to write', async () => {
    const api = await openTestApi();
    const signIn = await api.call('POST', '/api/session', { role: null, body: { token: api.tokens.operator } });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toEqual({ name: 'operator-user', role: 'operator' });
    const cookie = signIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    expect((await api.call('GET', '/api/session', { role: null, headers: { cookie: session } })).status).toBe(200);
    const job = await api.deck.jobs.create({ title: 'Cookie', task: 'test.echo' });
    const noCsrf = await api.call('POST', `/api/jobs/${job.id}/runs`, {
      role: null,
      body: {},
      headers: { cookie: session },
    });
    expect(noCsrf.status).toBe(403);
    const withCsrf = await api.call('POST', `/api/jobs/${job.id}/runs`, {
      role: null,
      body: {},
      headers: { cookie: session, 'x-jobdeck-csrf': '1' },
    });
    expect(withCsrf.status).toBe(201);
  });

  it('rate-limits failed sign-ins', async () => {
    const api = await openTestApi();
    const statuses = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await api.call('POST', '/api/session', { role: null, body: { token: 'wrong' } })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('records changes in the audit log with actor and the request id the server made', async () => {
    const api = await openTestApi();
    const created = await api.call('POST', '/api/jobs', {
      body: { title: 'Audited', task: 'test.echo' },
      headers: { 'x-request-id': 'req-1' },
    });
    // The client's id is not taken: the server makes its own, so no client can forge a trail.
    const requestId = created.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const job = await created.json();
    await api.call('PATCH', `/api/jobs/${job.id}`, { body: { title: 'Audited 2' } });
    const entries = (await api.deck.audit.list({ jobId: job.id })).items;
    expect(entries.map((e) => e.action)).toEqual(['job.update', 'job.create']);
    expect(entries[1]).toMatchObject({ actor: 'admin-user', requestId });
    expect(entries[0]!.details).toMatchObject({ title: { from: 'Audited', to: 'Audited 2' } });
  });
});
