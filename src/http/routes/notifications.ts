import { createRoute, z } from '@hono/zod-openapi';
import type { Jobdeck } from '../../service/jobdeck.js';
import { NOTIFICATION_EVENTS } from '../../domain/notification.js';
import { notificationToWire } from '../../notifications/settings.js';
import { requirePermission } from '../auth.js';
import { commonErrors, jsonResponse, respond, router } from '../route-support.js';

const time = z.string().openapi({ format: 'date-time' });

const NotificationSchema = z
  .object({
    id: z.number().int(),
    run_id: z.number().int().nullable(),
    event: z.enum(NOTIFICATION_EVENTS),
    status: z
      .string()
      .openapi({ description: 'The run status told about, MISSED, RUNNING_LONG, SLOW_RUN or FAILURE_STREAK' }),
    channel: z.enum(['email', 'webhook']),
    target: z.string().openapi({ description: 'The e-mail address or webhook URL' }),
    state: z.enum(['pending', 'sending', 'delivered', 'failed']),
    attempts: z.number().int(),
    next_attempt_at: time.nullable(),
    last_error: z.string().nullable(),
    created: time,
    updated: time,
    history: z.array(
      z.object({
        attempt: z.number().int(),
        time,
        outcome: z.enum(['delivered', 'failed']),
        error: z.string().nullable(),
        duration_ms: z.number(),
      }),
    ),
  })
  .openapi('Notification');

const NotificationList = z.object({ hits: z.array(NotificationSchema) }).openapi('NotificationList');

const pathParam = (name: string) => z.string().openapi({ param: { name, in: 'path' } });

/** Deliveries of notifications, each with every attempt: by run, and by job (missed slots have no run). */
export function notificationRoutes(deck: Jobdeck) {
  const app = router();
  const read = [requirePermission('read')];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{run_id}/notifications',
      operationId: 'listRunNotifications',
      summary: 'List the notifications sent about a run',
      tags: ['Notifications'],
      middleware: read,
      description: 'E-mails and webhooks sent (or being retried) about the run, newest first',
      request: {
        params: z.object({
          run_id: z.coerce
            .number()
            .int()
            .positive()
            .openapi({ param: { name: 'run_id', in: 'path' } }),
        }),
      },
      responses: { 200: jsonResponse(NotificationList, 'Deliveries with their attempts'), ...commonErrors },
    }),
    async (c) => {
      const list = await deck.notifications.forRun(c.req.valid('param').run_id);
      return respond(c, { hits: list.map((n) => notificationToWire(n, c.get('identity').role)) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/notifications',
      operationId: 'listJobNotifications',
      summary: 'List the notifications sent about a job',
      tags: ['Notifications'],
      middleware: read,
      description: "The job's latest 100 deliveries (run endings, missed slots, long runs), newest first",
      request: { params: z.object({ id: pathParam('id') }) },
      responses: { 200: jsonResponse(NotificationList, 'Deliveries with their attempts'), ...commonErrors },
    }),
    async (c) => {
      const list = await deck.notifications.forJob(c.req.valid('param').id);
      return respond(c, { hits: list.map((n) => notificationToWire(n, c.get('identity').role)) }, 200);
    },
  );
  return app;
}
