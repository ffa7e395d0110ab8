import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../src/domain/date-time.js';

describe('strict date-times', () => {
  it('reads ISO 8601 and the seed guide format, and refuses guesses', () => {
    expect(parseDateTime('2026-01-31T08:00:00Z')).toEqual(new Date('2026-01-31T08:00:00Z'));
    expect(parseDateTime('2026-01-31T08:00:00.5+02:00')).toEqual(new Date('2026-01-31T06:00:00.500Z'));
    expect(parseDateTime('2026-01-31 08:00')).toEqual(new Date(2026, 0, 31, 8, 0));
    for (const bad of [
      '12',
      'foo 12',
      '2026-02-31',
      '2026-13-01T00:00Z',
      '+275760-09-12T00:00:00Z',
      '2026-01-31T24:00Z',
    ]) {
      expect(parseDateTime(bad), bad).toBeUndefined();
    }
  });
});
