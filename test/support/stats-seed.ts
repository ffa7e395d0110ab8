import { expect } from 'vitest';
import type { RunProgress } from '../../src/domain/model.js';
import type { RunStatus } from '../../src/domain/run-status.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';
import { newRun, onCleanup, useTestDatabase } from './fixtures.js';

/** A store whose clock the test sets, so runs can be enqueued, started and ended "back then". */
export async function clockedStore(url = useTestDatabase().url): Promise<{ store: Store; at: (ms: number) => void }> {
  let now = Date.now();
  const store = await openStore(url, { now: () => now });
  onCleanup(() => store.close());
  return { store, at: (ms) => (now = ms) };
}

export interface SeededRun {
  jobId: string;
  /** Enqueued (and available) at this time. */
  created: number;
  /** Claimed this long after it was enqueued (default 0). */
  waitMs?: number;
  /** Ran this long (default 1000); null: still running. */
  durationMs?: number | null;
  status?: RunStatus;
  task?: string;
  queue?: string;
  progress?: Partial<RunProgress>;
}

/** Enqueues, claims and (unless still running) ends one run at the given times; returns its id. */
export async function seedRun(store: Store, at: (ms: number) => void, spec: SeededRun): Promise<number> {
  const queue = spec.queue ?? 'default';
  at(spec.created);
  const run = await store.runCreate(newRun(spec.jobId, { queue, task: spec.task ?? 'test.noop' }));
  const started = spec.created + (spec.waitMs ?? 0);
  at(started);
  const [claimed] = await store.runClaim({ queues: [queue], limit: 1, workerId: 'w' });
  expect(claimed?.id).toBe(run.id);
  if (spec.durationMs === null) return run.id;
  at(started + (spec.durationMs ?? 1000));
  const done = await store.runsFinish([
    {
      id: run.id,
      workerId: 'w',
      attempt: 1,
      status: spec.status ?? 'SUCCESS',
      message: null,
      result: null,
      progress: spec.progress ?? {},
    },
  ]);
  expect(done).toEqual([run.id]);
  return run.id;
}
