import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { onCleanup, openTestStore, useTestDatabase } from '../../support/fixtures.js';
import { startWebhookReceiver, waitFor } from '../../support/notification-receivers.js';

describe('jobdeck start serves the API', () => {
  it('prints an admin token once on the first start, which then works with curl-like calls', async () => {
    const { url } = useTestDatabase();
    await (await openTestStore(url)).close();
    const server = await startServer({ ...process.env, JOBDECK_DATABASE_URL: url, JOBDECK_ADMIN_TOKEN: '' });
    const { api } = server;
    const out = () => server.out;
    const token = /\b(jd_[A-Za-z0-9_-]+)/.exec(out())?.[1];
    expect(token).toBeDefined();
    expect((await fetch(`${api}/jobs`)).status).toBe(401);
    const response = await fetch(`${api}/jobs`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect((await fetch(`${api.replace(/\/api$/, '')}/healthz`)).status).toBe(200);

    // No account yet: a one-time setup link creates the first admin.
    const base = api.replace(/\/api$/, '');
    for (let i = 0; i < 100 && !out().includes('/admin/setup?token='); i++)
      await new Promise((r) => setTimeout(r, 100));
    const link = new RegExp(`${base}/admin/setup\\?token=(jdsetup_[\\w-]+)`).exec(out());
    expect(link, out()).not.toBeNull();
    const setup = (password: string) =>
      fetch(`${api}/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: link![1], email: 'root@example.org', name: 'Root', password }),
      });
    const made = await setup('a long enough password');
    expect(made.status).toBe(200);
    expect(made.headers.get('set-cookie')).toMatch(/^jobdeck_session=jds_/);
    expect((await setup('a long enough password')).status).toBe(400);
  }, 60_000);

  it('links notifications to the port it listens on when no public URL is configured', async () => {
    const { url } = useTestDatabase();
    await (await openTestStore(url)).close();
    const token = `jd_${'p'.repeat(40)}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      JOBDECK_DATABASE_URL: url,
      JOBDECK_ADMIN_TOKEN: token,
      JOBDECK_OUTBOUND_ALLOW: '127.0.0.1',
    };
    delete env.JOBDECK_PUBLIC_URL;
    const { api } = await startServer(env);
    const base = api.replace(/\/api$/, '');
    const receiver = await startWebhookReceiver();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${api}/jobs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: 'Linked',
        task: 'demo.wait',
        args: { seconds: 0 },
        notification_statuses: ['SUCCESS'],
        notification_webhooks: [{ url: receiver.url }],
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const job = (await created.json()) as { id: string };
    const run = await fetch(`${api}/jobs/${job.id}/runs`, { method: 'POST', headers, body: '{}' });
    expect(run.status, await run.clone().text()).toBe(201);
    const hook = await waitFor(() => receiver.received[0], 60_000);
    const payload = JSON.parse(hook.body) as { url: string };
    expect(payload.url.startsWith(`${base}/admin/runs/`), payload.url).toBe(true);
  }, 90_000);
});

/** `jobdeck start --port 0` with this environment, stopped after the test; its API URL and stdout. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ api: string; readonly out: string }> {
  const child = spawn(process.execPath, ['bin/jobdeck.js', 'start', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onCleanup(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  const state = { out: '', api: '' };
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (state.out += chunk.toString()));
  state.api = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`start exited (${code}): ${err}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+\/api)"/.exec(err);
      if (match) resolve(match[1]!);
    });
  });
  return state;
}
