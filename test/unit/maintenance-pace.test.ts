import { afterEach, describe, expect, it, vi } from 'vitest';
import { Maintenance } from '../../src/engine/maintenance.js';
import type { Store } from '../../src/storage/store.js';
import type { StoreListener } from '../../src/storage/notifier.js';

/** The parts of a store the sweep uses, counting its calls. */
function countingStore() {
  const calls = { rescue: 0, words: 0 };
  let listener: StoreListener | undefined;
  let pendingWords = 0;
  const store = {
    runsRescue: async () => {
      calls.rescue += 1;
      return [];
    },
    logWordsIndex: async () => {
      calls.words += 1;
      const indexed = pendingWords;
      pendingWords = 0;
      return indexed;
    },
    workersSweep: async () => ({ died: 0, pruned: 0 }),
    subscribe: (l: StoreListener) => {
      listener = l;
      return () => (listener = undefined);
    },
  } as unknown as Store;
  const announce = (words = 0) => {
    pendingWords += words;
    listener?.({ type: 'changed', runIds: [1] });
  };
  return { store, calls, announce };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('maintenance pace', () => {
  it('sweeps at the active pace after a run is announced and slows down when nothing is', async () => {
    vi.useFakeTimers();
    const { store, calls, announce } = countingStore();
    const maintenance = new Maintenance(store, { intervalMs: 1000, idleIntervalMs: 30_000, activeWindowMs: 5000 });
    await maintenance.start();
    expect(calls).toEqual({ rescue: 1, words: 1 });

    // Active for 5 s after start: a rescue each second. Words: nothing was announced.
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls.rescue).toBe(5);
    expect(calls.words).toBe(1);

    // Idle: one rescue and one indexing pass in the next 30 s.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls.rescue).toBe(6);
    expect(calls.words).toBe(2);

    // An announcement: the active pace again, and words indexed until a pass finds none.
    announce(10);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls.rescue).toBe(9);
    expect(calls.words).toBe(4);
    await maintenance.stop();
  });
});
