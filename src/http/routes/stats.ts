import { createRoute, z } from '@hono/zod-openapi';
import { RUN_STATUSES } from '../../domain/run-status.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { STATS_LIMITS, StatsService } from '../../service/stats-service.js';
import { requirePermission } from '../auth.js';
import { commonErrors, jsonResponse, respond, router } from '../route-support.js';

const time = z.string().openapi({ format: 'date-time' });
const scope = {
  job: z.string().max(200).optional().openapi({ description: "A job's id (its top-level runs); or give task" }),
  task: z.string().max(200).optional().openapi({ description: "A task's id (all its runs, sub-runs included)" }),
};
const ScopeSchema = z.object({ job: z.string().nullable(), task: z.string().nullable() });

const RunStatsSchema = z
  .object({
    scope: ScopeSchema,
    points: z.array(
      z.object({
        id: z.number().int(),
        job_id: z.string(),
        status: z.enum(RUN_STATUSES),
        started: time,
        finished: time,
        duration_ms: z.number(),
        inserted: z.number().nullable(),
        updated: z.number().nullable(),
        errored: z.number().nullable(),
      }),
    ),
    p50_ms: z.number().nullable(),
    p95_ms: z.number().nullable(),
    successes: z.number().int(),
  })
  .openapi('RunStats');

const OutcomeStatsSchema = z
  .object({
    scope: ScopeSchema,
    from: time,
    until: time,
    days: z.array(
      z.object({
        day: z.string().openapi({ example: '2026-12-06', description: 'A UTC day' }),
        counts: z.record(z.string(), z.number()),
        total: z.number().int(),
      }),
    ),
    truncated: z
      .boolean()
      .openapi({ description: `The window held more than ${STATS_LIMITS.maxRows} runs: the newest were counted` }),
  })
  .openapi('OutcomeStats');

const QueueStatsSchema = z
  .object({
    from: time,
    until: time,
    bucket_ms: z.number().int(),
    buckets: z.array(
      z.object({
        start: time,
        queue: z.string(),
        finished: z.number().int(),
        failed: z.number().int(),
        wait_avg_ms: z.number().nullable().openapi({ description: 'From available (enqueued or due) to start' }),
        wait_max_ms: z.number().nullable(),
      }),
    ),
    truncated: z.boolean(),
  })
  .openapi('QueueStats');

/** GET /api/stats/*: the charts' numbers, computed by the server over bounded windows. */
export function statsRoutes(deck: Jobdeck) {
  const app = router();
  const stats = new StatsService(deck.store, deck.jobs);
  const read = [requirePermission('read')];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/stats/runs',
      operationId: 'getRunStats',
      summary: "Durations and entry counters of a job's (or task's) latest ended runs, with p50/p95",
      tags: ['Stats'],
      middleware: read,
      request: {
        query: z.object({
          ...scope,
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(STATS_LIMITS.runs.max)
            .optional()
            .openapi({
              description: `How many of the latest ended runs (default ${STATS_LIMITS.runs.default}, at most ${STATS_LIMITS.runs.max})`,
            }),
        }),
      },
      responses: {
        200: jsonResponse(RunStatsSchema, 'Runs oldest first; p50/p95 of the successful ones'),
        ...commonErrors,
      },
    }),
    async (c) => c.json(await stats.runs(c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/stats/outcomes',
      operationId: 'getOutcomeStats',
      summary: 'Ended runs per UTC day and final status',
      tags: ['Stats'],
      middleware: read,
      request: {
        query: z.object({
          ...scope,
          days: z.coerce
            .number()
            .int()
            .min(1)
            .max(STATS_LIMITS.days.max)
            .optional()
            .openapi({
              description: `Days back, today included (default ${STATS_LIMITS.days.default}, at most ${STATS_LIMITS.days.max})`,
            }),
        }),
      },
      responses: { 200: jsonResponse(OutcomeStatsSchema, 'Every day of the window, oldest first'), ...commonErrors },
    }),
    async (c) => respond(c, await stats.outcomes(c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/stats/queues',
      operationId: 'getQueueStats',
      summary: 'Runs ended per queue and time bucket (throughput) and their wait before starting',
      tags: ['Stats'],
      middleware: read,
      request: {
        query: z.object({
          hours: z.coerce
            .number()
            .int()
            .min(1)
            .max(STATS_LIMITS.hours.max)
            .optional()
            .openapi({
              description: `Hours back (default ${STATS_LIMITS.hours.default}, at most ${STATS_LIMITS.hours.max}); 15-minute buckets up to 6 h, else hourly`,
            }),
        }),
      },
      responses: { 200: jsonResponse(QueueStatsSchema, 'Buckets with runs, oldest first'), ...commonErrors },
    }),
    async (c) => c.json(await stats.queues(c.req.valid('query')), 200),
  );
  return app;
}
