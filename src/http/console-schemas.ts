import { z } from '@hono/zod-openapi';
import { ValidationError, fieldError } from '../domain/errors.js';
import { parseDateTime } from '../domain/date-time.js';
import { RUN_STATUSES, isRunStatus, type RunStatus } from '../domain/run-status.js';
import { BULK_MAX, RUN_SORTS, RUN_TIME_FIELDS, type RunSearch } from '../domain/run-search.js';
import { LinksSchema, RunSchema } from './schemas.js';

/** Shapes of the operations console's routes (overview, runs of all jobs, bulk actions). */

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-25T03:00:00.000Z' });

/** The Runs page's filters: query parameters of GET /runs, and the `filter` of a bulk action. */
const RunSearchFields = {
  status: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Comma-separated statuses, e.g. FAILED,PARTIAL_SUCCESS' }),
  job: z.string().max(200).optional().openapi({ description: 'Only runs of this job (id)' }),
  task: z.string().max(200).optional(),
  queue: z.string().max(200).optional(),
  started_by: z.string().max(200).optional().openapi({ description: 'Who started the run, exactly' }),
  q: z.string().max(200).optional().openapi({ description: 'Case-insensitive match on title or message' }),
  time: z
    .enum(RUN_TIME_FIELDS)
    .optional()
    .openapi({ description: 'What from/to are about: created (default) or finished' }),
  from: z.string().max(40).optional().openapi({ description: 'ISO 8601 date-time, inclusive' }),
  to: z.string().max(40).optional().openapi({ description: 'ISO 8601 date-time, exclusive' }),
  include_subruns: z.enum(['true', 'false']).optional().openapi({ description: 'true: sub-runs too' }),
};

export const RunSearchQuerySchema = z.object({
  ...RunSearchFields,
  include_subtasks: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: "The seed system's name for include_subruns" }),
  sort: z
    .enum(RUN_SORTS)
    .optional()
    .openapi({ description: 'Newest first (-created) by default; by end shows ended runs' }),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(100).default(25),
});

export const RunSearchListSchema = z
  .object({
    hits: z.object({
      hits: z.array(
        RunSchema.extend({
          job_title: z.string().nullable().openapi({ description: "The run's job's title; null if it was deleted" }),
        }),
      ),
      total: z.number().int().openapi({ description: 'Matches, counted up to 1,000' }),
      more: z.boolean().openapi({ description: 'More than 1,000 runs match: total is a lower bound' }),
    }),
    links: LinksSchema,
  })
  .openapi('RunSearchList');

type SearchFields = { [K in keyof typeof RunSearchFields]?: string | undefined };

/** The API's filter fields as a RunSearch; bad statuses or times are a 400 naming the field. */
export function runSearchOf(fields: SearchFields & { include_subtasks?: string | undefined }, prefix = ''): RunSearch {
  const time = (name: 'from' | 'to') => {
    const text = fields[name]?.trim();
    if (!text) return undefined;
    const date = parseDateTime(text);
    if (!date || Number.isNaN(date.getTime())) {
      throw new ValidationError(`${name} is not a valid time.`, [
        fieldError(`${prefix}${name}`, `"${text}" is not an ISO 8601 date-time, e.g. 2026-01-31T08:00:00Z.`),
      ]);
    }
    return date;
  };
  let statuses: RunStatus[] | undefined;
  if (fields.status?.trim()) {
    const list = fields.status
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    const bad = list.filter((s) => !isRunStatus(s));
    if (bad.length) {
      throw new ValidationError('Unknown run status.', [
        fieldError(`${prefix}status`, `Unknown status ${bad.join(', ')}. Known: ${RUN_STATUSES.join(', ')}.`),
      ]);
    }
    statuses = list as RunStatus[];
  }
  const text = (value: string | undefined) => value?.trim() || undefined;
  const [from, to] = [time('from'), time('to')];
  // A reversed range is a mistake, not an empty answer (as /api/calendar says).
  if (from && to && to.getTime() <= from.getTime()) {
    throw new ValidationError('to must be after from.', [fieldError(`${prefix}to`, 'to must be after from.')]);
  }
  return {
    statuses,
    jobId: text(fields.job),
    task: text(fields.task),
    queue: text(fields.queue),
    startedBy: text(fields.started_by),
    q: text(fields.q),
    timeField: fields.time === 'finished' ? 'finished' : undefined,
    from,
    to,
    includeSubRuns: fields.include_subruns === 'true' || fields.include_subtasks === 'true',
  };
}

