import { createRoute, z } from '@hono/zod-openapi';
import type { Jobdeck } from '../../service/jobdeck.js';
import { auditEntryToWire } from '../../wire/access-wire.js';
import { requirePermission } from '../auth.js';
import { commonErrors, jsonResponse, respondPage, router } from '../route-support.js';
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
      operationId: 'listAuditEntries',
      summary: 'List audit log entries',
      tags: ['Audit'],
      middleware: [requirePermission('admin')],
      request: { query: z.object({ job: z.string().optional(), ...PageQuerySchema }) },
      responses: { 200: jsonResponse(listOf(AuditEntrySchema, 'AuditList'), 'Changes, newest first'), ...commonErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await deck.audit.list({ jobId: query.job, page: query.page, size: query.size });
      const hits = page.items.map(auditEntryToWire);
      return respondPage(c, hits, page);
    },
  );
  return app;
}
