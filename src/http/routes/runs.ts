import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Run } from '../../domain/model.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { attemptToWire, runToWire, type WireView } from '../../wire/wire.js';
import { requirePermission } from '../auth.js';
import {
  actorOf,
  viewOf,
  apiBase,
  commonErrors,
  errorResponseDoc,
  jsonBody,
  jsonResponse,
  pageLinks,
  respond,
  respondPage,
  router,
  type AppEnv,
} from '../route-support.js';
import { RunSearchListSchema, RunSearchQuerySchema, runSearchOf } from '../console-schemas.js';
import { PageQuerySchema, RunAttemptSchema, RunCreateSchema, RunSchema, listOf } from '../schemas.js';

const pathParam = (name: string) => z.string().openapi({ param: { name, in: 'path' } });
const JobId = z.object({ id: pathParam('id') });
export const RunId = z.object({
  id: pathParam('id'),
  run_id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'run_id', in: 'path' } }),
});

export function runResource(c: Context<AppEnv>, run: Run, view: WireView) {
  const self = `${apiBase(c)}/jobs/${run.jobId}/runs/${run.id}`;
  return {
    ...runToWire(run, view),
    // Stack traces show file paths and code: admins only.
    ...(c.get('identity')?.role === 'admin' && { error_stack: run.errorStack ?? null }),
    links: {
      self,
      logs: `${self}/logs`,
      stop: `${self}/actions/stop`,
      job: `${apiBase(c)}/jobs/${run.jobId}`,
      attempts: `${apiBase(c)}/runs/${run.id}/attempts`,
      subruns: `${apiBase(c)}/runs/${run.id}/subruns`,
      ...(run.parentRunId !== null && { parent: `${apiBase(c)}/jobs/${run.jobId}/runs/${run.parentRunId}` }),
    },
  };
}

const trueOrFalse = (description: string) => z.enum(['true', 'false']).optional().openapi({ description });

/** Which runs a list shows: top-level ones unless sub-runs are asked for. */
const familyFilters = {
  include_subruns: trueOrFalse('true: sub-runs too (by default lists show top-level runs)'),
  include_subtasks: trueOrFalse("The seed system's name for include_subruns"),
  parent: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'Only the sub-runs of this run, oldest first' }),
};

function familyQuery(query: {
  include_subruns?: string | undefined;
  include_subtasks?: string | undefined;
  parent?: number | undefined;
}) {
  return {
    includeSubRuns: query.include_subruns === 'true' || query.include_subtasks === 'true',
    parentRunId: query.parent,
  };
}

export const runFilters = {
  status: z.string().optional().openapi({ description: 'Comma-separated statuses, e.g. RUNNING,FAILED' }),
  q: z.string().optional().openapi({ description: 'Case-insensitive match on title or message' }),
  ...PageQuerySchema,
};
const runListFilters = { ...runFilters, ...familyFilters };

