import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Jobdeck } from '../../service/jobdeck.js';
import type { StoreEvent } from '../../storage/notifier.js';
import { requirePermission } from '../auth.js';
import { commonErrors, type AppEnv } from '../route-support.js';
import type { StreamGuard } from '../stream-guard.js';

/** Store events as the API names them. */
function toApiEvent(event: StoreEvent): { event: string; data: Record<string, unknown> } {
  switch (event.type) {
    case 'queued':
      return {
        event: 'run.queued',
        data: { queue: event.queue, run_id: event.runId ?? null, job_id: event.jobId ?? null },
      };
    case 'changed':
      return { event: 'run.changed', data: { run_ids: event.runIds ?? null } };
    case 'cancel':
      return { event: 'run.stopping', data: { run_id: event.runId } };
    case 'job':
      return { event: `job.${event.action}`, data: { job_id: event.jobId } };
    case 'progress':
      return { event: 'run.progress', data: { run_id: event.runId } };
    case 'external':
      return { event: 'changed', data: {} };
  }
}

/**
 * GET /events: Server-Sent Events fed by the database notifier, so changes made by any process
 * reach every server. A comment line every 15 s keeps proxies from closing the stream. The
 * stream guard limits open streams per credential and closes them once it is revoked.
 */
export function registerEventRoutes(app: OpenAPIHono<AppEnv>, deck: Jobdeck, streams: StreamGuard): void {
  // A stream, not a JSON route: described in the document by hand, served by a plain handler.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/events',
    operationId: 'streamEvents',
    summary: 'Follow changes as Server-Sent Events',
    tags: ['Events'],
    description: 'Events run.queued, run.changed, run.stopping, run.progress, job.* and changed; ready once live',
    responses: {
      200: {
        content: { 'text/event-stream': { schema: z.string() } },
        description: 'An endless event stream',
      },
      401: commonErrors[401],
      403: commonErrors[403],
    },
  });
  app.get('/events', requirePermission('read'), (c) =>
    streams.open(c, async ({ stream, sleep }) => {
      let id = 0;
      const unsubscribe = deck.store.subscribe((event) => {
        const { event: name, data } = toApiEvent(event);
        void stream.writeSSE({ event: name, data: JSON.stringify(data), id: String((id += 1)) });
      });
      stream.onAbort(unsubscribe);
      // Tell the client once changes will reach it (PostgreSQL: LISTEN is in effect).
      await deck.store.listening();
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted) {
        await stream.write(': keep-alive\n\n');
        await sleep(15_000);
      }
      unsubscribe();
    }),
  );
}
