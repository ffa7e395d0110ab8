import { describe, expect, it } from 'vitest';
import { returnedEnding } from '../../src/domain/run-ending.js';

describe('returnedEnding', () => {
  it('is SUCCESS without errored entries or warnings', () => {
    expect(returnedEnding(0, { count: 0, first: null })).toEqual({ status: 'SUCCESS', message: null });
  });

  it('is WARNING with the first warning, and the count when there were several', () => {
    expect(returnedEnding(0, { count: 1, first: 'cold cache' })).toEqual({ status: 'WARNING', message: 'cold cache' });
    expect(returnedEnding(0, { count: 4, first: 'cold cache' })).toEqual({
      status: 'WARNING',
      message: '4 warnings; the first: cold cache',
    });
  });

  it('is PARTIAL_SUCCESS when entries errored, whatever was warned', () => {
    expect(returnedEnding(2, { count: 3, first: 'x' })).toEqual({
      status: 'PARTIAL_SUCCESS',
      message: '2 entries failed.',
    });
  });
});
