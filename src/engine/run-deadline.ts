import type { Run } from '../domain/model.js';
import type { RunOutcome } from '../storage/store.js';
import { abortKind, RunAbortedError } from './run-abort.js';
import { workerOutcome } from './run-completer.js';

export interface DeadlineOptions {
  /** Abort the run's signal after this many seconds; null: no limit. */
  timeoutSeconds: number | null;
  /** After any abort (stop, timeout, shutdown), how long the task may take to return. */
  graceMs: number;
  workerId: string;
}

/**
 * Runs `execute` under a timeout and makes every abort final: when the signal aborts (timeout,
 * stop or shutdown) and the task has not returned within the grace period, the run ends anyway
 * with the abort's outcome and the slot is freed; whatever the task returns later is ignored
 * (an isolated task's process is killed instead).
 */
export async function withDeadline(
  run: Run,
  parent: AbortSignal,
  options: DeadlineOptions,
  execute: (signal: AbortSignal) => Promise<RunOutcome>,
): Promise<RunOutcome> {
  const controller = new AbortController();
  const forward = () => controller.abort(parent.reason);
  if (parent.aborted) forward();
  else parent.addEventListener('abort', forward, { once: true });
  const { timeoutSeconds, graceMs } = options;
  const timeout =
    timeoutSeconds === null
      ? undefined
      : setTimeout(
          () => controller.abort(new RunAbortedError('timeout', `Timed out after ${timeoutSeconds} s.`)),
          timeoutSeconds * 1000,
        );
  let graceTimer: NodeJS.Timeout | undefined;
  const abandoned = new Promise<RunOutcome>((resolve) => {
    const onAbort = () => {
      graceTimer = setTimeout(() => resolve(abandonedOutcome(run, controller.signal, options)), graceMs);
    };
    if (controller.signal.aborted) onAbort();
    else controller.signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([execute(controller.signal), abandoned]);
  } finally {
    clearTimeout(timeout);
    clearTimeout(graceTimer);
    parent.removeEventListener('abort', forward);
  }
}

function abandonedOutcome(run: Run, signal: AbortSignal, options: DeadlineOptions): RunOutcome {
  const reason = signal.reason instanceof Error ? signal.reason.message : 'Aborted.';
  const note = `${reason} The task did not return within ${options.graceMs / 1000} s of its abort signal; a later result is ignored.`;
  return workerOutcome(run, options.workerId, abortKind(signal) === 'stop' ? 'CANCELLED' : 'FAILED', note);
}
