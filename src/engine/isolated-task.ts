import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PartialSuccessError } from '../domain/errors.js';
import type { JsonObject, JsonValue } from '../domain/model.js';
import type { AnyTask, TaskContext } from '../domain/task.js';
import type { FromChild, ToChild } from './isolation-protocol.js';
import { LOADER_ENV } from './typescript-modules.js';
import { OUTBOUND_ALLOW_ENV, OutboundPolicy } from './outbound-policy.js';

export interface IsolationOptions {
  /** After the signal aborts, how long the child gets before SIGKILL (default 5 s). */
  killGraceMs?: number;
  /** A module (usually the config file) that exports the custom tasks; default $JOBDECK_TASKS_MODULE. */
  tasksModule?: string | undefined;
}

// Compiled (dist/) or run from the sources through tsx: the runner sits next to this module.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const RUNNER = fileURLToPath(new URL(FROM_SOURCES ? './child-runner.ts' : './child-runner.js', import.meta.url));

/**
 * Run from the sources, the child needs tsx's loader (by absolute path: the child may run in any
 * working directory). Compiled, it needs none: a TypeScript tasks module registers tsx itself
 * when it is imported (typescript-modules.ts), so tsx stays an optional dependency.
 */
function childExecArgv(): string[] {
  if (!FROM_SOURCES) return [];
  const tsx = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  return ['--import', pathToFileURL(path.join(tsx, 'dist/loader.mjs')).href];
}

/**
 * The same task, run in a child process: the returned task forwards logs, progress and the
 * result from the child, and on abort sends SIGTERM, then SIGKILL after the grace period, so the
 * task ends for certain even if it ignores its signal or blocks the event loop.
 */
export function isolatedTask(task: AnyTask, options: IsolationOptions = {}): AnyTask {
  const killGraceMs = options.killGraceMs ?? 5000;
  return {
    ...task,
    run: (ctx: TaskContext, args: never) => runInChild(task, ctx, args, killGraceMs, options.tasksModule),
  };
}

function runInChild(
  task: AnyTask,
  ctx: TaskContext,
  args: unknown,
  killGraceMs: number,
  tasksModule: string | undefined,
): Promise<JsonValue | void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (tasksModule) env.JOBDECK_TASKS_MODULE = tasksModule;
    if (FROM_SOURCES) env[LOADER_ENV] = '1';
    // The child obeys the same outbound policy as the worker.
    if (ctx.outbound instanceof OutboundPolicy) env[OUTBOUND_ALLOW_ENV] = ctx.outbound.allow.join(',');
    const child: ChildProcess = fork(RUNNER, [], {
      env,
      execArgv: childExecArgv(),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let settled: { ok: true; value: JsonValue | null } | { ok: false; error: Error } | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    // What the task prints goes to the run's log, as for tasks running in the worker.
    if (child.stdout) createInterface({ input: child.stdout }).on('line', (line) => ctx.log.info(line));
    if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => ctx.log.warn(line));

    const onAbort = () => {
      const reason = ctx.signal.reason instanceof Error ? ctx.signal.reason.message : 'Aborted.';
      if (child.connected) child.send({ type: 'abort', message: reason } satisfies ToChild);
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), killGraceMs);
      killTimer.unref();
    };
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener('abort', onAbort, { once: true });

    child.on('message', (message: FromChild) => {
      if (message.type === 'log') ctx.log[message.level](message.message, message.fields ?? undefined);
      else if (message.type === 'progress') ctx.progress(message.counters);
      else if (message.type === 'warn') ctx.warn(message.message, message.fields ?? undefined);
      else if (message.type === 'result') settled = { ok: true, value: message.value };
      else settled = { ok: false, error: childError(message) };
    });
    child.on('error', (error) => {
      settled ??= { ok: false, error };
    });
    child.on('exit', (code, signal) => {
      clearTimeout(killTimer);
      ctx.signal.removeEventListener('abort', onAbort);
      if (settled?.ok) resolve(settled.value);
      else if (settled) reject(settled.error);
      else {
        const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
        reject(new Error(`The isolated process of task "${task.id}" ${how} before it returned a result.`));
      }
    });
    const start: ToChild = {
      type: 'start',
      taskId: task.id,
      args,
      since: ctx.since?.toISOString() ?? null,
      run: JSON.parse(JSON.stringify(ctx.run)) as JsonObject,
      job: JSON.parse(JSON.stringify(ctx.job)) as JsonObject,
    };
    child.send(start);
  });
}

function childError(message: Extract<FromChild, { type: 'error' }>): Error {
  const error =
    message.erroredEntries !== null
      ? new PartialSuccessError(message.message, message.erroredEntries)
      : Object.assign(new Error(message.message), { name: message.name });
  if (message.stack) error.stack = message.stack;
  return error;
}
