import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../domain/retry-policy.js';
import type { Job, Run } from '../domain/model.js';
import type { RunOutcome } from '../storage/store.js';
import { abortKind, type AbortState } from './run-abort.js';
import { createdSubRuns } from './sub-runs.js';

/**
 * Decides whether an ended attempt is tried again: a failure (a timeout included) or, when the
 * job says so, a partial success, while attempts remain. A stop never retries, nor does a
 * shutdown (the run was interrupted, not failed). Returns the outcome with `retryAt` set if so.
 */
export function withRetryDecision(
  outcome: RunOutcome,
  run: Run,
  job: Job,
  signal: AbortState,
  now = Date.now(),
): RunOutcome {
  const kind = abortKind(signal);
  if (kind === 'stop' || kind === 'shutdown') return outcome;
  // Another attempt would create its sub-runs again: the family ends with this one.
  if (createdSubRuns(run)) return outcome;
  const retryable = outcome.status === 'FAILED' || (outcome.status === 'PARTIAL_SUCCESS' && job.retryPartial === true);
  if (!retryable || run.attempt >= run.maxAttempts) return outcome;
  const delay = retryDelayMs(
    {
      retryBackoffSeconds: job.retryBackoffSeconds ?? DEFAULT_RETRY_POLICY.retryBackoffSeconds,
      retryBackoffMaxSeconds: job.retryBackoffMaxSeconds ?? DEFAULT_RETRY_POLICY.retryBackoffMaxSeconds,
    },
    run.attempt + 1,
  );
  return { ...outcome, retryAt: new Date(now + delay) };
}
