import { z } from '@hono/zod-openapi';
import { LOG_LEVELS } from '../domain/model.js';
import { SLOT_OUTCOMES } from '../domain/schedule-fidelity.js';
import { LogLineSchema, RunSchema } from './schemas.js';

/** Shapes of the calendar, schedule fidelity and run comparison (routes/calendar.ts). */

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-25T03:00:00.000Z' });
const json = z.record(z.string(), z.unknown());

const CalendarRunSchema = z
  .object({
    id: z.number().int(),
    status: z.string(),
    scheduled_for: isoTime,
    started_at: isoTime.nullable(),
    finished_at: isoTime.nullable(),
  })
  .openapi('CalendarRun');

export const CalendarSchema = z
  .object({
    from: isoTime,
    to: isoTime,
    jobs: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        schedule: json,
        schedule_description: z.string(),
        timezone: z.string().nullable().openapi({ description: "A crontab schedule's own time zone" }),
        next_run: isoTime.nullable(),
        fires: z.array(isoTime).openapi({ description: 'Upcoming fire times in the window (at most 500)' }),
        more_fires: z.boolean(),
        runs: z.array(CalendarRunSchema).openapi({ description: 'Runs fired for slots in the window (at most 500)' }),
        more_runs: z.boolean(),
      }),
    ),
    more_jobs: z.boolean().openapi({ description: 'More than 100 active scheduled jobs: the soonest are listed' }),
  })
  .openapi('Calendar');

export const CalendarQuerySchema = z.object({
  from: z.string().optional().openapi({ description: 'ISO 8601 start of the window (default now)' }),
  to: z.string().optional().openapi({ description: 'ISO 8601 end (default from + 7 days; at most 14 days)' }),
});

export const FidelitySchema = z
  .object({
    job_id: z.string(),
    from: isoTime,
    to: isoTime,
    tolerance_ms: z.number().int().openapi({ description: 'A run started within this after its slot is on time' }),
    truncated: z.boolean().openapi({ description: 'More than 2,000 slots: only the latest are listed' }),
    counts: z.object(
      Object.fromEntries(SLOT_OUTCOMES.map((o) => [o, z.number().int()])) as Record<
        (typeof SLOT_OUTCOMES)[number],
        z.ZodNumber
      >,
    ),
    slots: z.array(
      z.object({
        slot: isoTime,
        outcome: z.enum(SLOT_OUTCOMES),
        lateness_ms: z.number().nullable(),
        run_id: z.number().int().nullable(),
        run_status: z.string().nullable(),
        reason: z.string().nullable().openapi({ description: 'Why a skipped slot made no run' }),
      }),
    ),
  })
  .openapi('ScheduleFidelity');

const LevelCountsSchema = z.object({
  counts: z.object(
    Object.fromEntries(LOG_LEVELS.map((l) => [l, z.number().int()])) as Record<
      (typeof LOG_LEVELS)[number],
      z.ZodNumber
    >,
  ),
  lines: z.number().int(),
  more: z.boolean().openapi({ description: 'The log is longer than the 100,000 lines counted' }),
});

const ComparedRunSchema = RunSchema.omit({ links: true, error_stack: true }).openapi('ComparedRun');

export const RunComparisonSchema = z
  .object({
    a: ComparedRunSchema,
    b: ComparedRunSchema,
    same_job: z.boolean(),
    args: z.array(
      z.object({
        key: z.string(),
        a: z.unknown().nullable(),
        b: z.unknown().nullable(),
        in_a: z.boolean(),
        in_b: z.boolean(),
        same: z.boolean(),
      }),
    ),
    duration_ms_difference: z.number().nullable().openapi({ description: 'b minus a' }),
    counters: z.array(
      z.object({
        name: z.string(),
        a: z.number().nullable(),
        b: z.number().nullable(),
        difference: z.number().nullable(),
      }),
    ),
    logs: z.object({ a: LevelCountsSchema, b: LevelCountsSchema }),
    divergence: z.object({
      line: z.number().int().nullable().openapi({ description: '1-based line where the messages first differ' }),
      // Unions, not LogLineSchema.nullable(): that would make the named LogLine component nullable.
      a: z.union([LogLineSchema, z.null()]),
      b: z.union([LogLineSchema, z.null()]),
      compared: z.number().int(),
      stopped_at_limit: z
        .boolean()
        .openapi({ description: 'No difference in the first 100,000 lines; the rest was not compared' }),
    }),
  })
  .openapi('RunComparison');
