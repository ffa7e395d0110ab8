import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Jobdeck } from '../../../src/service/jobdeck.js';
import type { NotificationServiceOptions } from '../../../src/notifications/notification-service.js';
import { signBody } from '../../../src/notifications/channels.js';
import { jobToWire } from '../../../src/wire/wire.js';
import { openTestDeck, startWorker, finished } from '../../support/deck.js';
import { onCleanup } from '../../support/fixtures.js';
import { startSmtpServer, startWebhookReceiver, waitFor } from '../../support/notification-receivers.js';

const PUBLIC_URL = 'https://jobs.example.org';
// The receivers listen on loopback, which the outbound policy refuses unless allowed.
const LOOPBACK_ALLOWED = { outbound: { allow: ['127.0.0.1'] } };

/** Fast retries and polling, so the tests wait milliseconds, not minutes. */
function startNotifier(deck: Jobdeck, options: NotificationServiceOptions = {}) {
  const notifier = deck.createNotifier({
    publicUrl: PUBLIC_URL,
    mailFrom: 'jobdeck@example.org',
    pollMs: 50,
    retryBaseMs: 100,
    timeoutMs: 2000,
    ...options,
  });
  onCleanup(() => notifier.stop());
  return notifier;
}

/** A TCP port where nothing listens (a server that was started and closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('notifications', () => {
  it('e-mails the chosen endings over SMTP: subject, text, escaped HTML and a link to the run', async () => {
    const smtp = await startSmtpServer();
    const deck = await openTestDeck(LOOPBACK_ALLOWED);
    const worker = await startWorker(deck);
    await startNotifier(deck, { smtp: smtp.url }).start();
    const job = await deck.jobs.create({
      title: 'Import <b>&"orgs"</b>',
      task: 'test.fail',
      notificationEmails: ['ops@example.org', 'lead@example.org'],
      notificationStatuses: ['FAILED'],
    });
    const run = await deck.runs.create(job.id);
    expect((await finished(worker, run.id)).status).toBe('FAILED');

    await waitFor(() => smtp.mails.length >= 2);
    const mail = smtp.mails.find((m) => m.to.includes('ops@example.org'))!;
    expect(mail.from).toBe('jobdeck@example.org');
    expect(mail.subject).toBe('FAILED: Import <b>&"orgs"</b>');
    expect(mail.text).toContain('Status: FAILED');
    expect(mail.text).toContain(`Run: #${run.id} Manual run`);
    expect(mail.text).toMatch(/Duration: \d+ (ms|s)/);
    expect(mail.text).toContain('TypeError: boom');
    expect(mail.text).toContain(`${PUBLIC_URL}/admin/runs/${run.id}`);
    expect(mail.html).toContain('Import &lt;b&gt;&amp;&quot;orgs&quot;&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>&"orgs"</b>');
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/admin/runs/${run.id}">`);

    const deliveries = await waitFor(async () => {
      const list = await deck.notifications.forRun(run.id);
      return list.every((n) => n.state === 'delivered') && list.length === 2 && list;
    });
    expect(deliveries.map((n) => n.target).sort()).toEqual(['lead@example.org', 'ops@example.org']);
    expect(deliveries[0]).toMatchObject({ channel: 'email', event: 'finished', status: 'FAILED', attempts: 1 });
    expect(deliveries[0]!.history).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'delivered', error: null }),
    ]);
  });

  it('does not tell about endings that were not chosen', async () => {
    const smtp = await startSmtpServer();
    const deck = await openTestDeck(LOOPBACK_ALLOWED);
    const worker = await startWorker(deck);
    const notifier = startNotifier(deck, { smtp: smtp.url });
    const job = await deck.jobs.create({
      title: 'Quiet',
      task: 'test.echo',
      notificationEmails: ['ops@example.org'],
      notificationStatuses: ['FAILED'],
    });
    const run = await deck.runs.create(job.id);
    expect((await finished(worker, run.id)).status).toBe('SUCCESS');
    await notifier.tick();
    expect(await deck.notifications.forRun(run.id)).toEqual([]);
    expect(smtp.mails).toEqual([]);
  });

  it('POSTs signed JSON to webhooks and retries with growing waits after 500s', async () => {
    const receiver = await startWebhookReceiver((n) => (n <= 2 ? 500 : 204));
    const deck = await openTestDeck(LOOPBACK_ALLOWED);
    const worker = await startWorker(deck);
    await startNotifier(deck).start();
    const job = await deck.jobs.create({
      title: 'Hooked',
      task: 'test.echo',
      notificationStatuses: ['SUCCESS'],
      notificationWebhooks: [{ url: receiver.url, secret: 's3cret-value' }],
    });
    // The secret is write-only: reads say "set".
    expect(jobToWire(job, { tasks: deck.tasks.registry, role: 'admin' }).notification_webhooks).toEqual([
      { url: receiver.url, secret: 'set' },
    ]);
    expect(JSON.stringify(jobToWire(job, { tasks: deck.tasks.registry, role: 'admin' }))).not.toContain('s3cret-value');
    const run = await deck.runs.create(job.id);
    await finished(worker, run.id);

    await waitFor(() => receiver.received.length >= 3);
    for (const hook of receiver.received) {
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.headers['x-jobdeck-signature']).toBe(signBody('s3cret-value', hook.body));
      expect(Number(hook.headers['x-jobdeck-timestamp'])).toBeGreaterThan(1_700_000_000);
    }
    const body = JSON.parse(receiver.received[2]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      event: 'finished',
      status: 'SUCCESS',
      job: { id: job.id, title: 'Hooked' },
      run: { id: run.id, status: 'SUCCESS' },
      url: `${PUBLIC_URL}/admin/runs/${run.id}`,
      attempt: 3,
    });
    // Backoff: 100 ms before the 2nd attempt, 400 ms before the 3rd.
    const [a, b, c] = receiver.received.map((r) => r.time);
    expect(b! - a!).toBeGreaterThanOrEqual(90);
    expect(c! - b!).toBeGreaterThanOrEqual(390);

    const [delivery] = await waitFor(async () => {
      const list = await deck.notifications.forRun(run.id);
      return list[0]?.state === 'delivered' && list;
    });
    expect(delivery!.history.map((h) => [h.attempt, h.outcome, h.error])).toEqual([
      [1, 'failed', 'HTTP 500: receiver says no'],
      [2, 'failed', 'HTTP 500: receiver says no'],
      [3, 'delivered', null],
    ]);
    expect(receiver.received).toHaveLength(3);
  });

  it('a failing SMTP server neither fails nor delays the run; its failed attempts are recorded', async () => {
    const port = await closedPort();
    const deck = await openTestDeck(LOOPBACK_ALLOWED);
    const worker = await startWorker(deck);
    await startNotifier(deck, {
      smtp: `smtp://mailer:hunter2-secret@127.0.0.1:${port}`,
      maxAttempts: 2,
      retryBaseMs: 50,
    }).start();
    const job = await deck.jobs.create({
      title: 'Unlucky mail',
      task: 'test.echo',
      notificationEmails: ['ops@example.org'],
      notificationStatuses: ['SUCCESS'],
    });
    const run = await deck.runs.create(job.id);
    expect((await finished(worker, run.id)).status).toBe('SUCCESS');
    const ended = await deck.runs.get(run.id);
    expect(ended.status).toBe('SUCCESS');
    expect(ended.finishedAt!.getTime() - ended.startedAt!.getTime()).toBeLessThan(1000);

    const [delivery] = await waitFor(async () => {
      const list = await deck.notifications.forRun(run.id);
      return list[0]?.state === 'failed' && list;
    });
    expect(delivery!.attempts).toBe(2);
    expect(delivery!.history).toHaveLength(2);
    for (const attempt of delivery!.history) {
      expect(attempt.outcome).toBe('failed');
      expect(attempt.error).toMatch(/ECONNREFUSED|connect/i);
      expect(attempt.error).not.toContain('hunter2-secret');
    }
    expect(await deck.runs.get(run.id)).toMatchObject({ status: 'SUCCESS' });
  });

  it('tells about missed schedule slots', async () => {
    const receiver = await startWebhookReceiver();
    const deck = await openTestDeck(LOOPBACK_ALLOWED);
    const notifier = startNotifier(deck);
    const job = await deck.jobs.create({
      title: 'Every minute',
      task: 'test.echo',
      schedule: { type: 'interval', minutes: 1 },
      misfirePolicy: 'skip',
      notificationWebhooks: [{ url: receiver.url }],
    });
    // A scheduler that starts 5 minutes late finds missed slots and, with misfire "skip", records them.
    const late = Date.now() + 5 * 60_000 + 1000;
    const scheduler = deck.createScheduler({ now: () => late });
    await scheduler.fireDue();
    const skipped = await deck.store.skippedSlotList(job.id, 10, 0);
    expect(skipped.total).toBeGreaterThanOrEqual(4);

    // One message for the whole firing, however many slots it found missed.
    await waitFor(async () => {
      await notifier.tick();
      return receiver.received.length >= 1;
    });
    for (let i = 0; i < 3; i += 1) await notifier.tick();
    expect(receiver.received).toHaveLength(1);
    const body = JSON.parse(receiver.received[0]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      event: 'missed',
      status: 'MISSED',
      run: null,
      job: { id: job.id },
      url: `${PUBLIC_URL}/admin/jobs/${job.id}`,
      slot: { count: skipped.total, reason: expect.stringMatching(/^missed:/) as unknown },
    });
    expect(receiver.received[0]!.headers['x-jobdeck-signature']).toBeUndefined();
    const list = await deck.notifications.forJob(job.id);
    expect(list.every((n) => n.event === 'missed' && n.runId === null)).toBe(true);
  });

  it('tells once when a run runs longer than its job allows', async () => {
    const receiver = await startWebhookReceiver();
    const deck = await openTestDeck(LOOPBACK_ALLOWED);
    const worker = await startWorker(deck);
    const notifier = startNotifier(deck);
    await notifier.start();
    const job = await deck.jobs.create({
      title: 'Slow one',
      task: 'test.block',
      notifyRunningLongerThan: 1,
      notificationWebhooks: [{ url: receiver.url, secret: 'k' }],
    });
    const run = await deck.runs.create(job.id);
    await waitFor(() => receiver.received.length >= 1);
    const body = JSON.parse(receiver.received[0]!.body) as Record<string, never>;
    expect(body).toMatchObject({
      event: 'running_long',
      status: 'RUNNING_LONG',
      run: { id: run.id, status: 'RUNNING' },
    });
    // Later passes find the same run still running and send nothing more.
    for (let i = 0; i < 5; i += 1) await notifier.tick();
    expect(receiver.received).toHaveLength(1);
    await deck.runs.stop(run.id);
    await finished(worker, run.id);
    expect((await deck.notifications.forRun(run.id)).map((n) => n.event)).toEqual(['running_long']);
  });

  it('loses nothing across a restart: what one notifier enqueued, the next one delivers', async () => {
    const receiver = await startWebhookReceiver();
    const deck = await openTestDeck(LOOPBACK_ALLOWED);
    const worker = await startWorker(deck);
    const job = await deck.jobs.create({
      title: 'Restarted',
      task: 'test.echo',
      notificationStatuses: ['SUCCESS'],
      notificationWebhooks: [{ url: receiver.url }],
    });
    const run = await deck.runs.create(job.id);
    await finished(worker, run.id);
    // The first process finds the event and writes the outbox row, then dies before sending.
    const first = startNotifier(deck);
    expect(await first.enqueueEvents()).toBe(1);
    await first.stop();
    expect(receiver.received).toHaveLength(0);
    expect((await deck.notifications.forRun(run.id))[0]).toMatchObject({ state: 'pending', attempts: 0 });
    await startNotifier(deck).start();
    await waitFor(() => receiver.received.length === 1);
    expect((await deck.notifications.forRun(run.id))[0]).toMatchObject({ attempts: 1 });
  });

  it('delivers each notification once with two notifiers sharing the database', async () => {
    const receiver = await startWebhookReceiver();
    const deck = await openTestDeck(LOOPBACK_ALLOWED);
    const worker = await startWorker(deck);
    const job = await deck.jobs.create({
      title: 'Shared',
      task: 'test.echo',
      notificationStatuses: ['SUCCESS'],
      notificationWebhooks: [{ url: receiver.url }],
    });
    const runs = [];
    for (let i = 0; i < 10; i += 1) runs.push(await deck.runs.create(job.id));
    for (const run of runs) await finished(worker, run.id);
    const a = startNotifier(deck);
    const b = startNotifier(deck);
    await Promise.all([a.start(), b.start()]);
    await waitFor(() => receiver.received.length >= 10);
    await Promise.all([a.tick(), b.tick()]);
    const ids = receiver.received
      .map((r) => (JSON.parse(r.body) as { run: { id: number } }).run.id)
      .sort((x, y) => x - y);
    expect(ids).toEqual(runs.map((r) => r.id).sort((x, y) => x - y));
  });
});
