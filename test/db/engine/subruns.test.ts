import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTask } from '../../../src/domain/task.js';
import { fanOutTask } from '../../../src/tasks/index.js';
import { openTestDeck, startWorker, started, testTasks } from '../../support/deck.js';

/** Creates echo sub-runs (or tries to, with bad arguments), then throws. */
const fanThenFail = defineTask({
  id: 'test.fan-then-fail',
  title: 'Fan out, then fail',
  description: 'Creates sub-runs of test.echo, then throws',
  args: z.object({ badArgs: z.boolean().default(false) }),
  async run(ctx, args) {
    if (args.badArgs) {
      try {
        await ctx.subRuns.create([{ args: { lines: ['a'] } }, { args: { lines: 'not a list' } }], {
          task: 'test.echo',
        });
      } catch (error) {
        return { refused: (error as { errors?: unknown }).errors ?? null } as never;
      }
    }
    await ctx.subRuns.create([{ args: { lines: ['one'] } }, { args: {} }], { task: 'test.echo' });
    throw new Error('the parent broke');
  },
});

/** Creates a warning test.echo sub-run (and a failing one if asked), then warns itself if asked. */
const fanThenWarn = defineTask({
  id: 'test.fan-then-warn',
  title: 'Fan out, then warn',
  description: 'Creates sub-runs, then returns, with a warning if asked',
  args: z.object({ parentWarns: z.boolean(), failChild: z.boolean() }),
  async run(ctx, args) {
    await ctx.subRuns.create([{ args: { warnings: ['a child warned'] } }], { task: 'test.echo' });
    if (args.failChild) await ctx.subRuns.create([{ args: {} }], { task: 'test.fail' });
    if (args.parentWarns) ctx.warn('the parent warned');
  },
});

const tasks = [...testTasks, fanOutTask, fanThenFail, fanThenWarn];

