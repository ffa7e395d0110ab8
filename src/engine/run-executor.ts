import { PartialSuccessError } from '../domain/errors.js';
import type { Job, JsonObject, LogLevel, Run, RunProgress } from '../domain/model.js';
import { issuesToFieldErrors } from '../domain/run-args.js';
import { returnedEnding, type RunWarnings } from '../domain/run-ending.js';
import { capRunResult, jsonWithoutNul, withoutNul } from '../domain/run-result.js';
import type { AnyTask, LogFields, OutboundClient, SubRuns, TaskContext, TaskLogger } from '../domain/task.js';
import type { RunOutcome } from '../storage/store.js';
import { withConsoleCapture } from './console-capture.js';
import { isPromiseLike, type MaybePromise } from './maybe-promise.js';
import type { LogSink, RunLog } from './log-sink.js';
import { abortKind, type AbortState, type RunAbort } from './run-abort.js';
import { NO_SUB_RUNS, type SubRunsFactory } from './sub-runs.js';

export interface ExecutionEnv {
  workerId: string;
  logs: LogSink;
  /** Stores counters while the run goes on (throttled by the caller). */
  reportProgress(runId: number, progress: Partial<RunProgress>): void;
  resultLimitBytes?: number;
  /** The outbound policy tasks' HTTP calls obey (ctx.outbound). */
  outbound: OutboundClient;
  /** `ctx.subRuns` (a worker's runs have it; without it creating sub-runs is refused). */
  subRuns?: SubRunsFactory | undefined;
}

/** Makes log fields JSON: errors keep their message and stack, other values go through JSON. */
export function toJsonFields(fields: LogFields | undefined): JsonObject | null {
  if (!fields || Object.keys(fields).length === 0) return null;
  try {
    return JSON.parse(
      jsonWithoutNul(
        JSON.stringify(fields, (_key, value: unknown) =>
          value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
        ),
      ),
    ) as JsonObject;
  } catch (error) {
    return { unserialisable: String(error) };
  }
}

/**
 * What everyone may read of a thrown error: its name and text. The stack trace (file paths, code
 * lines) goes apart, to `errorStack`, which only admins and the service log see.
 */
function describeError(error: unknown): { message: string; stack: string | null } {
  if (error instanceof Error) {
    return {
      message: withoutNul(`${error.name}: ${error.message}`),
      stack: error.stack ? withoutNul(error.stack) : null,
    };
  }
  return { message: withoutNul(`Thrown value: ${String(error)}`), stack: null };
}

/**
 * Runs one claimed run's task to completion and says how it ended. Never throws: every outcome,
 * including a task that throws or a stop, becomes a RunOutcome. Kept lean for the common short
 * run: no closure, logger or signal is made for what the task does not use, and a task that
 * returns at once (no promise) gets its outcome at once, without a promise.
 */
export function executeRun(
  run: Run,
  job: Job,
  task: AnyTask,
  abort: RunAbort,
  env: ExecutionEnv,
  firstSeq = 1,
): MaybePromise<RunOutcome> {
  // Numbering, the per-run cap and batching live in the sink; the worker closes the log.
  const runLog = env.logs.open(run.id, firstSeq, run.attempt);
  const progress: Partial<RunProgress> = {};
  const warnings: RunWarnings = { count: 0, first: null };
  const ctx = new RunContext(run, job, { abort, env, runLog, progress, warnings });

  const parsed = task.args.safeParse(run.args);
  if (!parsed.success) {
    const fields = issuesToFieldErrors(parsed.error.issues, 'args')
      .map((e) => `${e.field}: ${e.messages.join('; ')}`)
      .join('\n');
    return outcome(run, env, progress, 'FAILED', `The run's arguments do not fit task "${task.id}":\n${fields}`);
  }

  let returned: unknown;
  try {
    // What the task prints with console.* while it runs goes to this run's log too.
    returned = withConsoleCapture(runLog, task, runTask, task, ctx, parsed.data);
  } catch (error) {
    return thrownOutcome(run, env, progress, abort, error);
  }
  if (isPromiseLike(returned)) {
    return Promise.resolve(returned).then(
      (result) => returnedOutcome(run, env, progress, warnings, abort, result),
      (error: unknown) => thrownOutcome(run, env, progress, abort, error),
    );
  }
  return returnedOutcome(run, env, progress, warnings, abort, returned);
}

