import { createRoute, z } from '@hono/zod-openapi';
import type { Jobdeck } from '../../service/jobdeck.js';
import { requirePermission } from '../auth.js';
import { actorOf, commonErrors, jsonResponse, router } from '../route-support.js';

const QueueSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    paused: z.boolean(),
    counts: z.record(z.string(), z.number()),
  })
  .openapi('Queue');

const QueueName = z.object({ name: z.string().openapi({ param: { name: 'name', in: 'path' } }) });

export function queueRoutes(deck: Jobdeck) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/queues',
      operationId: 'listQueues',
      summary: 'List queues with run counts',
      tags: ['Queues'],
      middleware: [requirePermission('read')],
      responses: {
        200: jsonResponse(
          z.object({ hits: z.object({ hits: z.array(QueueSchema), total: z.number() }) }),
          'Configured queues with run counts by status',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const hits = await deck.queueAdmin.list();
      return c.json({ hits: { hits, total: hits.length } }, 200);
    },
  );
  for (const action of ['pause', 'resume'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/queues/{name}/${action}`,
        operationId: action === 'pause' ? 'pauseQueue' : 'resumeQueue',
        summary: action === 'pause' ? 'Pause a queue' : 'Resume a queue',
        tags: ['Queues'],
        middleware: [requirePermission('admin')],
        description:
          action === 'pause'
            ? 'Workers stop taking runs of this queue (running runs go on)'
            : 'Workers take runs of this queue again',
        request: { params: QueueName },
        responses: { 200: jsonResponse(QueueSchema, 'The queue'), ...commonErrors },
      }),
      async (c) => {
        const { actor, requestId } = actorOf(c);
        const name = c.req.valid('param').name;
        const queue =
          action === 'pause'
            ? await deck.queueAdmin.pause(name, actor, requestId)
            : await deck.queueAdmin.resume(name, actor, requestId);
        return c.json(queue, 200);
      },
    );
  }
  return app;
}
