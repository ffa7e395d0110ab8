import { describe, expect, it } from 'vitest';
import { PrefetchSize } from '../../src/engine/prefetch-size.js';

/** Starts `count` runs `gapMs` apart on a fake clock. */
function startRuns(size: PrefetchSize, clock: { now: number }, count: number, gapMs: number): void {
  for (let i = 0; i < count; i += 1) {
    clock.now += gapMs;
    size.runStarted();
  }
}

describe('PrefetchSize', () => {
  it('defaults to 100 per slot, at least 20 and at most 1000', () => {
    expect(new PrefetchSize(1, undefined).max).toBe(100);
    expect(new PrefetchSize(10, undefined).max).toBe(1000);
    expect(new PrefetchSize(100, undefined).max).toBe(1000);
  });

  it('a configured size is fixed, whatever the pace', () => {
    const clock = { now: 1 };
    const size = new PrefetchSize(10, 7, () => clock.now);
    startRuns(size, clock, 100, 0.01);
    expect(size.now()).toBe(7);
  });

  it('starts at the maximum before any run has started', () => {
    expect(new PrefetchSize(10, undefined).now()).toBe(1000);
  });

  it('short runs get the maximum: about 50 ms of runs exceeds it', () => {
    const clock = { now: 1 };
    const size = new PrefetchSize(10, undefined, () => clock.now);
    startRuns(size, clock, 200, 0.02);
    expect(size.now()).toBe(1000);
  });

  it('long runs shrink the buffer to the concurrency, so they are not hoarded', () => {
    const clock = { now: 1 };
    const size = new PrefetchSize(10, undefined, () => clock.now);
    startRuns(size, clock, 200, 1000);
    expect(size.now()).toBe(10);
  });

  it('in between, about 50 ms worth of runs at the observed pace', () => {
    const clock = { now: 1 };
    const size = new PrefetchSize(10, undefined, () => clock.now);
    startRuns(size, clock, 300, 0.5);
    expect(size.now()).toBeGreaterThanOrEqual(95);
    expect(size.now()).toBeLessThanOrEqual(105);
  });
});
