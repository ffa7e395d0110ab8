import { createRoute, z } from '@hono/zod-openapi';
import { cursorText, searchLogs } from '../../service/log-search.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { requirePermission } from '../auth.js';
import { commonErrors, jsonResponse, publicUrl, router } from '../route-support.js';
import { LinksSchema } from '../schemas.js';

/** GET /api/logs: lines of every run, searched by words and filters (docs/logs.md). */

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-25T03:00:00.000Z' });

const LogHitSchema = z
  .object({
    run_id: z.number().int(),
    job_id: z.string(),
    run_title: z.string(),
    parent_run_id: z.number().int().nullable(),
    seq: z.number().int(),
    time: isoTime,
    level: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('LogHit');

const LogSearchPageSchema = z
  .object({
    hits: z.array(LogHitSchema),
    next: z.string().nullable().openapi({
      description:
        'Cursor of the next page (pass it as after), or null when every line has been searched. A page may hold fewer hits than size and still have a next: each page searches a bounded part of the logs.',
    }),
    links: LinksSchema,
  })
  .openapi('LogSearchPage');

const query = z.object({
  q: z.string().max(500).optional().openapi({
    description:
      'Words every line must have, in any case (whole words of letters and digits; other characters separate words)',
  }),
  job: z.string().max(200).optional().openapi({ description: 'Only lines of runs of this job' }),
  run: z.coerce.number().int().min(1).optional().openapi({ description: 'Only lines of this run' }),
  include_subruns: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'With run: the lines of its sub-runs too, each hit naming its run' }),
  level: z.enum(['debug', 'info', 'warn', 'error']).optional().openapi({ description: 'Lowest level shown' }),
  since: z.string().max(100).optional().openapi({ description: 'Lines at or after this time (ISO 8601)' }),
  until: z.string().max(100).optional().openapi({ description: 'Lines before this time (ISO 8601)' }),
  after: z.string().max(100).optional().openapi({ description: 'Cursor: the next of the previous page' }),
  size: z.coerce.number().int().min(1).max(200).default(50),
});

export function logSearchRoutes(deck: Jobdeck) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/logs',
      operationId: 'searchLogs',
      summary: 'Search the logs of all runs',
      tags: ['Logs'],
      middleware: [requirePermission('read')],
      description:
        'Lines of any run, newest first, by words (indexed) and filters. Page with the cursor: links.next (or next as after) continues; there is no cap on the results, only on each page.',
      request: { query },
      responses: { 200: jsonResponse(LogSearchPageSchema, 'A page of matching lines, newest first'), ...commonErrors },
    }),
    async (c) => {
      const input = c.req.valid('query');
      const page = await searchLogs(deck.store, { ...input, subruns: input.include_subruns === 'true' });
      const next = page.next ? cursorText(page.next) : null;
      const self = publicUrl(c);
      const links: Record<string, string> = { self: self.toString() };
      if (next) {
        const url = new URL(self);
        url.searchParams.set('after', next);
        links.next = url.toString();
      }
      const hits = page.hits.map((hit) => ({
        run_id: hit.runId,
        job_id: hit.jobId,
        run_title: hit.runTitle,
        parent_run_id: hit.parentRunId,
        seq: hit.seq,
        time: hit.time.toISOString(),
        level: hit.level,
        message: hit.message,
        fields: hit.fields,
      }));
      return c.json({ hits, next, links }, 200);
    },
  );
  return app;
}
