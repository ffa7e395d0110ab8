/**
 * Worker processes announce themselves (the `workers` table): how often, and when silence means
 * the process is gone. One place, read by the worker, maintenance and the API.
 */

/** A worker renews its row this often by default (one UPDATE: an idle process does 0.1 per second). */
export const WORKER_BEAT_MS = 10_000;

/** No heartbeat for this long (three missed beats) and the worker is taken for dead. */
export const WORKER_DEAD_AFTER_MS = 30_000;

/** Rows of ended workers are kept this long for the Workers page, then pruned. */
export const WORKER_KEEP_ENDED_MS = 24 * 3600 * 1000;

export type WorkerState = 'running' | 'stopped' | 'died';

/** A worker's state at `now`: ended as recorded, or died when its heartbeat expired unnoticed yet. */
export function workerState(worker: { ended: 'stopped' | 'died' | null; heartbeatAt: Date }, now: number): WorkerState {
  if (worker.ended) return worker.ended;
  return worker.heartbeatAt.getTime() < now - WORKER_DEAD_AFTER_MS ? 'died' : 'running';
}
