import { parseDateTime } from '../domain/date-time.js';
import { ValidationError, fieldError } from '../domain/errors.js';
import type { Job } from '../domain/model.js';
import {
  ON_TIME_TOLERANCE_MS,
  classifySlots,
  countOutcomes,
  type FidelitySlot,
  type SlotRun,
  type SlotOutcome,
} from '../domain/schedule-fidelity.js';
import { slotsBetween } from '../domain/schedule-slots.js';
import { describeSchedule } from '../domain/schedule-words.js';
import type { Schedule } from '../domain/schedule.js';
import type { Store } from '../storage/store.js';
import type { JobService } from './job-service.js';

const DAY_MS = 86_400_000;
/** Limits that keep one calendar or fidelity request bounded, whatever the schedules. */
const CALENDAR_LIMITS = { maxDays: 14, maxJobs: 100, perJob: 500, fidelityMaxDays: 30, maxSlots: 2000 };

interface CalendarRun {
  id: number;
  status: string;
  scheduled_for: string;
  started_at: string | null;
  finished_at: string | null;
}

interface CalendarJob {
  id: string;
  title: string;
  schedule: Schedule;
  schedule_description: string;
  /** The time zone of a crontab schedule (its slots are computed in it); null for intervals. */
  timezone: string | null;
  next_run: string | null;
  /** Upcoming fire times in the window (from the job's next fire on). */
  fires: string[];
  more_fires: boolean;
  /** Runs the schedule made for slots in the window (past ones and those still going). */
  runs: CalendarRun[];
  more_runs: boolean;
}

export interface CalendarView {
  from: string;
  to: string;
  jobs: CalendarJob[];
  /** More active scheduled jobs exist than one answer lists. */
  more_jobs: boolean;
}

export interface FidelityView {
  job_id: string;
  from: string;
  to: string;
  tolerance_ms: number;
  /** More slots than one answer holds: only the latest ones (from `from` on) are listed. */
  truncated: boolean;
  counts: Record<SlotOutcome, number>;
  slots: {
    slot: string;
    outcome: SlotOutcome;
    lateness_ms: number | null;
    run_id: number | null;
    run_status: string | null;
    reason: string | null;
  }[];
}

/** The calendar of scheduled jobs and the fidelity of one job's schedule. */
export class CalendarService {
  constructor(
    private readonly store: Store,
    private readonly jobs: JobService,
    private readonly clock: () => number,
  ) {}

  /** Fire times and slot runs of every active scheduled job in [from, to) (default: the next 7 days). */
  async calendar(input: { from?: string | undefined; to?: string | undefined }): Promise<CalendarView> {
    const now = this.clock();
    const from = timeParam('from', input.from) ?? new Date(now);
    const to = timeParam('to', input.to) ?? new Date(from.getTime() + 7 * DAY_MS);
    if (to.getTime() <= from.getTime())
      throw new ValidationError('to must be after from.', [fieldError('to', 'to must be after from.')]);
    if (to.getTime() - from.getTime() > CALENDAR_LIMITS.maxDays * DAY_MS) {
      throw new ValidationError('The window is too long.', [
        fieldError('to', `At most ${CALENDAR_LIMITS.maxDays} days after from.`),
      ]);
    }
    const { maxJobs, perJob } = CALENDAR_LIMITS;
    const scheduled = await this.store.jobsScheduled(maxJobs + 1);
    const jobs = await inBatches(scheduled.slice(0, maxJobs), async (job): Promise<CalendarJob> => {
      const schedule = job.schedule!;
      const next = job.nextRunAt!;
      const start = new Date(Math.max(from.getTime(), next.getTime()));
      // Crontab slots are remembered per pattern and day (schedule-slots.ts): most jobs share one.
      const fires = slotsBetween(schedule, next, start, to, perJob);
      // A slot's run is made when the slot comes: a window that starts now or later has none yet.
      const runs = from.getTime() < now ? await this.store.runsForSlots(job.id, from, to, perJob + 1) : [];
      return {
        id: job.id,
        title: job.title,
        schedule,
        schedule_description: describeSchedule(schedule),
        timezone: schedule.type === 'crontab' ? schedule.timezone : null,
        next_run: next.toISOString(),
        fires: fires.slots.map((d) => d.toISOString()),
        more_fires: fires.more,
        runs: runs.slice(0, perJob).map(calendarRun),
        more_runs: runs.length > perJob,
      };
    });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      jobs: jobs.filter((job) => job.fires.length > 0 || job.runs.length > 0),
      more_jobs: scheduled.length > maxJobs,
    };
  }

  /** Every slot of the job's schedule in the last `days` days, with what became of it. */
  async fidelity(jobId: string, days = 7): Promise<FidelityView> {
    const job = await this.jobs.get(jobId);
    const now = new Date(this.clock());
    const { maxSlots } = CALENDAR_LIMITS;
    // A schedule first fires after it is saved: the creation instant itself is no slot.
    let from = new Date(Math.max(now.getTime() - days * DAY_MS, job.created.getTime() + 1));
    const first = this.#slots(job, from, now);
    const truncated = first.truncated;
    let slots = first.slots;
    if (truncated) {
      // Too many slots: keep the latest ones, starting where the last maxSlots began (about).
      const span = slots[slots.length - 1]!.getTime() - slots[0]!.getTime();
      from = new Date(now.getTime() - span);
      slots = this.#slots(job, from, now).slots;
    }
    const end = new Date(now.getTime() + 1);
    const [runs, skips] = await Promise.all([
      this.store.runsForSlots(job.id, from, end, maxSlots),
      this.store.skippedSlotsBetween(job.id, from, end, maxSlots),
    ]);
    const classified = classifySlots({ slots, runs, skips, now });
    return {
      job_id: job.id,
      from: from.toISOString(),
      to: now.toISOString(),
      tolerance_ms: ON_TIME_TOLERANCE_MS,
      truncated,
      counts: countOutcomes(classified),
      slots: classified.map(slotToWire),
    };
  }

  /** The slots the job's schedule, as it is now, had in [from, to): none once it is paused. */
  #slots(job: Job, from: Date, to: Date): { slots: Date[]; truncated: boolean } {
    if (!job.schedule || !job.active) return { slots: [], truncated: false };
    const found = slotsBetween(job.schedule, job.nextRunAt, from, to, CALENDAR_LIMITS.maxSlots);
    return { slots: found.slots, truncated: found.more };
  }
}

/** A few queries at a time: a hundred at once would take every connection of the pool. */
async function inBatches<T, R>(items: T[], fn: (item: T) => Promise<R>, size = 4): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

function timeParam(field: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = parseDateTime(value);
  if (!date || Number.isNaN(date.getTime())) {
    throw new ValidationError(`${field} is not a valid time.`, [
      fieldError(field, `"${value}" is not an ISO 8601 date-time.`),
    ]);
  }
  return date;
}

function calendarRun(run: SlotRun): CalendarRun {
  return {
    id: run.id,
    status: run.status,
    scheduled_for: run.scheduledFor.toISOString(),
    started_at: run.startedAt?.toISOString() ?? null,
    finished_at: run.finishedAt?.toISOString() ?? null,
  };
}

function slotToWire(slot: FidelitySlot): FidelityView['slots'][number] {
  return {
    slot: slot.slot.toISOString(),
    outcome: slot.outcome,
    lateness_ms: slot.latenessMs,
    run_id: slot.run?.id ?? null,
    run_status: slot.run?.status ?? null,
    reason: slot.reason,
  };
}
