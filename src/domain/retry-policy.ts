/**
 * How a job's runs are retried and bounded in time. Every field has a default, so a job stored
 * before these settings existed behaves as "one attempt, no timeout".
 */
export interface RetryPolicy {
  /** Attempts in all, the first included (1 = never retried). */
  maxAttempts: number;
  /** A run is aborted after this many seconds; null: the task's default, or no limit. */
  timeoutSeconds: number | null;
  /** The wait before the 2nd attempt; it doubles for each further one (with jitter). */
  retryBackoffSeconds: number;
  /** The longest wait between attempts. */
  retryBackoffMaxSeconds: number;
  /** Whether a PARTIAL_SUCCESS is retried like a failure (default: it is final). */
  retryPartial: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 1,
  timeoutSeconds: null,
  retryBackoffSeconds: 10,
  retryBackoffMaxSeconds: 600,
  retryPartial: false,
};

export const MAX_ATTEMPTS_LIMIT = 100;
/** The longest timeout or wait a job may set (30 days). */
export const MAX_SECONDS = 30 * 24 * 3600;

/**
 * The wait before attempt `next` (2, 3, …): base × 2^(next−2), capped, then "full jitter" over
 * its upper half so that runs failing together do not come back together.
 */
export function retryDelayMs(
  policy: Pick<RetryPolicy, 'retryBackoffSeconds' | 'retryBackoffMaxSeconds'>,
  next: number,
  random = Math.random,
): number {
  const exponent = Math.min(Math.max(0, next - 2), 40);
  const ceiling = Math.min(policy.retryBackoffSeconds * 2 ** exponent, policy.retryBackoffMaxSeconds) * 1000;
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
