import { describe, expect, it } from 'vitest';
import { openTestDeck, startWorker, started } from '../../support/deck.js';
import { nextEvent, useTestDatabase } from '../../support/fixtures.js';
import { testDialect } from '../../support/test-database.js';

/**
 * Without change announcements: PostgreSQL behind a transaction pooler with no direct URL to
 * LISTEN on (`listenUrl: ''` overrides JOBDECK_LISTEN_URL), where other processes' writes are
 * polled for; SQLite, where they always are. The bounds docs/deployment.md promises: a stop ends
 * the run within 1 s, a due schedule fires within 1 s of its time.
 */
function pollingUrl(url: string): string {
  return testDialect() === 'postgres' ? `${url}&pooler=transaction` : url;
}

describe('without LISTEN (transaction pooler, no listen URL)', () => {
  it('ends a run stopped by another process within 1 s, and fires a schedule saved there within 1 s of its time', async () => {
    const url = pollingUrl(useTestDatabase().url);
    const workerSide = await openTestDeck({ listenUrl: '' }, url);
    const adminSide = await openTestDeck({ listenUrl: '' }, url);
    if (testDialect() === 'postgres') expect(workerSide.store.location).toMatch(/transaction pooler/);
    const worker = await startWorker(workerSide);
    const scheduler = workerSide.createScheduler();
    await scheduler.start();
    const block = await adminSide.jobs.create({ title: 'Block', task: 'test.block' });
    const run = await adminSide.runs.create(block.id);
    await started(worker, run.id);
    const asked = Date.now();
    await adminSide.runs.stop(run.id);
    const done = await workerSide.runs.waitForEnd(run.id, { timeoutMs: 5000 });
    expect(done.status).toBe('CANCELLED');
    // Bound 1 s (poll 0.5 s + the queries); 1.5 s leaves room for a saturated CI machine (1,018 ms seen).
    expect(Date.now() - asked).toBeLessThan(1500);

    const fired = nextEvent(
      (l: (r: unknown) => void) => (scheduler.on('fired', l), () => scheduler.off('fired', l)),
      () => true,
      5000,
    );
    const job = await adminSide.jobs.create({
      title: 'Every second',
      task: 'test.echo',
      schedule: { type: 'interval', seconds: 1 },
    });
    await fired;
    // The first slot is one interval after the save.
    expect(Date.now() - (job.created.getTime() + 1000)).toBeLessThan(1500);
    await scheduler.stop();
  });
});
