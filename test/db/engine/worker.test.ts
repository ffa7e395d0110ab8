import { describe, expect, it } from 'vitest';
import { finished, openTestDeck, startWorker, started } from '../../support/deck.js';

describe('worker', () => {
  it('runs a task to SUCCESS with its result, logs in order and the job in its context', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Echo job', task: 'test.echo' });
    const worker = await startWorker(deck);
    const lines = Array.from({ length: 700 }, (_, i) => `line ${i}`);
    const run = await deck.runs.create(job.id, { args: { lines } });
    await finished(worker, run.id);
    const done = await deck.runs.get(run.id);
    expect(done).toMatchObject({
      status: 'SUCCESS',
      result: { since: null, job: 'Echo job', run: run.id },
      attempt: 1,
    });
    expect(done.finishedAt!.getTime()).toBeGreaterThanOrEqual(done.startedAt!.getTime());
    const logs = [...(await deck.runs.logs(run.id, { size: 1000 }))];
    expect(logs.map((l) => l.message)).toEqual(lines);
    expect(logs[5]).toMatchObject({ seq: 6, level: 'info', fields: { i: 5 } });
  });

  it('records a throw as FAILED with message and stack, and a partial success as PARTIAL_SUCCESS', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Failing', task: 'test.fail' });
    const worker = await startWorker(deck);
    const failed = await deck.runs.create(job.id);
    await finished(worker, failed.id);
    const f = await deck.runs.get(failed.id);
    expect(f.status).toBe('FAILED');
    // The stack is kept apart from the message viewers read.
    expect(f.message).toBe('TypeError: boom');
    expect(f.errorStack).toMatch(/^TypeError: boom\n\s+at /);
    expect((await deck.runs.logs(failed.id)).map((l) => l.level)).toEqual(['warn']);

    const partial = await deck.runs.create(job.id, { args: { partial: true } });
    await finished(worker, partial.id);
    expect(await deck.runs.get(partial.id)).toMatchObject({
      status: 'PARTIAL_SUCCESS',
      message: '3 records were invalid',
      progress: { errored: 3 },
    });
  });

  it('ends PARTIAL_SUCCESS when a task reports errored entries, with its counters', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Counts', task: 'test.echo' });
    const worker = await startWorker(deck);
    const run = await deck.runs.create(job.id, { args: { errored: 2 } });
    await finished(worker, run.id);
    expect(await deck.runs.get(run.id)).toMatchObject({
      status: 'PARTIAL_SUCCESS',
      progress: { total: 10, inserted: 8, updated: null, errored: 2 },
    });
  });

  it('defaults since to the start of the last successful run', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Since', task: 'test.echo' });
    const worker = await startWorker(deck);
    const first = await deck.runs.create(job.id);
    expect(first.since).toBeNull();
    await finished(worker, first.id);
    const firstDone = await deck.runs.get(first.id);
    const second = await deck.runs.create(job.id);
    expect(second.since).toEqual(firstDone.startedAt);
    await finished(worker, second.id);
    expect((await deck.runs.get(second.id)).result).toMatchObject({ since: firstDone.startedAt!.toISOString() });
    const explicit = await deck.runs.create(job.id, { since: '2020-05-01T00:00:00Z' });
    expect(explicit.since).toEqual(new Date('2020-05-01T00:00:00Z'));
  });

  it('runs at most `concurrency` runs at once and only from its queues', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Block', task: 'test.block' });
    const worker = await startWorker(deck, { concurrency: 2, prefetch: 0, queues: ['default'] });
    const runs = [];
    // The first two block until stopped, so a slow machine cannot let the third start early.
    for (let i = 0; i < 2; i++) runs.push(await deck.runs.create(job.id));
    runs.push(await deck.runs.create(job.id, { args: { ms: 1 } }));
    const elsewhere = await deck.runs.create(job.id, { queue: 'other', args: { ms: 1 } });
    await Promise.all([started(worker, runs[0]!.id), started(worker, runs[1]!.id)]);
    expect(worker.inFlight).toBe(2);
    expect((await deck.runs.get(runs[2]!.id)).status).toBe('QUEUED');
    const third = finished(worker, runs[2]!.id);
    await deck.runs.stop(runs[0]!.id);
    await deck.runs.stop(runs[1]!.id);
    await third;
    expect((await deck.runs.get(elsewhere.id)).status).toBe('QUEUED');
  });

  it('claims ahead into a buffer and gives back runs it cannot start soon', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Block', task: 'test.block' });
    const busy = await startWorker(deck, { concurrency: 1, prefetch: 1, prefetchTtlMs: 200 });
    const first = await deck.runs.create(job.id, { args: { ms: 5000 } });
    await started(busy, first.id);
    const second = await deck.runs.create(job.id, { args: { ms: 1 } });
    // The busy worker holds the second run for at most its prefetch TTL, then an idle one gets it.
    const idle = await startWorker(deck, { concurrency: 1, prefetch: 0 });
    await finished(idle, second.id);
    expect((await deck.runs.get(second.id)).attempt).toBe(1);
  });

  it('sizes its default buffer from the pace of runs: long runs are not hoarded', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Block', task: 'test.block' });
    const runs = [];
    for (let i = 0; i < 30; i += 1) runs.push(await deck.runs.create(job.id, { args: { ms: 150 } }));
    const worker = await startWorker(deck, { concurrency: 2, prefetchTtlMs: 200 });
    // By the seventh start the pace is known (one run per ~75 ms): the buffer is the concurrency.
    await started(worker, runs[6]!.id);
    await started(worker, runs[8]!.id);
    // Held: up to 2 executing, at most 2 buffered, and runs whose final state is still being
    // written (at most the two just ended). Between one run's end and the next claim only one may
    // be held, so the floor is 1. A fixed buffer of the default maximum would hold every run left.
    const held = await deck.store.runsHeldBy(worker.id);
    expect(held.length).toBeGreaterThanOrEqual(1);
    expect(held.length).toBeLessThanOrEqual(6);
  });

  it('fails a run whose custom args no longer fit, naming the field', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Echo', task: 'test.echo' });
    const worker = await startWorker(deck);
    // Written straight to the store, as an older version of the task might have accepted it.
    const run = await deck.store.runCreate({
      jobId: job.id,
      task: 'test.echo',
      title: 't',
      queue: 'default',
      args: { lines: 'nope' },
      customArgs: null,
      since: null,
      startedBy: 'test',
    });
    await finished(worker, run.id);
    expect((await deck.runs.get(run.id)).message).toMatch(/args\.lines/);
  });

  it('stores output holding NUL characters (PostgreSQL cannot) with U+FFFD in their place', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Binary', task: 'test.echo' });
    const worker = await startWorker(deck);
    const run = await deck.runs.create(job.id, { args: { lines: ['bin\u0000ary'], result: { body: 'a\u0000b' } } });
    await finished(worker, run.id);
    expect(await deck.runs.get(run.id)).toMatchObject({ status: 'SUCCESS', result: { body: 'a\uFFFDb' } });
    expect((await deck.runs.logs(run.id))[0]!.message).toBe('bin\uFFFDary');
  });

  it('caps a large result with a marker', async () => {
    const deck = await openTestDeck();
    const job = await deck.jobs.create({ title: 'Big', task: 'test.echo' });
    const worker = await startWorker(deck);
    const run = await deck.runs.create(job.id, { args: { result: 'x'.repeat(200_000) } });
    await finished(worker, run.id);
    expect((await deck.runs.get(run.id)).result).toMatchObject({ truncated: true });
  });
});
