import { describe, expect, it } from 'vitest';
import { compareNames } from '../../src/domain/name-order.js';

describe('compareNames', () => {
  it('orders names as localeCompare does, plain ones and others', () => {
    const names = [
      '0016-subrun-fail-rule',
      '0016-log-search',
      '0002-schedules',
      'http.request',
      'demo.fan-out',
      'demo.wait',
      'demo.import-vocabulary',
      'a-b',
      'a.b',
      'ab',
      'a',
      'Zeta',
      'zeta',
      'émile',
      'a_b',
    ];
    const sign = (n: number) => Math.sign(n);
    for (const a of names)
      for (const b of names) expect(sign(compareNames(a, b)), `${a} vs ${b}`).toBe(sign(a.localeCompare(b)));
  });
});
