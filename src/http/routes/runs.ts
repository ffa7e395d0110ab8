import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { isFinalStatus } from '../../domain/run-status.js';
import type { Run } from '../../domain/model.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { logLineToWire, runToWire } from '../../service/wire.js';
import { requirePermission } from '../auth.js';
import {
  actorOf,
  apiBase,
  commonErrors,
  jsonBody,
  jsonResponse,
  respond,
  respondPage,
  router,
} from '../route-support.js';
import { LogLineSchema, PageQuerySchema, RunCreateSchema, RunSchema, listOf } from '../schemas.js';

const pathParam = (name: string) => z.string().openapi({ param: { name, in: 'path' } });
const JobId = z.object({ id: pathParam('id') });
const RunId = z.object({
  id: pathParam('id'),
  run_id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'run_id', in: 'path' } }),
});

export function runResource(c: Context, run: Run) {
  const self = `${apiBase(c)}/jobs/${run.jobId}/runs/${run.id}`;
  return {
    ...runToWire(run),
    links: { self, logs: `${self}/logs`, stop: `${self}/actions/stop`, job: `${apiBase(c)}/jobs/${run.jobId}` },
  };
}

const runFilters = {
  status: z.string().optional().openapi({ description: 'Comma-separated statuses, e.g. RUNNING,FAILED' }),
  q: z.string().optional().openapi({ description: 'Case-insensitive match on title or message' }),
  ...PageQuerySchema,
};

/** Streams a run's log lines as they are written, then an `end` event with the final status. */
function followLogs(
  c: Context,
  deck: Jobdeck,
  runId: number,
  query: { after?: number | undefined; level?: string | undefined; q?: string | undefined },
) {
  return streamSSE(c, async (stream) => {
    let after = query.after ?? 0;
    for (;;) {
      // Lines are stored before the final state, so reading once more after it misses nothing.
      const final = isFinalStatus((await deck.runs.get(runId)).status);
      for (;;) {
        const lines = await deck.runs.logs(runId, { ...query, after, size: 1000 });
        for (const line of lines) {
          await stream.writeSSE({ event: 'log', id: String(line.seq), data: JSON.stringify(logLineToWire(line)) });
          after = line.seq;
        }
        if (lines.length < 1000) break;
      }
      if (final || stream.aborted) break;
      await stream.sleep(250);
    }
    const run = await deck.runs.get(runId);
    await stream.writeSSE({ event: 'end', data: JSON.stringify({ status: run.status }) });
  }) as never;
}

export function runRoutes(deck: Jobdeck) {
  const app = router();
  const read = [requirePermission('read')];
  const run = [requirePermission('run')];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/runs',
      middleware: read,
      request: { params: JobId, query: z.object(runFilters) },
      responses: { 200: jsonResponse(listOf(RunSchema, 'RunList'), 'Runs of the job, newest first'), ...commonErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await deck.runs.list({ ...query, jobId: c.req.valid('param').id });
      const hits = page.items.map((r) => runResource(c, r));
      return respondPage(c, hits, page);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/runs',
      middleware: read,
      request: { query: z.object({ ...runFilters, queue: z.string().optional(), task: z.string().optional() }) },
      responses: {
        200: jsonResponse(listOf(RunSchema, 'AllRunList'), 'Runs of all jobs, newest first'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const page = await deck.runs.list(c.req.valid('query'));
      const hits = page.items.map((r) => runResource(c, r));
      return respondPage(c, hits, page);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/jobs/{id}/runs',
      middleware: run,
      description: 'Configure and run: queue a run now (inactive jobs too)',
      request: { params: JobId, body: jsonBody(RunCreateSchema) },
      responses: { 201: jsonResponse(RunSchema, 'The queued run'), ...commonErrors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { actor, requestId } = actorOf(c);
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
        { actor, requestId },
      );
      return respond(c, runResource(c, created), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/runs/{run_id}',
      middleware: read,
      request: { params: RunId },
      responses: { 200: jsonResponse(RunSchema, 'The run'), ...commonErrors },
    }),
    async (c) => {
      const { id, run_id } = c.req.valid('param');
      return respond(c, runResource(c, await deck.runs.get(run_id, id)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/jobs/{id}/runs/{run_id}/actions/stop',
      middleware: run,
      description: 'A queued run is CANCELLED at once; a running one becomes CANCELLING until its task ends',
      request: { params: RunId },
      responses: { 202: jsonResponse(RunSchema, 'The run, CANCELLED or CANCELLING'), ...commonErrors },
    }),
    async (c) => {
      const { id, run_id } = c.req.valid('param');
      return respond(c, runResource(c, await deck.runs.stop(run_id, id, actorOf(c))), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/runs/{run_id}/logs',
      middleware: read,
      request: {
        params: RunId,
        query: z.object({
          after: z.coerce
            .number()
            .int()
            .min(0)
            .optional()
            .openapi({ description: 'Cursor: lines after this sequence number' }),
          size: z.coerce.number().int().min(1).max(1000).default(100),
          level: z.enum(['debug', 'info', 'warn', 'error']).optional().openapi({ description: 'Lowest level shown' }),
          q: z.string().optional().openapi({ description: 'Only lines whose message contains this text' }),
          follow: z.enum(['true', 'false']).optional().openapi({
            description:
              'true: a Server-Sent Events stream of lines (event "log", id = seq) until the run ends (event "end"); resumes after Last-Event-ID',
          }),
        }),
      },
      responses: { 200: jsonResponse(listOf(LogLineSchema, 'LogPage'), 'Log lines, oldest first'), ...commonErrors },
    }),
    async (c) => {
      const { id, run_id } = c.req.valid('param');
      const query = c.req.valid('query');
      await deck.runs.get(run_id, id);
      if (query.follow === 'true') {
        const resume = Number(c.req.header('last-event-id'));
        return followLogs(c, deck, run_id, {
          ...query,
          after: Number.isSafeInteger(resume) && resume > 0 ? resume : query.after,
        });
      }
      const lines = await deck.runs.logs(run_id, query);
      const hits = lines.map(logLineToWire);
      const last = hits[hits.length - 1];
      const url = new URL(c.req.url);
      if (last) url.searchParams.set('after', String(last.seq));
      return respond(c, { hits: { hits, total: hits.length }, links: { self: c.req.url, next: url.toString() } }, 200);
    },
  );

  return app;
}
