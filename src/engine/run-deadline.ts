import type { Run } from '../domain/model.js';
import type { RunOutcome } from '../storage/store.js';
import { abortKind, RunAbort, RunAbortedError, type AbortListener } from './run-abort.js';
import { workerOutcome } from './run-completer.js';
import type { MaybePromise } from './maybe-promise.js';

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
 * (an isolated task's process is killed instead). An outcome `execute` returns at once (a task
 * that did not return a promise) is returned at once.
 */
export function withDeadline(
  run: Run,
  parent: RunAbort,
  options: DeadlineOptions,
  execute: (abort: RunAbort) => MaybePromise<RunOutcome>,
): MaybePromise<RunOutcome> {
  if (options.timeoutSeconds === null) {
    // No time limit: the run's own abort serves, and only a task that returns a promise needs the
    // grace period after an abort (a Deadline is then made; one aborted meanwhile starts it at once).
    const result = execute(parent);
    return result instanceof Promise ? untilEnd(new Deadline(run, parent, options), result) : result;
  }
  const deadline = new Deadline(run, parent, options);
  let result: MaybePromise<RunOutcome>;
  try {
    result = execute(deadline.abort);
  } catch (error) {
    deadline.cleanUp();
    throw error;
  }
  if (!(result instanceof Promise)) {
    deadline.cleanUp();
    return result;
  }
  return untilEnd(deadline, result);
}

function untilEnd(deadline: Deadline, running: Promise<RunOutcome>): Promise<RunOutcome> {
  return new Promise<RunOutcome>((resolve, reject) => {
    deadline.settle(resolve, reject);
    running.then(
      (outcome) => deadline.end(outcome),
      (error: unknown) => deadline.fail(error),
    );
  });
}

/** One attempt's timers; a class rather than closures, as every run has one. */
class Deadline implements AbortListener {
  /** The attempt's abort: without a time limit the run's own serves (no timer, no second one). */
  readonly abort: RunAbort;
  #timeout: NodeJS.Timeout | undefined;
  #graceTimer: NodeJS.Timeout | undefined;
  #resolve: ((outcome: RunOutcome) => void) | undefined;
  #reject: ((error: unknown) => void) | undefined;

  constructor(
    readonly run: Run,
    parent: RunAbort,
    readonly options: DeadlineOptions,
  ) {
    const { timeoutSeconds } = options;
    if (timeoutSeconds === null) this.abort = parent;
    else {
      const abort = new RunAbort(parent);
      this.abort = abort;
      this.#timeout = setTimeout(
        () => abort.abort(new RunAbortedError('timeout', `Timed out after ${timeoutSeconds} s.`)),
        timeoutSeconds * 1000,
      );
    }
    this.abort.onAbort(this);
  }

  /** Where the attempt's outcome goes once the task's promise (or the grace period) ends. */
  settle(resolve: (outcome: RunOutcome) => void, reject: (error: unknown) => void): void {
    this.#resolve = resolve;
    this.#reject = reject;
  }

  /** The attempt aborted: the task gets the grace period to return. */
  handleAbort(): void {
    this.#graceTimer = setTimeout(() => this.end(this.#abandoned()), this.options.graceMs);
  }

  end(outcome: RunOutcome): void {
    this.cleanUp();
    this.#resolve?.(outcome);
  }

  fail(error: unknown): void {
    this.cleanUp();
    this.#reject?.(error);
  }

  cleanUp(): void {
    clearTimeout(this.#timeout);
    clearTimeout(this.#graceTimer);
    this.abort.offAbort(this);
    this.abort.detach();
  }

  #abandoned(): RunOutcome {
    const { abort, options } = this;
    const reason = abort.reason instanceof Error ? abort.reason.message : 'Aborted.';
    const note = `${reason} The task did not return within ${options.graceMs / 1000} s of its abort signal; a later result is ignored.`;
    return workerOutcome(this.run, options.workerId, abortKind(abort) === 'stop' ? 'CANCELLED' : 'FAILED', note);
  }
}
