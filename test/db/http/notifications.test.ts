import { describe, expect, it } from 'vitest';
import { finished, startWorker } from '../../support/deck.js';
import { onCleanup } from '../../support/fixtures.js';
import { openTestApi } from '../../support/http.js';
import { startWebhookReceiver, waitFor } from '../../support/notification-receivers.js';

describe('notification settings and deliveries over HTTP', () => {
  it('keeps webhook secrets write-only, and lists a run’s deliveries with their attempts', async () => {
    // The receiver listens on loopback, which the outbound policy refuses unless allowed.
    const api = await openTestApi({ outbound: { allow: ['127.0.0.1'] } });
    const receiver = await startWebhookReceiver();
    const created = await api.call('POST', '/api/jobs', {
      body: {
        title: 'Hooked',
        task: 'test.echo',
        notification_statuses: ['SUCCESS'],
        notification_webhooks: [{ url: receiver.url, secret: 'top-secret-1' }],
        notify_running_longer_than: 600,
      },
    });
    expect(created.status).toBe(201);
    const job = await created.json();
    expect(job.notification_webhooks).toEqual([{ url: receiver.url, secret: 'set' }]);
    expect(job.notify_running_longer_than).toBe(600);
    // Viewers see the webhook's origin only (Slack-style URLs are credentials).
    const viewed = await (await api.call('GET', `/api/jobs/${job.id}`, { role: 'viewer' })).json();
    expect(viewed.notification_webhooks).toEqual([{ url: new URL(receiver.url).origin, secret: 'set' }]);
    const read = await (await api.call('GET', `/api/jobs/${job.id}`)).text();
    expect(read).not.toContain('top-secret-1');

    // A job read with GET and PUT back keeps its secret ("set" means: unchanged).
    const put = await api.call('PUT', `/api/jobs/${job.id}`, { body: JSON.parse(read) });
    expect(put.status).toBe(200);
    expect((await api.deck.jobs.get(job.id)).notificationWebhooks).toEqual([
      { url: receiver.url, secret: 'top-secret-1' },
    ]);
    expect((await api.deck.audit.list({})).items.map((e) => JSON.stringify(e.details)).join()).not.toContain(
      'top-secret-1',
    );

    const bad = await api.call('PATCH', `/api/jobs/${job.id}`, {
      body: { notification_webhooks: [{ url: 'ftp://nope' }], notify_running_longer_than: -5 },
    });
    expect(bad.status).toBe(400);
    const problems = (await bad.json()).errors.map((e: { field: string }) => e.field);
    expect(problems).toEqual(expect.arrayContaining(['notify_running_longer_than']));

    const worker = await startWorker(api.deck);
    const notifier = api.deck.createNotifier({ pollMs: 50 });
    onCleanup(() => notifier.stop());
    await notifier.start();
    const run = await api.deck.runs.create(job.id);
    await finished(worker, run.id);
    await waitFor(async () => (await api.deck.notifications.forRun(run.id))[0]?.state === 'delivered');

    const response = await api.call('GET', `/api/runs/${run.id}/notifications`, { role: 'viewer' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.hits).toEqual([
      expect.objectContaining({
        run_id: run.id,
        event: 'finished',
        status: 'SUCCESS',
        channel: 'webhook',
        target: new URL(receiver.url).origin,
        state: 'delivered',
        attempts: 1,
        history: [expect.objectContaining({ attempt: 1, outcome: 'delivered', error: null })],
      }),
    ]);
    expect(JSON.stringify(body)).not.toContain('top-secret-1');
    expect((await api.call('GET', `/api/jobs/${job.id}/notifications`)).status).toBe(200);
    expect((await api.call('GET', '/api/runs/999999/notifications')).status).toBe(404);

    const doc = await (await api.call('GET', '/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/runs/{run_id}/notifications', '/jobs/{id}/notifications']),
    );
  });
});
