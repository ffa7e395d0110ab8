import { describe, expect, it } from 'vitest';
import { percentile } from '../../src/domain/percentile.js';
import { WORKER_DEAD_AFTER_MS, workerState } from '../../src/domain/worker-presence.js';

describe('worker state and percentiles', () => {
  it('takes a worker whose heartbeat expired for dead before maintenance marks it', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    const beat = (ms: number) => new Date(now - ms);
    expect(workerState({ ended: null, heartbeatAt: beat(WORKER_DEAD_AFTER_MS) }, now)).toBe('running');
    expect(workerState({ ended: null, heartbeatAt: beat(WORKER_DEAD_AFTER_MS + 1) }, now)).toBe('died');
    expect(workerState({ ended: 'stopped', heartbeatAt: beat(0) }, now)).toBe('stopped');
    expect(workerState({ ended: 'died', heartbeatAt: beat(0) }, now)).toBe('died');
  });

  it('picks nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.95)).toBe(7);
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 1)).toBe(4);
  });
});
