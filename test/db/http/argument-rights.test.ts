import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { testTasks } from '../../support/deck.js';
import { onCleanup } from '../../support/fixtures.js';
import { openTestApi, type TestApi } from '../../support/http.js';
import { httpRequestTask, waitTask } from '../../../src/tasks/index.js';

const SECRET = 'Bearer s3cret-token-of-the-org';
const SAVED_URL = 'https://api.example.org/report';

/** A loopback listener an attacker would point a run at: it counts what reaches it. */
async function startListener(): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits += 1;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/steal`, hits: () => hits };
}

async function openApi(): Promise<TestApi> {
  return openTestApi({ tasks: [...testTasks, httpRequestTask, waitTask] });
}

async function createJob(api: TestApi, task: string, args: object): Promise<{ id: string }> {
  const response = await api.call('POST', '/api/jobs', { body: { title: `Job of ${task}`, task, args } });
  expect(response.status).toBe(201);
  return response.json();
}

const runAs = (api: TestApi, role: 'admin' | 'operator', jobId: string, body: object) =>
  api.call('POST', `/api/jobs/${jobId}/runs`, { role, body });

const fields = async (response: Response) =>
  ((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);

describe('who may change a run’s arguments', () => {
  it('refuses an operator who keeps the saved Authorization but points the URL elsewhere', async () => {
    const api = await openApi();
    const listener = await startListener();
    const job = await createJob(api, 'http.request', { url: SAVED_URL, headers: { Authorization: SECRET } });

    const moved = await runAs(api, 'operator', job.id, { args: { url: listener.url } });
    expect(moved.status).toBe(403);
    // The headers count as changed too: bound to the URL, the saved ones would be dropped.
    expect(await fields(moved)).toEqual(['args.headers', 'args.url']);
    const replaced = await runAs(api, 'operator', job.id, {
      custom_args: { url: listener.url, headers: { Authorization: 'set' }, method: 'POST' },
    });
    expect(replaced.status).toBe(403);
    expect(await fields(replaced)).toEqual(['args.headers', 'args.method', 'args.url']);

    // Running as saved is the operator's right; so is sending the saved values back.
    expect((await runAs(api, 'operator', job.id, {})).status).toBe(201);
    expect((await runAs(api, 'operator', job.id, { args: { url: SAVED_URL, method: 'GET' } })).status).toBe(201);
    expect((await api.deck.runs.list({ jobId: job.id })).total).toBe(2);
    expect(listener.hits()).toBe(0);
  });

  it('refuses an operator’s prune override, allows demo.wait’s seconds and since, and lets an admin change anything', async () => {
    const api = await openApi();
    const prune = await createJob(api, 'maintenance.prune-history', {});
    const erase = await runAs(api, 'operator', prune.id, { args: { keepRunsDays: 1, keepLastRuns: 0 } });
    expect(erase.status).toBe(403);
    expect(await fields(erase)).toEqual(['args.keepLastRuns', 'args.keepRunsDays']);
    expect((await runAs(api, 'operator', prune.id, { since: '2026-01-01T00:00:00Z' })).status).toBe(403);

    const wait = await createJob(api, 'demo.wait', { seconds: 30 });
    const changed = await runAs(api, 'operator', wait.id, { args: { seconds: 1 }, since: '2026-01-01T00:00:00Z' });
    expect(changed.status).toBe(201);
    expect(await changed.json()).toMatchObject({ args: { seconds: 1 }, since: '2026-01-01T00:00:00.000Z' });

    const admin = await runAs(api, 'admin', prune.id, { args: { keepRunsDays: 1, keepLastRuns: 0 } });
    expect(admin.status).toBe(201);

    // The UI learns from the schema what an operator may edit and what is secret.
    const schema = await (await api.call('GET', '/api/tasks/demo.wait/args', { role: 'operator' })).json();
    expect(schema['x-jobdeck-operator-editable']).toEqual(['seconds', 'since']);
    const httpSchema = await (await api.call('GET', '/api/tasks/http.request/args')).json();
    expect(httpSchema).toMatchObject({ 'x-jobdeck-operator-editable': [], 'x-jobdeck-secret': ['headers'] });
  });
});

describe('secret arguments', () => {
  it('are shown as "set", kept when PUT back with "set", and dropped when the URL changes', async () => {
    const api = await openApi();
    const job = await createJob(api, 'http.request', {
      url: SAVED_URL,
      headers: { Authorization: SECRET, Accept: 'text/plain' },
    });
    const run = await (await runAs(api, 'operator', job.id, {})).json();

    for (const role of ['viewer', 'operator', 'admin'] as const) {
      const read = await api.call('GET', `/api/jobs/${job.id}`, { role });
      const body = await read.json();
      expect(body.args.headers).toEqual({ Authorization: 'set', Accept: 'set' });
      expect(JSON.stringify(body)).not.toContain('s3cret');
      const runs = await (await api.call('GET', `/api/jobs/${job.id}/runs/${run.id}`, { role })).text();
      expect(runs).toContain('"Authorization":"set"');
      expect(runs).not.toContain('s3cret');
      expect(await (await api.call('GET', '/api/jobs', { role })).text()).not.toContain('s3cret');
    }

    // A read PUT back unchanged keeps the stored secret.
    const read = await (await api.call('GET', `/api/jobs/${job.id}`)).json();
    expect((await api.call('PUT', `/api/jobs/${job.id}`, { body: read })).status).toBe(200);
    expect((await api.deck.jobs.get(job.id)).args.headers).toEqual({ Authorization: SECRET, Accept: 'text/plain' });

    // A new destination does not inherit it; a value typed anew is taken.
    const moved = { ...read, args: { ...read.args, url: 'https://other.example.org/' } };
    expect((await api.call('PUT', `/api/jobs/${job.id}`, { body: moved })).status).toBe(200);
    expect((await api.deck.jobs.get(job.id)).args.headers).toEqual({});
    const typed = { ...moved, args: { ...moved.args, headers: { Authorization: 'Bearer new' } } };
    expect((await api.call('PATCH', `/api/jobs/${job.id}`, { body: typed })).status).toBe(200);
    expect((await api.deck.jobs.get(job.id)).args.headers).toEqual({ Authorization: 'Bearer new' });

    // An admin's run to another URL does not carry the saved secret there either.
    const elsewhere = await runAs(api, 'admin', job.id, { args: { url: 'https://third.example.org/' } });
    expect(elsewhere.status).toBe(201);
    expect((await api.deck.runs.get((await elsewhere.json()).id)).args.headers).toEqual({});

    const audit = JSON.stringify((await api.deck.audit.list({ size: 100 })).items);
    expect(audit).not.toContain('s3cret');
    expect(audit).not.toContain('Bearer new');
    expect(audit).toContain('secrets_dropped');
  });
});
