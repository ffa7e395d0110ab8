import { createRoute, z } from '@hono/zod-openapi';
import type { Run } from '../../domain/model.js';
import { BULK_MAX, type BulkAction } from '../../domain/run-search.js';
import { describeSchedule } from '../../domain/schedule-words.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import type { BulkSelection } from '../../service/operations-service.js';
import { requirePermission } from '../auth.js';
import { actorOf, commonErrors, jsonBody, jsonResponse, router } from '../route-support.js';
import {
  BulkBodySchema,
  BulkCountBodySchema,
  BulkCountSchema,
  BulkResultSchema,
  OverviewSchema,
  runSearchOf,
} from '../console-schemas.js';

/** A run as the overview shows it: no arguments or result, so nothing secret, and small. */
function compactRun(run: Run) {
  const p = run.progress;
  return {
    id: run.id,
    job_id: run.jobId,
    title: run.title,
    status: run.status,
    queue: run.queue,
    started_at: run.startedAt?.toISOString() ?? null,
    finished_at: run.finishedAt?.toISOString() ?? null,
    worker_id: run.workerId,
    message: run.message,
    total_entries: p.total,
    done_entries: (p.inserted ?? 0) + (p.updated ?? 0) + (p.errored ?? 0),
  };
}

function selectionOf(body: z.infer<typeof BulkBodySchema>): BulkSelection {
  return body.ids ? { ids: body.ids } : { filter: runSearchOf(body.filter ?? {}, 'filter.') };
}

const BULK_RIGHTS: Record<BulkAction, 'run' | 'admin'> = { stop: 'run', rerun: 'run', delete: 'admin' };
const BULK_SUMMARY: Record<BulkAction, string> = {
  stop: 'Stop many runs (queued, running or waiting ones)',
  rerun: 'Run many ended runs again with the same arguments',
  delete: 'Delete many ended runs with their logs',
};

/** The operations console: GET /overview and the bulk actions on runs (docs/console.md). */
export function consoleRoutes(deck: Jobdeck) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/overview',
      operationId: 'getOverview',
      summary: 'What runs, waits, failed and will run: the admin landing page',
      description:
        'Running runs, queued runs and the oldest per queue, failed and partial runs of the last 24 h by job, ' +
        'fire times of the next 24 h, workers holding runs. Lists hold 20 rows; counts are whole.',
      tags: ['Runs'],
      middleware: [requirePermission('read')],
      responses: { 200: jsonResponse(OverviewSchema, 'The overview'), ...commonErrors },
    }),
    async (c) => {
      const o = await deck.operations.overview();
      return c.json(
        {
          now: o.now.toISOString(),
          window_hours: o.windowMs / 3_600_000,
          running: { total: o.runningTotal, items: o.running.map(compactRun) },
          queues: o.queues.map((q) => ({
            name: q.name,
            paused: q.paused,
            queued: q.queued,
            running: q.running,
            oldest_queued_at: q.oldestQueuedAt?.toISOString() ?? null,
            oldest_queued_run_id: q.oldestQueuedRunId,
          })),
          failures: {
            failed: o.failedTotal,
            partial: o.partialTotal,
            jobs: o.failureJobs,
            items: o.failures.map((f) => ({
              job_id: f.jobId,
              job_title: f.jobTitle,
              failed: f.failed,
              partial: f.partial,
              last_run: compactRun(f.last),
            })),
          },
          upcoming: {
            total: o.upcomingTotal,
            jobs: o.upcomingJobs,
            more: o.upcomingMore,
            items: o.upcoming.map((u) => ({
              job_id: u.job.id,
              job_title: u.job.title,
              at: u.next.toISOString(),
              fires: u.fires,
              fires_more: u.firesMore,
              schedule: u.job.schedule ? describeSchedule(u.job.schedule) : '',
            })),
          },
          workers: {
            alive: o.alive.length,
            holding: o.workers.length,
            items: o.alive.map((w) => ({
              worker_id: w.id,
              host: w.host,
              busy: w.busy,
              concurrency: w.concurrency,
              runs: w.held,
            })),
          },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/runs/bulk/count',
      operationId: 'countBulkRuns',
      summary: 'Count the runs a bulk action would touch',
      description: `Before confirming: how many runs the selection matches and how many the action applies to (at most ${BULK_MAX}).`,
      tags: ['Runs'],
      middleware: [requirePermission('read')],
      request: { body: jsonBody(BulkCountBodySchema) },
      responses: { 200: jsonResponse(BulkCountSchema, 'The counts'), ...commonErrors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const count = await deck.operations.count(body.action, selectionOf(body));
      return c.json({ action: body.action, ...count, max: BULK_MAX }, 200);
    },
  );

  for (const action of ['stop', 'rerun', 'delete'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/runs/bulk/${action}`,
        operationId: `bulk${action[0]!.toUpperCase()}${action.slice(1)}Runs`,
        summary: BULK_SUMMARY[action],
        description:
          `By ids or by filter; at most ${BULK_MAX} runs (more: 400, narrow the filter), handled in batches on the ` +
          'server through the same rules as the single action, recorded as one audit entry with the filter and counts. ' +
          'Runs of other statuses are left alone; sub-runs only with include_subruns (never for rerun).',
        tags: ['Runs'],
        middleware: [requirePermission(BULK_RIGHTS[action])],
        request: { body: jsonBody(BulkBodySchema) },
        responses: { 200: jsonResponse(BulkResultSchema, 'What was done'), ...commonErrors },
      }),
      async (c) => {
        const result = await deck.operations.bulk(action, selectionOf(c.req.valid('json')), actorOf(c));
        return c.json(
          {
            action,
            eligible: result.eligible,
            done: result.done,
            skipped: result.skipped,
            reasons: result.reasons.map((r) => ({ run_id: r.runId, message: r.message })),
            audit_id: result.auditId,
          },
          200,
        );
      },
    );
  }
  return app;
}
