import { ValidationError, fieldError, type FieldError } from './errors.js';

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
const MAX_SECONDS = 30 * 24 * 3600;

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

/** The wire/API names of the policy fields, as given by users. */
export interface RetryPolicyInput {
  maxAttempts?: unknown;
  timeoutSeconds?: unknown;
  retryBackoffSeconds?: unknown;
  retryBackoffMaxSeconds?: unknown;
  retryPartial?: unknown;
}

/** Validates the fields that are present; throws a ValidationError naming each bad field. */
export function parseRetryPolicy(input: RetryPolicyInput): Partial<RetryPolicy> {
  const errors: FieldError[] = [];
  const out: Partial<RetryPolicy> = {};
  const whole = (value: unknown, field: string, min: number, max: number): number | undefined => {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n;
    errors.push(fieldError(field, `Must be a whole number between ${min} and ${max}.`));
    return undefined;
  };
  if (input.maxAttempts !== undefined) {
    const n = whole(input.maxAttempts, 'max_attempts', 1, MAX_ATTEMPTS_LIMIT);
    if (n !== undefined) out.maxAttempts = n;
  }
  if (input.timeoutSeconds !== undefined) {
    if ([null, '', 0, '0'].includes(input.timeoutSeconds as never)) {
      out.timeoutSeconds = null;
    } else {
      const n = whole(input.timeoutSeconds, 'timeout_seconds', 1, MAX_SECONDS);
      if (n !== undefined) out.timeoutSeconds = n;
    }
  }
  if (input.retryBackoffSeconds !== undefined) {
    const n = whole(input.retryBackoffSeconds, 'retry_backoff_seconds', 0, MAX_SECONDS);
    if (n !== undefined) out.retryBackoffSeconds = n;
  }
  if (input.retryBackoffMaxSeconds !== undefined) {
    const n = whole(input.retryBackoffMaxSeconds, 'retry_backoff_max_seconds', 0, MAX_SECONDS);
    if (n !== undefined) out.retryBackoffMaxSeconds = n;
  }
  if (input.retryPartial !== undefined) {
    if (typeof input.retryPartial === 'boolean') out.retryPartial = input.retryPartial;
    else errors.push(fieldError('retry_partial', 'Must be true or false.'));
  }
  if (errors.length) throw new ValidationError('The retry settings are not valid.', errors);
  return out;
}
