import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../src/domain/retry-policy.js';

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

describe('DEFAULT_RETRY_POLICY', () => {
  it('defaults: one attempt, no timeout, partial success final', () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ maxAttempts: 1, timeoutSeconds: null, retryPartial: false });
  });
});
