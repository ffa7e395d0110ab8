import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { isLoopback, startServer } from '../../../src/http/server.js';
import { onCleanup } from '../../support/fixtures.js';
import { openTestDeck } from '../../support/deck.js';

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('server start', () => {
  it('tells loopback addresses from the others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'jobs.example.org']) expect(isLoopback(host), host).toBe(false);
  });

  it('warns when it listens beyond this machine with /metrics open, not with a metrics token', async () => {
    const deck = await openTestDeck();
    const open = capturingLogger();
    const server = await startServer(deck, 0, '0.0.0.0', { logger: open.logger, adminUi: false, metricsToken: '' });
    onCleanup(() => server.close());
    expect(open.lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      'listening on 0.0.0.0, beyond this machine, with /metrics open: set JOBDECK_METRICS_TOKEN to require a token',
    ]);

    const guarded = capturingLogger();
    const other = await startServer(deck, 0, '0.0.0.0', {
      logger: guarded.logger,
      adminUi: false,
      metricsToken: 'm'.repeat(32),
    });
    onCleanup(() => other.close());
    const local = await startServer(deck, 0, '127.0.0.1', { logger: guarded.logger, adminUi: false, metricsToken: '' });
    onCleanup(() => local.close());
    expect(guarded.lines.filter((l) => l.level === 40)).toEqual([]);
  });

  it('builds the app at the first request: concurrent first requests all answer, /metrics too', async () => {
    const deck = await openTestDeck();
    const server = await startServer(deck, 0, '127.0.0.1', { adminUi: false, metricsToken: '' });
    onCleanup(() => server.close());
    const [health, metrics, missing] = await Promise.all([
      fetch(`${server.url}/healthz`),
      fetch(`${server.url}/metrics`),
      fetch(`${server.url}/api/jobs`),
    ]);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('jobdeck_worker_slots');
    expect(missing.status).toBe(401);
  });

  it('answers the liveness probe at once, under the base path, before the app is built', async () => {
    const deck = await openTestDeck();
    const server = await startServer(deck, 0, '127.0.0.1', { adminUi: false, basePath: '/jd' });
    onCleanup(() => server.close());
    const health = await fetch(`${server.url}/jd/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    // Anything else loads the app, and /healthz is then the app's own.
    expect((await fetch(`${server.url}/jd/api/jobs`)).status).toBe(401);
    const after = await fetch(`${server.url}/jd/healthz`);
    expect(await after.json()).toEqual({ status: 'ok' });
  });

  it('refuses a wrong base path or sign-in URL at start, before the app is built', async () => {
    const deck = await openTestDeck();
    expect(() => startServer(deck, 0, '127.0.0.1', { basePath: 'no-slash' })).toThrow(/basePath/);
    expect(() => startServer(deck, 0, '127.0.0.1', { signInUrl: 'javascript:alert(1)' })).toThrow(/must be a path/);
  });
});
