import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigurationError } from '../../../src/domain/errors.js';
import { defineTask } from '../../../src/domain/task.js';
import { createApp } from '../../../src/http/app.js';
import { createJobdeck } from '../../../src/service/jobdeck.js';
import { openTestDeck, testTasks } from '../../support/deck.js';
import { newRun, onCleanup, useTestDatabase } from '../../support/fixtures.js';

describe('deck.start() and deck.stop()', () => {
  it('runs work, rescues a dead worker’s run, and stops idempotently', async () => {
    const deck = await openTestDeck({
      maintenance: { leaseMs: 1500, intervalMs: 100 },
      worker: { heartbeatMs: 200 },
    });
    const job = await deck.jobs.create({ title: 'E', task: 'test.echo' });
    // A run claimed by a worker that then died (kill -9): its lease is never renewed.
    await deck.store.runCreate(newRun(job.id, { task: 'test.echo', maxAttempts: 2 }));
    const [lost] = await deck.store.runClaim({ queues: ['default'], limit: 1, workerId: 'dead' });
    await Promise.all([deck.start(), deck.start()]);
    onCleanup(() => deck.stop());

    // Rescued by the maintenance start() brought up, then run by its worker.
    const rescued = await deck.runs.waitForEnd(lost!.id, { timeoutMs: 10_000, pollMs: 100 });
    expect(rescued).toMatchObject({ status: 'SUCCESS', attempt: 2 });
    const run = await deck.enqueue('test.echo', { lines: ['hi'] });
    expect(await deck.runs.waitForEnd(run.id, { timeoutMs: 10_000 })).toMatchObject({ status: 'SUCCESS' });

    await Promise.all([deck.stop(), deck.stop()]);
    await deck.stop();
    const queued = await deck.enqueue('test.echo', {});
    // Stopped: nothing takes the run; started again: it runs.
    expect((await deck.runs.get(queued.id)).status).toBe('QUEUED');
    await deck.start({ scheduler: false });
    expect(await deck.runs.waitForEnd(queued.id, { timeoutMs: 10_000 })).toMatchObject({ status: 'SUCCESS' });
    await deck.close();
    await deck.close();
  });

  it('refuses an inline isolated task before anything runs, with a clear error', async () => {
    const inline = defineTask({
      id: 'test.inline-isolated',
      title: 'Inline',
      description: 'Isolated but not loadable by path',
      isolate: true,
      args: z.object({}),
      run: () => undefined,
    });
    const deck = await openTestDeck({ tasks: [...testTasks, inline] });
    await expect(deck.start()).rejects.toThrow(ConfigurationError);
    await expect(deck.start()).rejects.toThrow(/"test.inline-isolated" has isolate: true.*tasksModule/);
    expect(() => deck.createWorker()).toThrow(/tasksModule/);
    // With a module the child can load it from, it is accepted.
    expect(() => deck.createWorker({ tasksModule: '/srv/app/jobdeck.config.js' })).not.toThrow();
  });

  it('logs by default, so a 500 of the API can be found', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const silentByDefault = await createJobdeck({ database: useTestDatabase().url, tasks: testTasks });
    onCleanup(() => silentByDefault.close());
    expect(silentByDefault.logger.level).toBe(process.env.JOBDECK_LOG_LEVEL ?? 'info');

    const deck = await openTestDeck({ logger: pino({ level: 'info' }, sink) });
    const app = createApp(deck);
    const broken = deck.jobs.list.bind(deck.jobs);
    deck.jobs.list = () => broken().then(() => Promise.reject(new Error('disk on fire')));
    const token = await deck.tokens.create({ name: 'a', role: 'admin' });
    const response = await app.request('http://localhost/api/jobs', {
      headers: { authorization: `Bearer ${token.secret}` },
    });
    expect(response.status).toBe(500);
    expect(lines.join('')).toContain('disk on fire');
  });
});
