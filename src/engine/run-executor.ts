import { PartialSuccessError } from '../domain/errors.js';
import type { Job, JsonObject, LogLevel, Run, RunProgress } from '../domain/model.js';
import { issuesToFieldErrors } from '../domain/run-args.js';
import { capRunResult, jsonWithoutNul, withoutNul } from '../domain/run-result.js';
import type { AnyTask, LogFields, TaskContext } from '../domain/task.js';
import type { RunOutcome } from '../storage/store.js';
import { withConsoleCapture } from './console-capture.js';
import type { LogSink } from './log-sink.js';
import { abortKind, type AbortState, type RunAbort } from './run-abort.js';

export interface ExecutionEnv {
  workerId: string;
  logs: LogSink;
  /** Stores counters while the run goes on (throttled by the caller). */
  reportProgress(runId: number, progress: Partial<RunProgress>): void;
  resultLimitBytes?: number;
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

function describeError(error: unknown): string {
  if (error instanceof Error) return withoutNul(error.stack ?? `${error.name}: ${error.message}`);
  return withoutNul(`Thrown value: ${String(error)}`);
}

/**
 * Runs one claimed run's task to completion and says how it ended. Never throws: every outcome,
 * including a task that throws or a stop, becomes a RunOutcome.
 */
export async function executeRun(
  run: Run,
  job: Job,
  task: AnyTask,
  abort: RunAbort,
  env: ExecutionEnv,
  firstSeq = 1,
): Promise<RunOutcome> {
  const progress: Partial<RunProgress> = {};
  // Numbering, the per-run cap and batching live in the sink; the worker closes the log.
  const runLog = env.logs.open(run.id, firstSeq);
  const log = (level: LogLevel) => (message: string, fields?: LogFields) =>
    void runLog.write(level, withoutNul(String(message)), toJsonFields(fields));
  const ctx: TaskContext = {
    since: run.since,
    // Made on first use: most tasks never look at it.
    get signal() {
      return abort.signal;
    },
    log: {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      drain: () => env.logs.drain(),
    },
    progress(counters) {
      for (const key of ['total', 'inserted', 'updated', 'errored'] as const) {
        const value = counters[key];
        // Counters are whole numbers (BIGINT columns); anything else would fail the final write.
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
          progress[key] = Math.min(Math.round(value), Number.MAX_SAFE_INTEGER);
        }
      }
      env.reportProgress(run.id, { ...progress });
    },
    job,
    run,
  };
  const outcome = (status: RunOutcome['status'], message: string | null, result: unknown = null): RunOutcome => ({
    id: run.id,
    workerId: env.workerId,
    attempt: run.attempt,
    status,
    message,
    result: capRunResult(result, env.resultLimitBytes),
    progress,
  });

  const parsed = task.args.safeParse(run.args);
  if (!parsed.success) {
    const fields = issuesToFieldErrors(parsed.error.issues, 'args')
      .map((e) => `${e.field}: ${e.messages.join('; ')}`)
      .join('\n');
    return outcome('FAILED', `The run's arguments do not fit task "${task.id}":\n${fields}`);
  }

  try {
    // What the task prints with console.* while it runs goes to this run's log too.
    const result = await withConsoleCapture(
      (level, message) => runLog.write(level, withoutNul(message), null),
      () => task.run(ctx, parsed.data as never),
    );
    return settle(
      abort,
      () => {
        const errored = progress.errored ?? 0;
        return errored > 0
          ? outcome('PARTIAL_SUCCESS', `${errored} entries failed.`, result)
          : outcome('SUCCESS', null, result);
      },
      outcome,
      result,
    );
  } catch (error) {
    return settle(
      abort,
      () => {
        if (error instanceof PartialSuccessError) {
          progress.errored = error.erroredEntries;
          return outcome('PARTIAL_SUCCESS', error.message);
        }
        return outcome('FAILED', describeError(error));
      },
      outcome,
    );
  }
}

/** An abort decides the final state whatever the task did afterwards. */
function settle(
  abort: AbortState,
  ended: () => RunOutcome,
  outcome: (status: RunOutcome['status'], message: string | null, result?: unknown) => RunOutcome,
  result?: unknown,
): RunOutcome {
  const kind = abortKind(abort);
  const reason = abort.reason instanceof Error ? abort.reason.message : '';
  if (kind === 'stop') return outcome('CANCELLED', reason, result);
  if (kind === 'shutdown' || kind === 'timeout') return outcome('FAILED', reason, result);
  return ended();
}
