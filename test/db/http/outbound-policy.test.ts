import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { finished, startWorker, testTasks } from '../../support/deck.js';
import { onCleanup } from '../../support/fixtures.js';
import { openTestApi, type TestApi } from '../../support/http.js';
import { startWebhookReceiver, waitFor } from '../../support/notification-receivers.js';
import { httpRequestTask } from '../../../src/tasks/index.js';
import type { JobdeckOptions } from '../../../src/service/jobdeck.js';

/** A listener on a loopback address that counts requests; it may answer with a redirect. */
async function startListener(host = '127.0.0.1', redirectTo?: string) {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits += 1;
    if (redirectTo) res.writeHead(302, { location: redirectTo }).end();
    else res.end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://${host}:${(server.address() as AddressInfo).port}/`, hits: () => hits };
}

async function setup(options: Partial<JobdeckOptions> = {}) {
  const api = await openTestApi({ tasks: [...testTasks, httpRequestTask], ...options });
  const worker = await startWorker(api.deck);
  return { api, worker };
}

/** Runs http.request against `url` as an admin (who may) and returns the finished run. */
async function call({ api, worker }: { api: TestApi; worker: Awaited<ReturnType<typeof startWorker>> }, url: string) {
  const job = await (
    await api.call('POST', '/api/jobs', {
      body: { title: `Call ${url}`, task: 'http.request', args: { url, timeout_seconds: 5 } },
    })
  ).json();
  const run = await (await api.call('POST', `/api/jobs/${job.id}/runs`, { body: {} })).json();
  await finished(worker, run.id);
  return api.deck.runs.get(run.id);
}

describe('outbound request policy', () => {
  it('refuses loopback and link-local targets with one message for open and closed ports', async () => {
    const deck = await setup();
    // 5432 is the test PostgreSQL (open); 1 is closed.
    const open = await call(deck, 'http://127.0.0.1:5432/');
    const closed = await call(deck, 'http://127.0.0.1:1/');
    expect(open.status).toBe('FAILED');
    expect(open.message).toMatch(/Outbound request to 127\.0\.0\.1 refused: 127\.0\.0\.1 is a loopback address/);
    expect(closed.message).toBe(open.message);
    const metadata = await call(deck, 'http://169.254.169.254/latest/meta-data/');
    expect(metadata.message).toMatch(/169\.254\.169\.254 is a linkLocal address/);
    const mapped = await call(deck, 'http://[::ffff:127.0.0.1]:5432/');
    expect(mapped.message).toMatch(/is a loopback address/);
    // A name is judged by the address it resolves to.
    expect((await call(deck, 'http://localhost:5432/')).message).toMatch(/refused: .* is a loopback address/);
  });

  it('checks every redirect, and the allow-list lets internal targets through', async () => {
    const target = await startListener('127.0.0.2');
    const hop = await startListener('127.0.0.1', target.url);
    const deck = await setup({ outbound: { allow: ['127.0.0.1'] } });
    const redirected = await call(deck, hop.url);
    expect(redirected.status).toBe('FAILED');
    expect(redirected.message).toMatch(/Outbound request to 127\.0\.0\.2 refused/);
    expect(hop.hits()).toBe(1);
    expect(target.hits()).toBe(0);

    const allowed = await call(await setup({ outbound: { allow: ['127.0.0.0/8'] } }), hop.url);
    expect(allowed.status).toBe('SUCCESS');
    expect(target.hits()).toBe(1);
  });

  it('refuses webhooks to internal addresses: the receiver gets nothing', async () => {
    const receiver = await startWebhookReceiver();
    const { api, worker } = await setup();
    const notifier = api.deck.createNotifier({ pollMs: 50, maxAttempts: 1 });
    onCleanup(() => notifier.stop());
    await notifier.start();
    const job = await api.deck.jobs.create({
      title: 'Hooked',
      task: 'test.echo',
      notificationStatuses: ['SUCCESS'],
      notificationWebhooks: [{ url: `${receiver.url}?token=hidden-token` }],
    });
    const run = await api.deck.runs.create(job.id);
    await finished(worker, run.id);
    const [delivery] = await waitFor(async () => {
      const list = await api.deck.notifications.forRun(run.id);
      return list[0]?.state === 'failed' ? list : undefined;
    });
    expect(delivery?.lastError).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
    expect(receiver.received).toEqual([]);
  });
});