export function runRoutes(deck: Jobdeck) {
  const app = router();
  const read = [requirePermission('read')];
  const run = [requirePermission('run')];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/runs',
      operationId: 'listJobRuns',
      summary: 'List the runs of a job',
      tags: ['Runs'],
      middleware: read,
      request: { params: JobId, query: z.object(runListFilters) },
      responses: { 200: jsonResponse(listOf(RunSchema, 'RunList'), 'Runs of the job, newest first'), ...commonErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await deck.runs.list({ ...query, ...familyQuery(query), jobId: c.req.valid('param').id });
      const hits = page.items.map((r) => runResource(c, r, viewOf(deck, c)));
      return respondPage(c, hits, page);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/runs',
      operationId: 'listRuns',
      summary: 'List runs of all jobs',
      description:
        'Filters by status, job, task, queue, started_by, time window (created or finished) and text; sorted by ' +
        'creation or end. Matches are counted up to 1,000 and pages reach 10,000 runs deep; text is matched among the ' +
        'newest 100,000 runs unless from is given (docs/console.md).',
      tags: ['Runs'],
      middleware: read,
      request: { query: RunSearchQuerySchema.extend({ parent: familyFilters.parent }) },
      responses: { 200: jsonResponse(RunSearchListSchema, 'Runs of all jobs, newest first'), ...commonErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      if (query.parent !== undefined) {
        // A parent's sub-runs, oldest first: the run page's list, counted exactly (one parent's).
        const family = await deck.runs.list({ ...query, parentRunId: query.parent });
        // A parent's sub-runs belong to its job: one title for all.
        const first = family.items[0];
        const jobTitle = first
          ? await deck.jobs.get(first.jobId).then(
              (job) => job.title,
              () => null,
            )
          : null;
        const hits = family.items.map((r) => ({ ...runResource(c, r, viewOf(deck, c)), job_title: jobTitle }));
        const links = pageLinks(c, family.page, family.size, family.total);
        return respond(c, { hits: { hits, total: family.total, more: false }, links }, 200);
      }
      const page = await deck.operations.search(runSearchOf(query), query);
      const hits = page.items.map((r) => ({
        ...runResource(c, r, viewOf(deck, c)),
        job_title: page.jobTitles[r.jobId] ?? null,
      }));
      const links = pageLinks(c, page.page, page.size, page.more ? Infinity : page.total);
      return respond(c, { hits: { hits, total: page.total, more: page.more }, links }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/jobs/{id}/runs',
      operationId: 'createRun',
      summary: 'Run a job now (configure and run)',
      tags: ['Runs'],
      middleware: run,
      description: 'Configure and run: queue a run now (inactive jobs too)',
      request: { params: JobId, body: jsonBody(RunCreateSchema) },
      responses: { 201: jsonResponse(RunSchema, 'The queued run'), ...commonErrors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { actor, requestId, role } = actorOf(c);
      const created = await deck.runs.create(
        c.req.valid('param').id,
        {
          title: body.title,
          queue: body.queue,
          args: body.args,
          since: body.since,
          customArgs: body.custom_args,
          startedBy: actor,
        },
        { actor, requestId, role },
      );
      return respond(c, runResource(c, created, viewOf(deck, c)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/runs/{run_id}',
      operationId: 'getJobRun',
      summary: 'Get a run of a job',
      tags: ['Runs'],
      middleware: read,
      request: { params: RunId },
      responses: { 200: jsonResponse(RunSchema, 'The run'), ...commonErrors },
    }),
    async (c) => {
      const { id, run_id } = c.req.valid('param');
      return respond(c, runResource(c, await deck.runs.get(run_id, id), viewOf(deck, c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{run_id}',
      operationId: 'getRun',
      summary: 'Get a run',
      tags: ['Runs'],
      middleware: read,
      description: "The run, for callers that know only its id (the admin UI's run page)",
      request: { params: RunId.pick({ run_id: true }) },
      responses: { 200: jsonResponse(RunSchema, 'The run'), ...commonErrors },
    }),
    async (c) => respond(c, runResource(c, await deck.runs.get(c.req.valid('param').run_id), viewOf(deck, c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{run_id}/attempts',
      operationId: 'listRunAttempts',
      summary: 'List the attempts of a run',
      tags: ['Runs'],
      middleware: read,
      description:
        'The attempts of a run that ended, was retried or was rescued, first to last: worker, start, end, status and error of each. The attempt in progress is the run itself.',
      request: { params: RunId.pick({ run_id: true }) },
      responses: {
        200: jsonResponse(z.object({ items: z.array(RunAttemptSchema) }).openapi('RunAttemptList'), 'The attempts'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const runId = c.req.valid('param').run_id;
      await deck.runs.get(runId); // 404 for an unknown run rather than an empty list
      return c.json({ items: (await deck.store.attemptList(runId)).map(attemptToWire) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/jobs/{id}/runs/{run_id}/actions/stop',
      operationId: 'stopRun',
      summary: 'Stop a run',
      tags: ['Runs'],
      middleware: run,
      description: 'A queued run is CANCELLED at once; a running one becomes CANCELLING until its task ends',
      request: { params: RunId },
      responses: {
        202: jsonResponse(RunSchema, 'The run, CANCELLED or CANCELLING'),
        ...commonErrors,
        409: errorResponseDoc('The run has already ended'),
      },
    }),
    async (c) => {
      const { id, run_id } = c.req.valid('param');
      return respond(c, runResource(c, await deck.runs.stop(run_id, id, actorOf(c)), viewOf(deck, c)), 202);
    },
  );

  return app;
}
