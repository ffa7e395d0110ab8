import { z } from 'zod';
import { defineTask } from '../../domain/task.js';

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const waitTask = defineTask({
  id: 'demo.wait',
  title: 'Wait',
  description: 'Waits the given number of seconds, logging one line a second; stops at once when asked.',
  args: z.object({
    seconds: z.number().min(0).max(86_400).default(5).describe('How long to wait, in seconds (fractions allowed)'),
  }),
  // Harmless to change: an operator may wait longer or shorter, or start from another time.
  operatorEditable: ['seconds', 'since'],
  async run(ctx, { seconds }) {
    // Progress counters are stored as integers, so fractional seconds are rounded up.
    const total = Math.ceil(seconds);
    ctx.progress({ total, inserted: 0 });
    let elapsed = 0;
    while (elapsed < seconds) {
      const step = Math.min(1, seconds - elapsed);
      await sleep(step * 1000, ctx.signal);
      // A timer that fired in the same tick as the abort must not count as a completed step.
      ctx.signal.throwIfAborted();
      // Rounded so that repeated fractional steps do not log 2.9999999 seconds.
      elapsed = Math.round((elapsed + step) * 1000) / 1000;
      ctx.log.info(`Waited ${elapsed} of ${seconds} seconds`, { elapsed, total: seconds });
      ctx.progress({ total, inserted: Math.ceil(elapsed) });
    }
    return { waited_seconds: elapsed };
  },
});
