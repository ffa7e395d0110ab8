import { AsyncLocalStorage } from 'node:async_hooks';
import { format, inspect } from 'node:util';
import type { LogLevel } from '../domain/model.js';
import { withoutNul } from '../domain/run-result.js';

/** Takes a line a task printed (a run's log); returns false when its run no longer takes lines. */
export interface ConsoleTarget {
  write(level: LogLevel, message: string, fields: null): boolean;
}

const current = new AsyncLocalStorage<ConsoleTarget>();

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
      const target = current.getStore();
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
 */
export function withConsoleCapture<A extends unknown[], T>(
  target: ConsoleTarget,
  fn: (...args: A) => T,
  ...args: A
): T {
  install();
  return current.run(target, fn, ...args);
}

/**
 * Calls `fn` outside any run's capture. For work a run merely triggers but that is not the run's
 * own, such as the shared log writer: what it starts must not inherit (and keep alive) the run.
 */
export function outsideConsoleCapture<T>(fn: () => T): T {
  return current.exit(fn);
}
