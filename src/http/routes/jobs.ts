import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Job, Run } from '../../domain/model.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { JOB_SORTS } from '../../storage/store.js';
import { jobToWire, runToWire } from '../../wire/wire.js';
import { requirePermission } from '../auth.js';
import {
  actorOf,
  apiBase,
  viewOf,
  type AppEnv,
  commonErrors,
  jsonBody,
  jsonResponse,
  respond,
  respondPage,
  router,
  errorResponseDoc,
} from '../route-support.js';
import { JobCreateSchema, JobPatchSchema, JobSchema, listOf, PageQuerySchema } from '../schemas.js';

const JobId = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

const listQuery = z.object({
  q: z.string().optional().openapi({ description: 'Case-insensitive match on title or description' }),
  active: z.enum(['true', 'false']).optional(),
  task: z.string().optional(),
  queue: z.string().optional(),
  sort: z.enum(JOB_SORTS).optional().openapi({ description: 'Default -created (newest first)' }),
  ...PageQuerySchema,
});

/** A job on the wire, with its last run (looked up unless the caller has it) and links. */
async function jobResource(deck: Jobdeck, c: Context, job: Job, known?: Map<string, Run>) {
  const base = apiBase(c);
  const last = (known ?? (await deck.runs.lastOf([job.id]))).get(job.id);
  const view = viewOf(deck, c as Context<AppEnv>);
  const wire = jobToWire(job, view);
  return {
    ...wire,
    run_args: { args: wire.args, custom_args: wire.custom_args },
    last_run: last ? { ...runToWire(last, view), links: { self: `${base}/jobs/${job.id}/runs/${last.id}` } } : null,
    links: { self: `${base}/jobs/${job.id}`, runs: `${base}/jobs/${job.id}/runs` },
  };
}

function jobInput(body: z.infer<typeof JobPatchSchema>) {
  return {
    ...(body.title !== undefined && { title: body.title }),
    ...(body.description !== undefined && { description: body.description }),
    ...(body.task !== undefined && { task: body.task }),
    ...(body.default_queue !== undefined && { queue: body.default_queue }),
    ...(body.active !== undefined && { active: body.active }),
    ...(body.args !== undefined && { args: body.args }),
    ...(body.custom_args !== undefined && { customArgs: body.custom_args }),
    ...(body.schedule !== undefined && { schedule: body.schedule }),
    ...(body.overlap_policy !== undefined && { overlapPolicy: body.overlap_policy }),
    ...(body.misfire_policy !== undefined && { misfirePolicy: body.misfire_policy }),
    ...(body.notification_emails !== undefined && { notificationEmails: body.notification_emails }),
    ...(body.notification_statuses !== undefined && { notificationStatuses: body.notification_statuses }),
    ...(body.notification_webhooks !== undefined && { notificationWebhooks: body.notification_webhooks }),
    ...(body.notify_running_longer_than !== undefined && {
      notifyRunningLongerThan: body.notify_running_longer_than,
    }),
    ...(body.history_alerts !== undefined && { historyAlerts: body.history_alerts }),
    ...(body.max_attempts !== undefined && { maxAttempts: body.max_attempts }),
    ...(body.timeout_seconds !== undefined && { timeoutSeconds: body.timeout_seconds }),
    ...(body.retry_backoff_seconds !== undefined && { retryBackoffSeconds: body.retry_backoff_seconds }),
    ...(body.retry_backoff_max_seconds !== undefined && { retryBackoffMaxSeconds: body.retry_backoff_max_seconds }),
    ...(body.retry_partial !== undefined && { retryPartial: body.retry_partial }),
  };
}

export function jobRoutes(deck: Jobdeck) {
  const app = router();
  const read = [requirePermission('read')];
  const admin = [requirePermission('admin')];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs',
      operationId: 'listJobs',
      summary: 'List jobs',
      tags: ['Jobs'],
      middleware: read,
      request: { query: listQuery },
      responses: { 200: jsonResponse(listOf(JobSchema, 'JobList'), 'Jobs, newest first'), ...commonErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await deck.jobs.list({
        ...query,
        active: query.active === undefined ? undefined : query.active === 'true',
      });
      // One query for the last runs of the whole page, not one per job.
      const last = await deck.runs.lastOf(page.items.map((job) => job.id));
      const hits = await Promise.all(page.items.map((job) => jobResource(deck, c, job, last)));
      return respondPage(c, hits, page);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/jobs',
      operationId: 'createJob',
      summary: 'Create a job',
      tags: ['Jobs'],
      middleware: admin,
      request: { body: jsonBody(JobCreateSchema) },
      responses: { 201: jsonResponse(JobSchema, 'The job (it is not run)'), ...commonErrors },
    }),
    async (c) => {
      const job = await deck.jobs.create(jobInput(c.req.valid('json')) as never, actorOf(c));
      return respond(c, await jobResource(deck, c, job), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}',
      operationId: 'getJob',
      summary: 'Get a job',
      tags: ['Jobs'],
      middleware: read,
      request: { params: JobId },
      responses: { 200: jsonResponse(JobSchema, 'The job'), ...commonErrors },
    }),
    async (c) => respond(c, await jobResource(deck, c, await deck.jobs.get(c.req.valid('param').id)), 200),
  );

  for (const method of ['put', 'patch'] as const) {
    app.openapi(
      createRoute({
        method,
        path: '/jobs/{id}',
        operationId: method === 'put' ? 'replaceJob' : 'updateJob',
        summary: method === 'put' ? 'Replace a job' : 'Change fields of a job',
        tags: ['Jobs'],
        middleware: admin,
        description:
          method === 'put' ? 'Replace the job (fields left out take their defaults)' : 'Change the given fields',
        request: { params: JobId, body: jsonBody(method === 'put' ? JobCreateSchema : JobPatchSchema) },
        responses: { 200: jsonResponse(JobSchema, 'The job'), ...commonErrors },
      }),
      async (c) => {
        const body = c.req.valid('json') as z.infer<typeof JobPatchSchema>;
        const input = jobInput(body);
        const replace =
          method === 'put'
            ? {
                description: '',
                queue: deck.queues.defaultName,
                active: true,
                args: {},
                customArgs: null,
                schedule: null,
                overlapPolicy: 'skip',
                misfirePolicy: 'once',
                notificationEmails: [],
                notificationStatuses: [],
                notificationWebhooks: [],
                notifyRunningLongerThan: null,
                ...input,
              }
            : input;
        const job = await deck.jobs.update(c.req.valid('param').id, replace, actorOf(c));
        return respond(c, await jobResource(deck, c, job), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/jobs/{id}',
      operationId: 'deleteJob',
      summary: 'Delete a job',
      tags: ['Jobs'],
      middleware: admin,
      description: 'Deletes the job with its runs and their logs; refused (409) while a run is queued or running',
      request: { params: JobId },
      responses: {
        204: { description: 'Deleted' },
        409: errorResponseDoc('A run of the job is queued or running'),
        ...commonErrors,
      },
    }),
    async (c) => {
      await deck.jobs.delete(c.req.valid('param').id, actorOf(c));
      return c.body(null, 204);
    },
  );

  return app;
}
