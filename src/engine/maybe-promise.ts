/**
 * The one place the engine returns "a value or a promise" instead of being plain `async`: a run's
 * execution path, claimed-run.ts → run-deadline.ts → run-executor.ts (and the console capture a
 * task is called in). A task that returns at once (no promise) gets its outcome through these
 * layers without a promise and a microtask each. Re-measured on dist/ (docs/performance.md,
 * "Worker CPU per run and micro-optimisations (wave 2 session 5)"): plain `async` there costs
 * ~3 µs a run (bench:engine ~7 → ~10 µs), about 8 % of a drained run's worker CPU; kept.
 *
 * The other two (`LogSink.close` and `ProgressThrottle.forget` returning undefined when there was
 * nothing to wait for) bought under 2 % of bench:engine and nothing visible in the drain: they are
 * plain promises again.
 */
export type MaybePromise<T> = T | Promise<T>;

/** A task's return value is awaited when it is any thenable, not only a Promise. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    value instanceof Promise ||
    (typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function')
  );
}
