import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import {
  JOB_CLI_FLAGS,
  JOB_DEFAULTS,
  JOB_WIRE_NAMES,
  TITLE_MAX,
  checkJobFields,
  jobInputFromWire,
  parseJobFields,
  plainFromColumns,
  plainToColumns,
  wireNamesOf,
} from '../../src/domain/job-contract.js';

describe('job contract', () => {
  it('accepts numbers as numeric text, and reads "", 0 and null as no timeout or threshold', () => {
    expect(parseJobFields({ maxAttempts: '3', timeoutSeconds: 60, retryPartial: true })).toEqual({
      maxAttempts: 3,
      timeoutSeconds: 60,
      retryPartial: true,
    });
    for (const value of [null, '', 0, '0']) {
      const fields = parseJobFields({ timeoutSeconds: value, notifyRunningLongerThan: value });
      expect(fields).toEqual({ timeoutSeconds: null, notifyRunningLongerThan: null });
    }
    expect(parseJobFields({ notifyRunningLongerThan: '90' }).notifyRunningLongerThan).toBe(90);
  });

  it('names every bad field with its wire name', () => {
    try {
      parseJobFields({ maxAttempts: 0, retryBackoffSeconds: -1, retryPartial: 'yes', notifyRunningLongerThan: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).errors.map((e) => e.field);
      expect(fields).toEqual(['notify_running_longer_than', 'max_attempts', 'retry_backoff_seconds', 'retry_partial']);
    }
  });

  it('one title limit: 250 characters, trimmed, required when creating', () => {
    expect(TITLE_MAX).toBe(250);
    expect(parseJobFields({ title: ` ${'x'.repeat(250)} ` }).title).toHaveLength(250);
    expect(checkJobFields({ title: 'x'.repeat(251) }, false).errors).toEqual([
      { field: 'title', messages: ['At most 250 characters.'] },
    ]);
    expect(checkJobFields({}, true).errors).toEqual([{ field: 'title', messages: ['A title is required.'] }]);
  });

  it('lists: comma text or arrays; statuses upper-cased and final', () => {
    expect(parseJobFields({ notificationEmails: 'a@x.org, b@x.org', notificationStatuses: 'failed' })).toEqual({
      notificationEmails: ['a@x.org', 'b@x.org'],
      notificationStatuses: ['FAILED'],
    });
    expect(checkJobFields({ notificationEmails: ['nope'], notificationStatuses: ['RUNNING'] }, false).errors).toEqual([
      { field: 'notification_emails', messages: ['Not e-mail addresses: nope.'] },
      { field: 'notification_statuses', messages: [expect.stringMatching(/^Not final run statuses: RUNNING/)] },
    ]);
  });

  it('maps wire names both ways, and every CLI flag to a field', () => {
    expect(JOB_WIRE_NAMES.queue).toBe('default_queue');
    expect(jobInputFromWire({ default_queue: 'q', retry_partial: true, other: 1 })).toEqual({
      queue: 'q',
      retryPartial: true,
    });
    expect(wireNamesOf({ queue: 'q', maxAttempts: 2 })).toEqual(['default_queue', 'max_attempts']);
    for (const flag of JOB_CLI_FLAGS) expect(JOB_WIRE_NAMES[flag.name]).toBeDefined();
  });

  it('stores the plain settings in their columns, with defaults for a row that lacks one', () => {
    const columns = plainToColumns({ maxAttempts: 3, retryPartial: true, owner: 'ops' }, (b) => (b ? 1 : 0));
    expect(columns).toEqual({ max_attempts: 3, retry_partial: 1, owner: 'ops' });
    expect(plainFromColumns({ ...columns, timeout_seconds: null })).toMatchObject({
      maxAttempts: 3,
      retryPartial: true,
      owner: 'ops',
      timeoutSeconds: null,
      retryBackoffSeconds: JOB_DEFAULTS.retryBackoffSeconds,
    });
  });
});