describe('sub-runs (fan-out)', () => {
  it('ends a 500-record fan-out PARTIAL_SUCCESS once its last sub-run has, with the counters', async () => {
    const deck = await openTestDeck({ tasks });
    const job = await deck.jobs.create({ title: 'Fan out', task: 'demo.fan-out' });
    await startWorker(deck, { concurrency: 10 });
    const since = new Date('2026-01-02T03:04:05Z');
    const parent = await deck.runs.create(job.id, { args: { records: 500, fail_every: 7 }, since });
    const done = await deck.runs.waitForEnd(parent.id, { timeoutMs: 20_000 });
    expect(done).toMatchObject({
      status: 'PARTIAL_SUCCESS',
      subRuns: { total: 500, completed: 500, failed: Math.floor(500 / 7) },
      message: `${Math.floor(500 / 7)} of 500 sub-runs failed.`,
      // The children's entry counters add up on the parent.
      progress: { inserted: 500 - Math.floor(500 / 7) },
    });
    const children = await deck.runs.list({ parentRunId: parent.id, size: 100 });
    expect(children.total).toBe(500);
    expect(children.items[0]).toMatchObject({ parentRunId: parent.id, since, title: 'Record 1 of 500' });
    // Lists show top-level runs unless asked for sub-runs.
    expect((await deck.runs.list({ jobId: job.id })).total).toBe(1);
    expect((await deck.runs.list({ jobId: job.id, includeSubRuns: true })).total).toBe(501);
    // `since` looks at top-level runs only; children's successes do not count.
    const next = await deck.runs.create(job.id, { args: { records: 1, fail_every: 0 } });
    expect(next.since).toBeNull();
  });

  it('ends SUCCESS when no sub-run fails', async () => {
    const deck = await openTestDeck({ tasks });
    const job = await deck.jobs.create({ title: 'Fan out', task: 'demo.fan-out' });
    await startWorker(deck);
    const ok = await deck.runs.create(job.id, { args: { records: 20, fail_every: 0 } });
    expect(await deck.runs.waitForEnd(ok.id, { timeoutMs: 10_000 })).toMatchObject({
      status: 'SUCCESS',
      subRuns: { total: 20, completed: 20, failed: 0 },
    });
  });

  it('ends FAILED when the parent code threw, after its sub-runs; refuses bad sub-run arguments by field', async () => {
    const deck = await openTestDeck({ tasks });
    const job = await deck.jobs.create({ title: 'Fan then fail', task: 'test.fan-then-fail' });
    await startWorker(deck);
    const failed = await deck.runs.create(job.id);
    expect(await deck.runs.waitForEnd(failed.id, { timeoutMs: 10_000 })).toMatchObject({
      status: 'FAILED',
      message: expect.stringMatching(/the parent broke/),
      subRuns: { total: 2, completed: 2, failed: 0 },
    });
    const children = await deck.runs.list({ parentRunId: failed.id });
    expect(children.items.map((r) => [r.task, r.status])).toEqual([
      ['test.echo', 'SUCCESS'],
      ['test.echo', 'SUCCESS'],
    ]);
    const refused = await deck.runs.create(job.id, { args: { badArgs: true } });
    const ended = await deck.runs.waitForEnd(refused.id, { timeoutMs: 10_000 });
    expect(ended.result).toEqual({ refused: [{ field: 'items.1.args.lines', messages: [expect.any(String)] }] });
  });

  it("ends WARNING when the parent's own code warned; a sub-run's warning or failure does not", async () => {
    const deck = await openTestDeck({ tasks });
    const job = await deck.jobs.create({ title: 'Fan then warn', task: 'test.fan-then-warn' });
    await startWorker(deck);
    const end = async (args: { parentWarns: boolean; failChild: boolean }) => {
      const parent = await deck.runs.create(job.id, { args });
      return deck.runs.waitForEnd(parent.id, { timeoutMs: 10_000 });
    };
    expect(await end({ parentWarns: true, failChild: false })).toMatchObject({
      status: 'WARNING',
      message: 'the parent warned',
      subRuns: { total: 1, completed: 1, failed: 0 },
    });
    // A sub-run that warned ends WARNING itself; its parent is not told of it.
    const quiet = await end({ parentWarns: false, failChild: false });
    expect(quiet).toMatchObject({ status: 'SUCCESS', subRuns: { total: 1, completed: 1, failed: 0 } });
    const child = await deck.runs.list({ parentRunId: quiet.id });
    expect(child.items.map((r) => [r.status, r.message])).toEqual([['WARNING', 'a child warned']]);
    // A failed sub-run decides over the parent's warning, as errored entries do.
    expect(await end({ parentWarns: true, failChild: true })).toMatchObject({
      status: 'PARTIAL_SUCCESS',
      message: '1 of 2 sub-runs failed.',
    });
  });

  it('stopping the parent leaves no sub-run QUEUED or RUNNING within 5 s', async () => {
    const deck = await openTestDeck({ tasks });
    const job = await deck.jobs.create({ title: 'Fan out', task: 'demo.fan-out' });
    const worker = await startWorker(deck, { concurrency: 4 });
    const parent = await deck.runs.create(job.id, { args: { records: 200, fail_every: 0, record_ms: 60_000 } });
    await started(worker, parent.id);
    // Wait until the parent's code has returned and its first children run.
    for (let i = 0; i < 100 && (await deck.runs.get(parent.id)).status !== 'WAITING'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await deck.runs.get(parent.id)).status).toBe('WAITING');
    const asked = Date.now();
    expect((await deck.runs.stop(parent.id)).status).toBe('CANCELLED');
    for (;;) {
      const active = await deck.runs.list({ parentRunId: parent.id, status: 'QUEUED,RUNNING,CANCELLING', size: 1 });
      if (active.total === 0) break;
      expect(Date.now() - asked).toBeLessThan(5000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await deck.runs.get(parent.id)).toMatchObject({
      status: 'CANCELLED',
      subRuns: { total: 200, completed: 200, failed: 200 },
    });
  });
});
