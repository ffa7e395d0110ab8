import { describe, expect, it } from 'vitest';
import { finished, startWorker } from '../../support/deck.js';
import { nextEvent, onCleanup } from '../../support/fixtures.js';
import { openTestApi, type TestApi } from '../../support/http.js';

async function scrape(api: TestApi, headers: Record<string, string> = {}): Promise<string> {
  const response = await api.call('GET', '/metrics', { role: null, headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one series, e.g. `jobdeck_log_lines_total{outcome="stored"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('exposes runs, durations, queue depth, worker slots, log lines, lateness and deliveries', async () => {
    const api = await openTestApi();
    const { deck } = api;
    const worker = await startWorker(deck, { queues: ['default'], concurrency: 4, logs: { maxLinesPerRun: 3 } });
    const job = await deck.jobs.create({ title: 'Echo', task: 'test.echo' });
    const run = await deck.runs.create(job.id, { args: { lines: ['a', 'b', 'c', 'd', 'e'] } });
    await finished(worker, run.id);
    const failing = await deck.jobs.create({ title: 'Fail', task: 'test.fail' });
    await finished(worker, (await deck.runs.create(failing.id)).id);
    await deck.runs.create(job.id, { queue: 'other' }); // no worker takes it: it stays QUEUED

    const scheduler = deck.createScheduler();
    const fired = nextEvent((listener) => {
      scheduler.on('fired', listener);
      return () => scheduler.off('fired', listener);
    });
    await deck.jobs.create({
      title: 'Every second',
      task: 'test.echo',
      queue: 'other', // no worker takes its runs, so the worker's slots stay as they are
      active: true,
      schedule: { type: 'interval', seconds: 1 },
    });
    await scheduler.start();
    onCleanup(() => scheduler.stop());
    await fired;
    await scheduler.stop();
    deck.metrics.notificationDelivered('email', 'sent');
    deck.metrics.notificationDelivered('webhook', 'failed');

    const text = await scrape(api);
    const echo = `job="${job.id}",task="test.echo",queue="default"`;
    expect(sample(text, `jobdeck_runs_finished_total{${echo},status="SUCCESS"}`)).toBe(1);
    expect(
      sample(text, `jobdeck_runs_finished_total{job="${failing.id}",task="test.fail",queue="default",status="FAILED"}`),
    ).toBe(1);
    expect(sample(text, 'jobdeck_run_duration_seconds_count{task="test.echo",queue="default",status="SUCCESS"}')).toBe(
      1,
    );
    // The run created by hand and at least one fired by the scheduler.
    expect(sample(text, 'jobdeck_queue_runs{queue="other",status="QUEUED"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'jobdeck_worker_slots{state="free"}')).toBe(4);
    expect(sample(text, 'jobdeck_worker_slots{state="busy"}')).toBe(0);
    // Echo: 3 lines kept + the cap's summary line; the failing task: 1 line.
    expect(sample(text, 'jobdeck_log_lines_total{outcome="stored"}')).toBe(5);
    expect(sample(text, 'jobdeck_log_lines_total{outcome="dropped"}')).toBe(2);
    expect(sample(text, 'jobdeck_scheduler_lateness_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'jobdeck_notification_deliveries_total{channel="email",outcome="sent"}')).toBe(1);
    expect(sample(text, 'jobdeck_notification_deliveries_total{channel="webhook",outcome="failed"}')).toBe(1);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('counts a retried run once, with its final status, not the attempts given back', async () => {
    const api = await openTestApi();
    const { deck } = api;
    const worker = await startWorker(deck, { queues: ['default'] });
    const job = await deck.jobs.create({ title: 'Retry', task: 'test.fail', maxAttempts: 2, retryBackoffSeconds: 0 });
    const statuses: string[] = [];
    const ended = new Promise<void>((resolve) => {
      worker.on('run:finished', (outcome) => {
        statuses.push(outcome.status);
        if (outcome.status === 'FAILED') resolve();
      });
    });
    await deck.runs.create(job.id);
    await ended;
    expect(statuses).toEqual(['QUEUED', 'FAILED']); // the first attempt given back, then the end

    const text = await scrape(api);
    const labels = `job="${job.id}",task="test.fail",queue="default"`;
    expect(sample(text, `jobdeck_runs_finished_total{${labels},status="FAILED"}`)).toBe(1);
    expect(text).not.toContain('status="QUEUED"}');
  });

  it('asks for the metrics token when one is configured, and takes no API token instead', async () => {
    const api = await openTestApi({}, { metricsToken: 'scrape-secret' });
    const anonymous = await api.call('GET', '/metrics', { role: null });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      status: 401,
      message: 'This endpoint needs the metrics token as a Bearer token.',
    });
    expect((await api.call('GET', '/metrics', { role: 'admin' })).status).toBe(401);
    const text = await scrape(api, { authorization: 'Bearer scrape-secret' });
    expect(text).toContain('jobdeck_queue_runs');
  });
});
