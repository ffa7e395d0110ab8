import { AsyncLocalStorage } from 'node:async_hooks';
import { format, inspect } from 'node:util';
import type { LogLevel } from '../domain/model.js';
import { withoutNul } from '../domain/run-result.js';
import { isPromiseLike } from './maybe-promise.js';

/** Takes a line a task printed (a run's log); returns false when its run no longer takes lines. */
export interface ConsoleTarget {
  write(level: LogLevel, message: string, fields: null): boolean;
}

const current = new AsyncLocalStorage<ConsoleTarget>();
/** The target of a run of a task known to return at once, while its task is being called. */
let syncTarget: ConsoleTarget | undefined;
/** Runs executing under `current` (tasks that returned a promise, or not seen yet). */
let asyncRuns = 0;
/** Tasks whose last run returned at once (see withConsoleCapture). */
const syncTasks = new WeakSet<object>();

const LEVELS = { debug: 'debug', trace: 'debug', log: 'info', info: 'info', warn: 'warn', error: 'error' } as const;
type Method = keyof typeof LEVELS | 'dir';

let installed = false;

/**
 * Routes `console.*` calls made inside `withConsoleCapture` to that run's log. Each run's code
 * executes in its own async context, so runs executing at the same time in one process never see
 * each other's lines; output outside any run (or after its log closed) goes to the real console.
 * The patch is applied once per process and is inert outside runs.
 */
function install(): void {
  if (installed) return;
  installed = true;
  // This module's whole purpose is to wrap the console, so the rule against using it does not apply.
  const patched = console as unknown as Record<Method, (...args: unknown[]) => void>;
  for (const method of [...Object.keys(LEVELS), 'dir'] as Method[]) {
    const original = patched[method].bind(console);
    patched[method] = (...args: unknown[]) => {
      const target = syncTarget ?? current.getStore();
      if (target) {
        const message = method === 'dir' ? inspect(args[0], { depth: 4 }) : format(...args);
        const level: LogLevel = method === 'dir' ? 'info' : LEVELS[method];
        // trace prints a stack on a real console; keep it in the run's line as well.
        const text =
          method === 'trace' ? `Trace: ${message}\n${new Error().stack?.split('\n').slice(2).join('\n')}` : message;
        if (target.write(level, withoutNul(text), null)) return;
      }
      original(...args);
    };
  }
}

/**
 * Calls `fn(...args)` with everything it (and whatever it starts) prints through `console` going
 * to `target`. Arguments rather than a closure: this runs once per run.
 *
 * The async context costs the whole process: on Node 20, while an AsyncLocalStorage is enabled
 * every promise (the database driver's too) goes through its hooks, ~5 µs of a short run's ~45 µs
 * of worker CPU (docs/performance.md, "Worker CPU per run and micro-optimisations"). So a task
 * whose last run returned at once (`key`, its task) is called with a plain variable as its target
 * instead: what it prints during the call is captured; whatever it leaves behind prints after its
 * run ended, when the log refuses lines anyway. The storage is enabled only while runs that
 * returned a promise (or that of a task not seen yet) execute. A "sync" task that returns a promise
 * after all is captured up to its first await this once, and fully from its next run on.
 */
export function withConsoleCapture<A extends unknown[], T>(
  target: ConsoleTarget,
  key: object,
  fn: (...args: A) => T,
  ...args: A
): T {
  install();
  if (syncTasks.has(key)) {
    const outer = syncTarget;
    syncTarget = target;
    let returned: T;
    try {
      returned = fn(...args);
    } finally {
      syncTarget = outer;
    }
    if (isPromiseLike(returned)) syncTasks.delete(key);
    return returned;
  }
  asyncRuns += 1;
  let returned: T;
  try {
    returned = current.run(target, fn, ...args);
  } catch (error) {
    endAsyncRun();
    throw error;
  }
  if (!isPromiseLike(returned)) {
    syncTasks.add(key);
    endAsyncRun();
    return returned;
  }
  return Promise.resolve(returned).finally(endAsyncRun) as T;
}

function endAsyncRun(): void {
  asyncRuns -= 1;
  // Off until the next such run: its hooks would slow every promise of the process meanwhile.
  if (asyncRuns === 0) current.disable();
}

/**
 * Calls `fn` outside any run's capture. For work a run merely triggers but that is not the run's
 * own, such as the shared log writer: what it starts must not inherit (and keep alive) the run.
 */
export function outsideConsoleCapture<T>(fn: () => T): T {
  const outer = syncTarget;
  syncTarget = undefined;
  try {
    return current.exit(fn);
  } finally {
    syncTarget = outer;
  }
}
