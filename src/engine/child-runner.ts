/**
 * The entry point of a child process that runs one isolated task (see isolated-task.ts). It finds
 * the task by id among the built-in tasks and those of the tasks module (the config file) the
 * worker names, runs it, and sends logs, progress and the outcome back over IPC.
 */
import { PartialSuccessError } from '../domain/errors.js';
import type { Job, JsonObject, Run } from '../domain/model.js';
import type { AnyTask, LogFields, TaskContext } from '../domain/task.js';
import { builtinTasks, demoTasks } from '../tasks/index.js';
import type { FromChild, ToChild } from './isolation-protocol.js';
import { toJsonFields } from './run-executor.js';
import { OutboundPolicy } from './outbound-policy.js';
import { importUserModule } from './typescript-modules.js';
import { NO_SUB_RUNS } from './sub-runs.js';

function send(message: FromChild): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

async function loadTasks(): Promise<AnyTask[]> {
  const tasks: AnyTask[] = [...builtinTasks, ...demoTasks];
  const module = process.env.JOBDECK_TASKS_MODULE;
  if (module) {
    const loaded = (await importUserModule(module)) as { default?: unknown; tasks?: unknown };
    let exported: unknown = loaded.default ?? loaded;
    if (typeof exported === 'function') exported = await (exported as () => unknown)();
    const list = Array.isArray(exported) ? exported : (exported as { tasks?: unknown }).tasks;
    if (Array.isArray(list)) tasks.unshift(...(list as AnyTask[]));
  }
  return tasks;
}

const controller = new AbortController();
// The worker's SIGTERM (stop or timeout) aborts the signal; SIGKILL follows if the task ignores it.
process.on('SIGTERM', () => controller.abort(new Error('Terminated by the worker.')));
process.on('SIGINT', () => undefined);
// The worker is gone (kill -9, crash): its run will be rescued and run elsewhere, so this copy
// must not go on (nor linger as an orphan).
process.on('disconnect', () => process.exit(1));

process.on('message', (message: ToChild) => {
  if (message.type === 'abort') controller.abort(new Error(message.message));
  else if (message.type === 'start') void start(message);
});

async function start(message: Extract<ToChild, { type: 'start' }>): Promise<void> {
  try {
    const task = (await loadTasks()).find((t) => t.id === message.taskId);
    if (!task) throw new Error(`Task "${message.taskId}" cannot be loaded in an isolated process.`);
    const log = (level: 'debug' | 'info' | 'warn' | 'error') => (text: string, fields?: LogFields) =>
      void send({ type: 'log', level, message: String(text), fields: toJsonFields(fields) });
    const ctx: TaskContext = {
      since: message.since ? new Date(message.since) : null,
      signal: controller.signal,
      log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), drain: async () => {} },
      progress: (counters) => void send({ type: 'progress', counters }),
      warn: (text, fields) => void send({ type: 'warn', message: String(text), fields: toJsonFields(fields) }),
      job: message.job as unknown as Job,
      run: message.run as unknown as Run,
      outbound: OutboundPolicy.from(),
      subRuns: NO_SUB_RUNS,
    };
    const value = await task.run(ctx, message.args as never);
    await send({ type: 'result', value: (value ?? null) as JsonObject | null });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    await send({
      type: 'error',
      name: err.name,
      message: err.message,
      stack: err.stack ?? null,
      erroredEntries: error instanceof PartialSuccessError ? error.erroredEntries : null,
    });
  }
  process.exit(0);
}
