import { z } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import type { Jobdeck } from '../../service/jobdeck.js';
import { requirePermission } from '../auth.js';
import {
  actorOf,
  commonErrors,
  errorResponseDoc,
  jsonResponse,
  pageLinks,
  respond,
  router,
  viewOf,
} from '../route-support.js';
import { LinksSchema, RunSchema } from '../schemas.js';
import { RunId, runFilters, runResource } from './runs.js';

const SubRunListSchema = z
  .object({
    hits: z.object({ hits: z.array(RunSchema), total: z.number().int() }),
    counts: z
      .record(z.string(), z.number().int())
      .openapi({ description: 'All sub-runs of the run by status (whatever the filter), e.g. {"SUCCESS": 490}' }),
    links: LinksSchema,
  })
  .openapi('SubRunList');

/** A run's family: its sub-runs, and deleting a run with them. */
export function runFamilyRoutes(deck: Jobdeck) {
  const app = router();
  const read = [requirePermission('read')];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{run_id}/subruns',
      operationId: 'listSubRuns',
      summary: 'List the sub-runs of a run',
      tags: ['Runs'],
      middleware: read,
      description:
        'The sub-runs a run created (fan-out), oldest first, with a status filter and paging; counts gives all of them by status.',
      request: { params: RunId.pick({ run_id: true }), query: z.object(runFilters) },
      responses: { 200: jsonResponse(SubRunListSchema, 'Sub-runs, oldest first'), ...commonErrors },
    }),
    async (c) => {
      const runId = c.req.valid('param').run_id;
      await deck.runs.get(runId); // 404 for an unknown run rather than an empty list
      const [page, counts] = await Promise.all([
        deck.runs.list({ ...c.req.valid('query'), parentRunId: runId }),
        deck.store.subRunCounts(runId),
      ]);
      const hits = page.items.map((r) => runResource(c, r, viewOf(deck, c)));
      return respond(
        c,
        { hits: { hits, total: page.total }, counts, links: pageLinks(c, page.page, page.size, page.total) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/jobs/{id}/runs/{run_id}',
      operationId: 'deleteRun',
      summary: 'Delete a run',
      tags: ['Runs'],
      // Deleting history is an administrator's right, like deleting a job: an operator runs and
      // stops jobs but does not erase what they did.
      middleware: [requirePermission('admin')],
      description:
        'Deletes an ended run with its log lines and its sub-runs; 409 while the run, one of its sub-runs or (for a sub-run) its parent is queued, running or waiting. Audited (run.delete).',
      request: { params: RunId },
      responses: {
        204: { description: 'Deleted' },
        409: errorResponseDoc('The run, a sub-run or its parent is active'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, run_id } = c.req.valid('param');
      await deck.runs.delete(run_id, id, actorOf(c));
      return c.body(null, 204) as never;
    },
  );

  return app;
}
