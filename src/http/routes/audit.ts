import { createRoute, z } from '@hono/zod-openapi';
import type { Jobdeck } from '../../service/jobdeck.js';
import { requirePermission } from '../auth.js';
import { commonErrors, jsonResponse, pageLinks, respond, router } from '../route-support.js';
import { PageQuerySchema, listOf } from '../schemas.js';

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    time: z.string(),
    actor: z.string(),
    action: z.string().openapi({ example: 'job.update' }),
    job_id: z.string().nullable(),
    run_id: z.number().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    request_id: z.string().nullable(),
  })
  .openapi('AuditEntry');

export function auditRoutes(deck: Jobdeck) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      middleware: [requirePermission('admin')],
      request: { query: z.object({ job: z.string().optional(), ...PageQuerySchema }) },
      responses: { 200: jsonResponse(listOf(AuditEntrySchema, 'AuditList'), 'Changes, newest first'), ...commonErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await deck.audit.list({ jobId: query.job, page: query.page, size: query.size });
      const hits = page.items.map((entry) => ({
        id: entry.id,
        time: entry.time.toISOString(),
        actor: entry.actor,
        action: entry.action,
        job_id: entry.jobId,
        run_id: entry.runId,
        details: entry.details,
        request_id: entry.requestId,
      }));
      return respond(
        c,
        { hits: { hits, total: page.total }, links: pageLinks(c, page.page, page.size, page.total) },
        200,
      );
    },
  );
  return app;
}
