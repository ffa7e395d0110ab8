import { createRoute, z } from '@hono/zod-openapi';
import type { Jobdeck } from '../../service/jobdeck.js';
import { requirePermission } from '../auth.js';
import { CalendarQuerySchema, CalendarSchema, FidelitySchema, RunComparisonSchema } from '../calendar-schemas.js';
import { commonErrors, jsonResponse, respond, router, viewOf } from '../route-support.js';

const runIdQuery = (description: string) => z.coerce.number().int().positive().openapi({ description });

/**
 * GET /calendar, /jobs/{id}/fidelity and /runs/compare: what the schedules will do and did, and
 * two runs side by side. Registered before the run routes, so /runs/compare is not read as a run id.
 */
export function calendarRoutes(deck: Jobdeck) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar',
      operationId: 'getCalendar',
      summary: 'Fire times and slot runs of every active scheduled job in a window',
      tags: ['Jobs'],
      middleware: [requirePermission('read')],
      request: { query: CalendarQuerySchema },
      responses: { 200: jsonResponse(CalendarSchema, 'The calendar'), ...commonErrors },
    }),
    async (c) => respond(c, await deck.calendar.calendar(c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/fidelity',
      operationId: 'getScheduleFidelity',
      summary: "What became of every slot of a job's schedule in the last days",
      tags: ['Jobs'],
      middleware: [requirePermission('read')],
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
        query: z.object({
          days: z.coerce.number().int().min(1).max(30).default(7).openapi({ description: 'Days back (1 to 30)' }),
        }),
      },
      responses: { 200: jsonResponse(FidelitySchema, 'Every slot, oldest first'), ...commonErrors },
    }),
    async (c) => c.json(await deck.calendar.fidelity(c.req.valid('param').id, c.req.valid('query').days), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/runs/compare',
      operationId: 'compareRuns',
      summary: 'Two runs side by side: arguments, times, counters, logs and where the logs part',
      tags: ['Runs'],
      middleware: [requirePermission('read')],
      request: { query: z.object({ a: runIdQuery('The first run'), b: runIdQuery('The second run') }) },
      responses: { 200: jsonResponse(RunComparisonSchema, 'The comparison'), ...commonErrors },
    }),
    async (c) => {
      const { a, b } = c.req.valid('query');
      return c.json(await deck.compareRuns.compare(a, b, viewOf(deck, c)), 200);
    },
  );
  return app;
}
