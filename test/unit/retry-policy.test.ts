import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { DEFAULT_RETRY_POLICY, parseRetryPolicy, retryDelayMs } from '../../src/domain/retry-policy.js';

const policy = { retryBackoffSeconds: 10, retryBackoffMaxSeconds: 600 };

describe('retryDelayMs', () => {
  it('doubles from the base for each attempt, within the upper half (jitter)', () => {
    expect(retryDelayMs(policy, 2, () => 0)).toBe(5000);
    expect(retryDelayMs(policy, 2, () => 1)).toBe(10_000);
    expect(retryDelayMs(policy, 3, () => 1)).toBe(20_000);
    expect(retryDelayMs(policy, 4, () => 0.5)).toBe(30_000);
  });

  it('never exceeds the maximum, however many attempts', () => {
    for (const next of [8, 20, 100, 10_000]) expect(retryDelayMs(policy, next, () => 1)).toBe(600_000);
  });

  it('a zero base retries at once', () => {
    expect(retryDelayMs({ retryBackoffSeconds: 0, retryBackoffMaxSeconds: 600 }, 5)).toBe(0);
  });
});

describe('parseRetryPolicy', () => {
  it('accepts the fields given, as numbers or numeric strings', () => {
    expect(parseRetryPolicy({ maxAttempts: '3', timeoutSeconds: 60, retryPartial: true })).toEqual({
      maxAttempts: 3,
      timeoutSeconds: 60,
      retryPartial: true,
    });
  });

  it('reads an empty or zero timeout as no timeout', () => {
    for (const value of [null, '', 0, '0'])
      expect(parseRetryPolicy({ timeoutSeconds: value }).timeoutSeconds).toBeNull();
  });

  it('names every bad field with its wire name', () => {
    try {
      parseRetryPolicy({ maxAttempts: 0, retryBackoffSeconds: -1, retryPartial: 'yes' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).errors.map((e) => e.field);
      expect(fields).toEqual(['max_attempts', 'retry_backoff_seconds', 'retry_partial']);
    }
  });

  it('defaults: one attempt, no timeout, partial success final', () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ maxAttempts: 1, timeoutSeconds: null, retryPartial: false });
  });
});
