import { ValidationError, fieldError } from '../domain/errors.js';
import { parseDateTime } from '../domain/date-time.js';
import type { SkippedSlot } from '../domain/model.js';
import { describeSchedule } from '../domain/schedule-words.js';
import { parseSchedule } from '../domain/schedule-parse.js';
import { previewFireTimes } from '../domain/schedule-times.js';
import { type Schedule } from '../domain/schedule.js';
import type { Page, Store } from '../storage/store.js';
import { pageSize } from '../domain/paging.js';

export interface SchedulePreview {
  schedule: Schedule;
  description: string;
  times: Date[];
}

/** Schedules as administrators see them: previews and the slots that did not run. */
export class ScheduleService {
  constructor(private readonly store: Store) {}

  /** The next `count` fire times of a schedule after `from` (default now). */
  preview(
    input: unknown,
    options: { from?: Date | string | undefined; count?: number | undefined } = {},
  ): SchedulePreview {
    const schedule = parseSchedule(input);
    const from =
      options.from === undefined
        ? new Date()
        : options.from instanceof Date
          ? options.from
          : parseDateTime(options.from);
    if (!from || Number.isNaN(from.getTime())) {
      throw new ValidationError('from is not a valid time.', [
        fieldError('from', `"${String(options.from)}" is not an ISO 8601 date-time.`),
      ]);
    }
    const count = options.count ?? 5;
    if (!Number.isInteger(count) || count < 1 || count > 1000) {
      throw new ValidationError('count is out of range.', [
        fieldError('count', 'Must be a whole number from 1 to 1000.'),
      ]);
    }
    return { schedule, description: describeSchedule(schedule), times: previewFireTimes(schedule, from, count) };
  }

  /** Slots of a job that produced no run, newest first, with the reason. */
  async skipped(jobId: string, page = 1, size = 25): Promise<Page<SkippedSlot>> {
    const limit = pageSize(size);
    return this.store.skippedSlotList(jobId, limit, (Math.max(1, page) - 1) * limit);
  }
}
