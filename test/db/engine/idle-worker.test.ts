import { describe, expect, it } from 'vitest';
import { openTestDeck, startWorker } from '../../support/deck.js';

describe('an idle worker', () => {
  it('takes a retry when its backoff ends, without polling (the poll is 30 s by default)', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Flaky', task: 'test.fail', maxAttempts: 2, retryBackoffSeconds: 1 });
    await startWorker(deck);
    const run = await deck.runs.create(job.id);
    // Well under the poll: only the timer set for the retry's available_at can start it.
    const outcome = await deck.runs.waitForEnd(run.id, { timeoutMs: 15_000 });
    expect(outcome).toMatchObject({ status: 'FAILED', attempt: 2 });
  });
});
