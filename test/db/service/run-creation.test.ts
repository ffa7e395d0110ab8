import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/domain/errors.js';
import { openTestDeck } from '../../support/deck.js';

// The run service remembers the jobs it read, so a run needs no read before its insert; these
// check that a job changed or deleted since is never run as it was remembered.
describe('run creation from a remembered job', () => {
  it('follows the job’s changes, its last success and its deletion', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'J', task: 'test.echo', args: { lines: ['a'] } });
    expect((await deck.runs.create(job.id)).args).toMatchObject({ lines: ['a'] });

    await deck.jobs.update(job.id, { args: { lines: ['b'] } });
    expect((await deck.runs.create(job.id)).args).toMatchObject({ lines: ['b'] });

    // The remembered task (test.echo) would refuse `partial`; the job's task now takes it.
    await deck.jobs.update(job.id, { task: 'test.fail', args: {} });
    const failing = await deck.runs.create(job.id, { args: { partial: true } });
    expect(failing).toMatchObject({ task: 'test.fail', args: { partial: true }, since: null });

    // No since given: the start of the last success.
    const claimed = await deck.store.runClaim({ queues: ['default'], limit: 10, workerId: 'w' });
    expect(claimed).toHaveLength(3);
    await deck.store.runsFinish(
      claimed.map((run) => ({
        id: run.id,
        workerId: 'w',
        attempt: 1,
        status: 'SUCCESS',
        message: null,
        result: null,
        progress: {},
      })),
    );
    const latest = Math.max(...claimed.map((run) => run.startedAt!.getTime()));
    const next = await deck.runs.create(job.id);
    expect(next.since?.getTime()).toBe(latest);
    await deck.runs.stop(next.id);

    await deck.jobs.delete(job.id);
    await expect(deck.runs.create(job.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