export const BulkBodySchema = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(BULK_MAX).optional().openapi({ description: 'These runs' }),
    filter: z
      .object(RunSearchFields)
      .optional()
      .openapi({ description: 'Every run matching these filters (the query parameters of GET /runs)' }),
  })
  .refine((body) => (body.ids === undefined) !== (body.filter === undefined), {
    message: 'Give either ids or filter.',
    path: ['ids'],
  })
  .openapi('BulkSelection');

export const BulkCountBodySchema = z
  .object({
    action: z.enum(['stop', 'rerun', 'delete']),
    ids: z.array(z.number().int().positive()).min(1).max(BULK_MAX).optional(),
    filter: z.object(RunSearchFields).optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.filter === undefined), {
    message: 'Give either ids or filter.',
    path: ['ids'],
  })
  .openapi('BulkCountRequest');

export const BulkCountSchema = z
  .object({
    action: z.enum(['stop', 'rerun', 'delete']),
    matched: z.number().int().openapi({ description: 'Runs the selection matches (up to 10,001)' }),
    eligible: z.number().int().openapi({ description: 'Of those, runs the action applies to (up to 10,000)' }),
    more: z.boolean().openapi({ description: 'More than 10,000 runs are eligible: the action would be refused' }),
    max: z.number().int(),
  })
  .openapi('BulkCount');

export const BulkResultSchema = z
  .object({
    action: z.enum(['stop', 'rerun', 'delete']),
    eligible: z.number().int(),
    done: z.number().int(),
    skipped: z.number().int(),
    reasons: z.array(z.object({ run_id: z.number().int(), message: z.string() })),
    audit_id: z.number().int(),
  })
  .openapi('BulkResult');

const CompactRunSchema = z
  .object({
    id: z.number().int(),
    job_id: z.string(),
    title: z.string(),
    status: z.enum(RUN_STATUSES),
    queue: z.string(),
    started_at: isoTime.nullable(),
    finished_at: isoTime.nullable(),
    worker_id: z.string().nullable(),
    message: z.string().nullable(),
    total_entries: z.number().nullable(),
    done_entries: z.number().openapi({ description: 'inserted + updated + errored' }),
  })
  .openapi('OverviewRun');

export const OverviewSchema = z
  .object({
    now: isoTime,
    window_hours: z.number(),
    running: z.object({ total: z.number().int(), items: z.array(CompactRunSchema) }),
    queues: z.array(
      z.object({
        name: z.string(),
        paused: z.boolean(),
        queued: z.number().int(),
        running: z.number().int(),
        oldest_queued_at: isoTime.nullable(),
        oldest_queued_run_id: z.number().int().nullable(),
      }),
    ),
    failures: z.object({
      failed: z.number().int(),
      partial: z.number().int(),
      jobs: z.number().int().openapi({ description: 'Jobs with failures in the window (items: the latest 20)' }),
      items: z.array(
        z.object({
          job_id: z.string(),
          job_title: z.string(),
          failed: z.number().int(),
          partial: z.number().int(),
          last_run: CompactRunSchema,
        }),
      ),
    }),
    upcoming: z.object({
      total: z.number().int().openapi({ description: 'Fires in the window, all jobs (each counted up to 1,000)' }),
      jobs: z.number().int().openapi({ description: 'Scheduled jobs due in the window (items: the soonest 20)' }),
      more: z.boolean().openapi({ description: 'More than 200 scheduled jobs are due: the counts are lower bounds' }),
      items: z.array(
        z.object({
          job_id: z.string(),
          job_title: z.string(),
          at: isoTime.openapi({ description: "The job's next fire" }),
          fires: z.number().int().openapi({ description: 'Its fires in the window, the next one included' }),
          fires_more: z.boolean().openapi({ description: 'More than 1,000 fires: fires is a lower bound' }),
          schedule: z.string().openapi({ description: 'The schedule in words' }),
        }),
      ),
    }),
    workers: z.object({
      alive: z.number().int().openapi({ description: 'Worker processes with a current heartbeat (the registry)' }),
      holding: z.number().int().openapi({ description: 'Workers holding runs now, seen through the runs' }),
      items: z.array(
        z.object({
          worker_id: z.string(),
          host: z.string(),
          busy: z.number().int(),
          concurrency: z.number().int(),
          runs: z.number().int().openapi({ description: 'Runs it holds now' }),
        }),
      ),
    }),
  })
  .openapi('Overview');
