import { describe, expect, it } from 'vitest';
import { CompletionBatcher } from '../../src/engine/completion-batcher.js';
import type { RunOutcome, Store } from '../../src/storage/store.js';

/** A store whose `runsFinish` calls wait until the test settles them, one by one. */
function fakeStore() {
  const calls: { ids: number[]; settle(error?: Error): void }[] = [];
  const waiters: (() => void)[] = [];
  const store = {
    runsFinish(outcomes: RunOutcome[]) {
      return new Promise<number[]>((resolve, reject) => {
        const ids = outcomes.map((o) => o.id);
        calls.push({ ids, settle: (error) => (error ? reject(error) : resolve(ids.filter((id) => id > 0))) });
        waiters.splice(0).forEach((wake) => wake());
      });
    },
  } as unknown as Store;
  /** Resolves once `count` statements have been sent. */
  const sent = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (calls.length >= count ? resolve() : waiters.push(check));
      check();
    });
  return { store, calls, sent };
}

const outcome = (id: number): RunOutcome => ({
  id,
  workerId: 'w',
  attempt: 1,
  status: 'SUCCESS',
  message: null,
  result: null,
  progress: {},
});

describe('CompletionBatcher', () => {
  it('outcomes of one turn share one statement', async () => {
    const { store, calls, sent } = fakeStore();
    const batcher = new CompletionBatcher(store);
    const done = [1, 2, 3].map((id) => batcher.finish(outcome(id)));
    await sent(1);
    expect(calls.map((c) => c.ids)).toEqual([[1, 2, 3]]);
    calls[0]!.settle();
    expect(await Promise.all(done)).toEqual([true, true, true]);
  });

  it('a second statement goes while one is in flight only for half a batch, never a third', async () => {
    const { store, calls, sent } = fakeStore();
    const batcher = new CompletionBatcher(store, { maxBatch: 4, maxInFlight: 2 });
    const first = batcher.finish(outcome(1));
    await sent(1);
    // One waiting outcome is less than half a batch: it waits for the write in flight.
    const second = batcher.finish(outcome(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(1);
    // Two are half a batch: a second statement goes at once.
    const third = batcher.finish(outcome(3));
    await sent(2);
    expect(calls.map((c) => c.ids)).toEqual([[1], [2, 3]]);
    const later = [4, 5, 6].map((id) => batcher.finish(outcome(id)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(2);
    // The second statement may settle first: the runs are not the same.
    calls[1]!.settle();
    expect(await Promise.all([second, third])).toEqual([true, true]);
    await sent(3);
    expect(calls[2]!.ids).toEqual([4, 5, 6]);
    calls[0]!.settle();
    calls[2]!.settle();
    expect(await Promise.all([first, ...later])).toEqual([true, true, true, true]);
  });

  it('a failed statement writes its outcomes one by one: only the refused one fails', async () => {
    const { store, calls, sent } = fakeStore();
    const batcher = new CompletionBatcher(store);
    const done = [1, -2, 3].map((id) => batcher.finish(outcome(id)).catch((error: Error) => error.message));
    await sent(1);
    calls[0]!.settle(new Error('batch refused'));
    await sent(4);
    expect(calls.slice(1).map((c) => c.ids)).toEqual([[1], [-2], [3]]);
    calls[1]!.settle();
    calls[2]!.settle(new Error('refused alone'));
    calls[3]!.settle();
    expect(await Promise.all(done)).toEqual([true, 'refused alone', true]);
  });
});
