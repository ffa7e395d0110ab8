import { describe, expect, it } from 'vitest';
import {
  RUN_STATUSES,
  canTransition,
  isFinalStatus,
  statusesLeadingTo,
  type RunStatus,
} from '../../src/domain/run-status.js';

// The agreed state machine (DESIGN.md "Run states"), written out in full so a change to the
// table in run-status.ts has to be made here too.
const ALLOWED: Record<RunStatus, RunStatus[]> = {
  QUEUED: ['RUNNING', 'CANCELLED', 'FAILED'],
  RUNNING: ['SUCCESS', 'PARTIAL_SUCCESS', 'WARNING', 'FAILED', 'CANCELLING', 'CANCELLED', 'QUEUED', 'WAITING'],
  CANCELLING: ['CANCELLED', 'FAILED'],
  WAITING: ['SUCCESS', 'PARTIAL_SUCCESS', 'WARNING', 'FAILED', 'CANCELLED'],
  SUCCESS: [],
  PARTIAL_SUCCESS: [],
  WARNING: [],
  FAILED: [],
  CANCELLED: [],
};

describe('run state machine', () => {
  for (const from of RUN_STATUSES) {
    for (const to of RUN_STATUSES) {
      const allowed = ALLOWED[from].includes(to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
      });
    }
  }

  it('has no way out of a final state', () => {
    for (const status of RUN_STATUSES) {
      expect(isFinalStatus(status)).toBe(ALLOWED[status].length === 0);
    }
  });

  it('derives the storage guard from the same table', () => {
    expect(statusesLeadingTo('CANCELLED').sort()).toEqual(['CANCELLING', 'QUEUED', 'RUNNING', 'WAITING']);
    expect(statusesLeadingTo('SUCCESS')).toEqual(['RUNNING', 'WAITING']);
    expect(statusesLeadingTo('RUNNING')).toEqual(['QUEUED']);
  });
});
