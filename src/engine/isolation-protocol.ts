import type { JsonObject, JsonValue, LogLevel, RunProgress } from '../domain/model.js';

/** Messages between a worker and the child process running an isolated task (over IPC). */

/** Worker → child: what to run. Dates travel as ISO text. */
interface StartMessage {
  type: 'start';
  taskId: string;
  args: unknown;
  since: string | null;
  run: JsonObject;
  job: JsonObject;
}

/** Worker → child: the run's signal aborted (stop, timeout, shutdown). */
interface AbortMessage {
  type: 'abort';
  message: string;
}

export type ToChild = StartMessage | AbortMessage;

export type FromChild =
  | { type: 'log'; level: LogLevel; message: string; fields: JsonObject | null }
  | { type: 'progress'; counters: Partial<RunProgress> }
  // ctx.warn in the child: the worker's ctx.warn records it (log line and the WARNING ending).
  | { type: 'warn'; message: string; fields: JsonObject | null }
  | { type: 'result'; value: JsonValue | null }
  | { type: 'error'; name: string; message: string; stack: string | null; erroredEntries: number | null };
