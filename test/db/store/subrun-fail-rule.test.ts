import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTask, subRunFailRatio } from '../../../src/domain/task.js';
import type { RunOutcome, Store } from '../../../src/storage/store.js';
import { jobFixture, newRun, openTestStore } from '../../support/fixtures.js';

const ended = (id: number, workerId: string, status: RunOutcome['status']): RunOutcome => ({
  id,
  workerId,
  attempt: 1,
  status,
  message: null,
  result: null,
  progress: {},
});

/** A parent with four sub-runs, `failed` of which fail, under the rule `failRatio`; its final run. */
async function family(store: Store, failRatio: number | null, failed: number, parentFirst: boolean) {
  const job = await store.jobCreate(jobFixture());
  const parent = await store.runCreate(newRun(job.id));
  await store.runClaim({ queues: ['default'], limit: 1, workerId: 'p' });
  const children = [1, 2, 3, 4].map(() => newRun(job.id, { parentRunId: parent.id }));
  await store.subRunsCreate(parent.id, children, failRatio);
  const claimed = await store.runClaim({ queues: ['default'], limit: 4, workerId: 'c' });
  // The parent's code ends before its sub-runs (it waits) or after them (it ends at once).
  if (parentFirst) await store.runsFinish([ended(parent.id, 'p', 'SUCCESS')]);
  await store.runsFinish(claimed.map((run, i) => ended(run.id, 'c', i < failed ? 'FAILED' : 'SUCCESS')));
  if (!parentFirst) await store.runsFinish([ended(parent.id, 'p', 'SUCCESS')]);
  return (await store.runGet(parent.id))!;
}

describe('store conformance: the sub-run failure rule', () => {
  it('ends the parent FAILED by its rule, PARTIAL_SUCCESS below it, as before without one', async () => {
    const store = await openTestStore();
    const cases: [number | null, number, string][] = [
      [null, 1, 'PARTIAL_SUCCESS'],
      [null, 4, 'PARTIAL_SUCCESS'],
      [null, 0, 'SUCCESS'],
      [0, 1, 'FAILED'], // any
      [0, 0, 'SUCCESS'],
      [1, 3, 'PARTIAL_SUCCESS'], // all
      [1, 4, 'FAILED'],
      [0.5, 1, 'PARTIAL_SUCCESS'],
      [0.5, 2, 'FAILED'],
    ];
    for (const parentFirst of [true, false]) {
      for (const [ratio, failed, status] of cases) {
        const run = await family(store, ratio, failed, parentFirst);
        expect({ ratio, failed, parentFirst, status: run.status }).toEqual({ ratio, failed, parentFirst, status });
        if (failed > 0) expect(run.message).toBe(`${failed} of 4 sub-runs failed.`);
      }
    }
  });

  it("reads the rule from the task's subRuns.failWhen, and refuses a bad one", () => {
    expect([subRunFailRatio(undefined), subRunFailRatio('any'), subRunFailRatio('all')]).toEqual([null, 0, 1]);
    expect(subRunFailRatio({ ratio: 0.1 })).toBe(0.1);
    const task = (failWhen: unknown) =>
      defineTask({
        id: 'rule.test',
        title: 'Rule',
        description: 'A rule',
        args: z.object({}),
        subRuns: { failWhen: failWhen as 'any' },
        run: () => undefined,
      });
    expect(task({ ratio: 0.25 }).subRuns?.failWhen).toEqual({ ratio: 0.25 });
    for (const bad of ['some', { ratio: 0 }, { ratio: 1.5 }]) expect(() => task(bad)).toThrow(/failWhen/);
  });
});
