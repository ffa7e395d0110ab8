import type { RunStatus } from './run-status.js';

/** The warnings a run's code recorded with `ctx.warn`: how many, and the first one's text. */
export interface RunWarnings {
  count: number;
  first: string | null;
}

export interface ReturnedEnding {
  status: Extract<RunStatus, 'SUCCESS' | 'PARTIAL_SUCCESS' | 'WARNING'>;
  message: string | null;
}

/**
 * How a run ends when its code returned normally (a throw or an abort decides otherwise):
 * errored entries (ctx.progress) make it PARTIAL_SUCCESS whatever was warned, warnings
 * (ctx.warn) make it WARNING, and nothing of either makes it SUCCESS.
 */
export function returnedEnding(erroredEntries: number, warnings: RunWarnings): ReturnedEnding {
  if (erroredEntries > 0) return { status: 'PARTIAL_SUCCESS', message: `${erroredEntries} entries failed.` };
  if (warnings.count === 0) return { status: 'SUCCESS', message: null };
  const first = warnings.first ?? '';
  return {
    status: 'WARNING',
    message: warnings.count === 1 ? first : `${warnings.count} warnings; the first: ${first}`,
  };
}
