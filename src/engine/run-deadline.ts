import type { Run } from '../domain/model.js';
import type { RunOutcome } from '../storage/store.js';
import { abortKind, RunAbort, RunAbortedError, type AbortState } from './run-abort.js';
import { workerOutcome } from './run-completer.js';

export interface DeadlineOptions {
  /** Abort the run's signal after this many seconds; null: no limit. */
  timeoutSeconds: number | null;
  /** After any abort (stop, timeout, shutdown), how long the task may take to return. */
  graceMs: number;
  workerId: string;
}

/**
 * Runs `execute` under a timeout and makes every abort final: when the run aborts (timeout,
 * stop or shutdown) and the task has not returned within the grace period, the run ends anyway
 * with the abort's outcome and the slot is freed; whatever the task returns later is ignored
 * (an isolated task's process is killed instead). `execute` must not throw (it may reject).
 */
export function withDeadline(
  run: Run,
  parent: RunAbort,
  options: DeadlineOptions,
  execute: (abort: RunAbort) => Promise<RunOutcome>,
): Promise<RunOutcome> {
  const { timeoutSeconds, graceMs } = options;
  // Without a time limit the run's own abort serves: no second controller, no timer, no listener.
  const abort = timeoutSeconds === null ? parent : new RunAbort();
  let timeout: NodeJS.Timeout | undefined;
  let forward: (() => void) | undefined;
  if (abort !== parent) {
    forward = () => abort.abort(parent.reason);
    parent.onAbort(forward);
    timeout = setTimeout(
      () => abort.abort(new RunAbortedError('timeout', `Timed out after ${timeoutSeconds} s.`)),
      (timeoutSeconds ?? 0) * 1000,
    );
  }
  return new Promise<RunOutcome>((resolve, reject) => {
    let graceTimer: NodeJS.Timeout | undefined;
    const cleanUp = () => {
      clearTimeout(timeout);
      clearTimeout(graceTimer);
      abort.offAbort(onAbort);
      if (forward) parent.offAbort(forward);
    };
    const onAbort = () => {
      graceTimer = setTimeout(() => {
        cleanUp();
        resolve(abandonedOutcome(run, abort, options));
      }, graceMs);
    };
    abort.onAbort(onAbort);
    execute(abort).then(
      (outcome) => {
        cleanUp();
        resolve(outcome);
      },
      (error: unknown) => {
        cleanUp();
        reject(error);
      },
    );
  });
}

function abandonedOutcome(run: Run, abort: AbortState, options: DeadlineOptions): RunOutcome {
  const reason = abort.reason instanceof Error ? abort.reason.message : 'Aborted.';
  const note = `${reason} The task did not return within ${options.graceMs / 1000} s of its abort signal; a later result is ignored.`;
  return workerOutcome(run, options.workerId, abortKind(abort) === 'stop' ? 'CANCELLED' : 'FAILED', note);
}
