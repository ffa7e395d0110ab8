import { createRoute, z } from '@hono/zod-openapi';
import type { Jobdeck } from '../../service/jobdeck.js';
import { skippedSlotToWire } from '../../wire/wire.js';
import { requirePermission } from '../auth.js';
import { commonErrors, jsonResponse, respondPage, router } from '../route-support.js';
import { listOf, PageQuerySchema } from '../schemas.js';

const SkippedSlotSchema = z
  .object({
    scheduled_for: z.string().openapi({ format: 'date-time' }),
    reason: z.string().openapi({ description: 'Why no run was made, e.g. overlap or misfire' }),
    created: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('SkippedSlot');

/** GET /jobs/{id}/skipped-slots: schedule slots that made no run (overlap, misfire), newest first. */
export function skippedSlotRoutes(deck: Jobdeck) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/skipped-slots',
      operationId: 'listSkippedSlots',
      summary: 'List the schedule slots of a job that made no run',
      tags: ['Jobs'],
      middleware: [requirePermission('read')],
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
        query: z.object(PageQuerySchema),
      },
      responses: {
        200: jsonResponse(listOf(SkippedSlotSchema, 'SkippedSlotList'), 'Skipped slots of the job, newest first'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      await deck.jobs.get(id); // 404 for an unknown job rather than an empty list
      const { page, size } = c.req.valid('query');
      const slots = await deck.schedules.skipped(id, page, size);
      return respondPage(c, slots.items.map(skippedSlotToWire), { page, size, total: slots.total });
    },
  );
  return app;
}