function returnedOutcome(
  run: Run,
  env: ExecutionEnv,
  progress: Partial<RunProgress>,
  warnings: RunWarnings,
  abort: AbortState,
  result: unknown,
): RunOutcome {
  // An abort decides the final state whatever the task did afterwards.
  const aborted = abortedOutcome(run, env, progress, abort, result);
  if (aborted) return aborted;
  const ending = returnedEnding(progress.errored ?? 0, warnings);
  return outcome(run, env, progress, ending.status, ending.message, result);
}

function thrownOutcome(
  run: Run,
  env: ExecutionEnv,
  progress: Partial<RunProgress>,
  abort: AbortState,
  error: unknown,
): RunOutcome {
  const aborted = abortedOutcome(run, env, progress, abort);
  if (aborted) return aborted;
  if (error instanceof PartialSuccessError) {
    progress.errored = error.erroredEntries;
    return outcome(run, env, progress, 'PARTIAL_SUCCESS', error.message);
  }
  const { message, stack } = describeError(error);
  return { ...outcome(run, env, progress, 'FAILED', message), errorStack: stack };
}

function runTask(task: AnyTask, ctx: TaskContext, args: unknown) {
  return task.run(ctx, args as never);
}

/**
 * A run's `ctx`: one object a run, its accessors on the prototype, instead of a literal with a
 * closure per method (five functions a run, a measurable share of a short run's allocations).
 * `progress` and `warn` are getters handing out bound functions, made on first use, so that a
 * task may still take them out of `ctx` (`({ progress }) => …`).
 */
class RunContext implements TaskContext {
  readonly since: Date | null;
  readonly outbound: OutboundClient;
  /** The worker's side of the run, out of the task's sight. */
  readonly #own: RunContextState;
  #logger: TaskLogger | undefined;
  #subRuns: SubRuns | undefined;
  #progress: TaskContext['progress'] | undefined;
  #warn: TaskContext['warn'] | undefined;

  constructor(
    readonly run: Run,
    readonly job: Job,
    own: RunContextState,
  ) {
    this.since = run.since;
    this.outbound = own.env.outbound;
    this.#own = own;
  }

  // Made on first use: most tasks never look at them.
  get signal(): AbortSignal {
    return this.#own.abort.signal;
  }

  get log(): TaskLogger {
    return (this.#logger ??= taskLogger(this.#own.runLog, this.#own.env.logs));
  }

  get subRuns(): SubRuns {
    const { env } = this.#own;
    return (this.#subRuns ??= env.subRuns ? env.subRuns(this.run, this.job) : NO_SUB_RUNS);
  }

  get progress(): TaskContext['progress'] {
    return (this.#progress ??= (counters) => {
      const { progress, env } = this.#own;
      for (const key of ['total', 'inserted', 'updated', 'errored'] as const) {
        const value = counters[key];
        // Counters are whole numbers (BIGINT columns); anything else would fail the final write.
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
          progress[key] = Math.min(Math.round(value), Number.MAX_SAFE_INTEGER);
        }
      }
      env.reportProgress(this.run.id, { ...progress });
    });
  }

  get warn(): TaskContext['warn'] {
    return (this.#warn ??= (message, fields) => {
      const { warnings, runLog } = this.#own;
      const text = withoutNul(String(message));
      warnings.count += 1;
      warnings.first ??= text;
      void runLog.write('warn', text, toJsonFields(fields));
    });
  }
}

interface RunContextState {
  abort: RunAbort;
  env: ExecutionEnv;
  runLog: RunLog;
  progress: Partial<RunProgress>;
  warnings: RunWarnings;
}

function taskLogger(runLog: RunLog, logs: LogSink): TaskLogger {
  const log = (level: LogLevel) => (message: string, fields?: LogFields) =>
    void runLog.write(level, withoutNul(String(message)), toJsonFields(fields));
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), drain: () => logs.drain() };
}

function outcome(
  run: Run,
  env: ExecutionEnv,
  progress: Partial<RunProgress>,
  status: RunOutcome['status'],
  message: string | null,
  result: unknown = null,
): RunOutcome {
  return {
    id: run.id,
    workerId: env.workerId,
    attempt: run.attempt,
    status,
    message,
    result: capRunResult(result, env.resultLimitBytes),
    progress,
  };
}

/** The outcome a stop, shutdown or timeout imposes, if the run was aborted by one. */
function abortedOutcome(
  run: Run,
  env: ExecutionEnv,
  progress: Partial<RunProgress>,
  abort: AbortState,
  result?: unknown,
): RunOutcome | undefined {
  const kind = abortKind(abort);
  if (!kind) return undefined;
  const reason = abort.reason instanceof Error ? abort.reason.message : '';
  return outcome(run, env, progress, kind === 'stop' ? 'CANCELLED' : 'FAILED', reason, result);
}
