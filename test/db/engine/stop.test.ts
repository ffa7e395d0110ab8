import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/domain/errors.js';
import { finished, openTestDeck, startWorker, started } from '../../support/deck.js';
import { useTestDatabase } from '../../support/fixtures.js';

describe('stopping runs', () => {
  it('cancels a queued run at once', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Block', task: 'test.block' });
    const run = await deck.runs.create(job.id);
    expect(await deck.runs.stop(run.id)).toMatchObject({ status: 'CANCELLED', message: 'Stopped before it started.' });
  });

  it('aborts a running run held by a worker of another connection within a second', async () => {
    const url = useTestDatabase().url;
    const workerSide = await openTestDeck({}, url);
    const adminSide = await openTestDeck({}, url);
    const job = await adminSide.jobs.create({ title: 'Block', task: 'test.block' });
    const worker = await startWorker(workerSide);
    const run = await adminSide.runs.create(job.id);
    await started(worker, run.id);
    // The promise is the worker's: it settles when the aborted run's final state is written, not
    // when the admin side's notification arrives (which a loaded CI machine may delay).
    const ended = finished(worker, run.id).then(() => Date.now());
    const asked = Date.now();
    expect((await adminSide.runs.stop(run.id)).status).toBe('CANCELLING');
    const done = await adminSide.runs.waitForEnd(run.id, { timeoutMs: 5000 });
    expect(done.status).toBe('CANCELLED');
    expect((await ended) - asked).toBeLessThan(1000);
    expect((await adminSide.runs.logs(run.id)).map((l) => l.message)).toEqual(['blocking']);
  });

  it('refuses to stop a finished run with a clear error', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Echo', task: 'test.echo' });
    const worker = await startWorker(deck);
    const run = await deck.runs.create(job.id);
    await finished(worker, run.id);
    await expect(deck.runs.stop(run.id)).rejects.toThrow(ConflictError);
    await expect(deck.runs.stop(run.id)).rejects.toThrow(/already finished \(SUCCESS\)/);
  });

  it('on worker stop, lets runs finish within the grace period, then records the rest as interrupted', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Block', task: 'test.block' });
    const worker = await startWorker(deck, { shutdownGraceMs: 300, abortGraceMs: 300 });
    const quick = await deck.runs.create(job.id, { args: { ms: 50 } });
    const slow = await deck.runs.create(job.id);
    const stubborn = await deck.runs.create(job.id, { args: { ignoreAbort: true } });
    await Promise.all([quick, slow, stubborn].map((r) => started(worker, r.id)));
    await worker.stop();
    expect((await deck.runs.get(quick.id)).status).toBe('SUCCESS');
    for (const run of [slow, stubborn]) {
      expect(await deck.runs.get(run.id)).toMatchObject({
        status: 'FAILED',
        message: expect.stringMatching(/worker shut down/),
      });
    }
    await worker.stop(); // idempotent
  });
});
