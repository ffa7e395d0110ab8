import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isFinalStatus } from '../../domain/run-status.js';
import type { LogLine } from '../../domain/model.js';
import { logLineNdjson, logLineText, logPages } from '../../service/log-export.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { logLineToWire } from '../../wire/wire.js';
import { requirePermission } from '../auth.js';
import { commonErrors, jsonResponse, publicUrl, router, type AppEnv } from '../route-support.js';
import type { StreamGuard } from '../stream-guard.js';
import { LogLineSchema, listOf } from '../schemas.js';
import { RunId } from './runs.js';

/** A run's log over HTTP: pages, its length, a live follow stream (SSE) and downloads. */

const LogStatsSchema = z
  .object({ last_seq: z.number().int().openapi({ description: 'Sequence number of the last line; 0 when empty' }) })
  .openapi('LogStats');

/** A follow stream polls this often while the log grows, and backs off to FOLLOW_POLL_MAX_MS while it does not. */
const FOLLOW_POLL_MS = 250;
const FOLLOW_POLL_MAX_MS = 2000;

/**
 * Streams a run's log lines as they are written, then an `end` event with the final status.
 * Each poll scans only the lines written since the last one (up to the log's end as it was when
 * the poll began) and moves the cursor over all of them, matched or not: a filter that matches
 * nothing costs one index lookup per poll, not a rescan of the whole log.
 */
function followLogs(c: Context<AppEnv>, deck: Jobdeck, streams: StreamGuard, runId: number, query: LogFilter) {
  return streams.open(c, async ({ stream, sleep }) => {
    let after = query.after ?? 0;
    let quietSince = Date.now();
    let idlePolls = 0;
    for (;;) {
      // Lines are stored before the final state, so reading once more after it misses nothing.
      const final = isFinalStatus((await deck.runs.get(runId)).status);
      const through = await deck.store.logMaxSeq(runId);
      if (through > after) {
        for await (const lines of logPages(deck.runs, runId, { ...query, after, through })) {
          for (const line of lines) {
            // The id is the cursor: a client that reconnects sends it back as Last-Event-ID.
            await stream.writeSSE({ event: 'log', id: String(line.seq), data: JSON.stringify(logLineToWire(line)) });
          }
          quietSince = Date.now();
        }
        after = through;
        idlePolls = 0;
      } else idlePolls += 1;
      if (final || stream.aborted) break;
      // A comment now and then keeps proxies from closing a quiet stream.
      if (Date.now() - quietSince > 15_000) {
        await stream.write(': keep-alive\n\n');
        quietSince = Date.now();
      }
      await sleep(Math.min(FOLLOW_POLL_MAX_MS, FOLLOW_POLL_MS * 2 ** Math.min(idlePolls, 3)));
    }
    const run = await deck.runs.get(runId);
    await stream.writeSSE({ event: 'end', data: JSON.stringify({ status: run.status }) });
  }) as never;
}

interface LogFilter {
  after?: number | undefined;
  level?: string | undefined;
  q?: string | undefined;
}

const logFilterQuery = {
  after: z.coerce.number().int().min(0).optional().openapi({ description: 'Cursor: lines after this sequence number' }),
  level: z.enum(['debug', 'info', 'warn', 'error']).optional().openapi({ description: 'Lowest level shown' }),
  q: z.string().optional().openapi({ description: 'Only lines whose message contains this text (any case)' }),
};

const downloadQuery = z.object({
  ...logFilterQuery,
  format: z
    .enum(['text', 'ndjson'])
    .default('text')
    .openapi({ description: 'text: one readable line each; ndjson: one JSON log line each' }),
});

const downloadResponse = {
  content: {
    'text/plain': { schema: z.string() },
    'application/x-ndjson': { schema: z.string() },
  },
  description: 'The whole log (after the cursor, filtered), oldest first, streamed as an attachment',
};

/** Streams the log page by page as an attachment, so a log of millions of lines is never built in memory. */
async function downloadLogs(
  c: Context,
  deck: Jobdeck,
  runId: number,
  query: LogFilter & { format: 'text' | 'ndjson' },
) {
  const ndjson = query.format === 'ndjson';
  const pages = logPages(deck.runs, runId, query);
  // Read the first page before answering, so a bad filter is an error response rather than a cut stream.
  const first = await pages.next();
  const encoder = new TextEncoder();
  const render = (lines: LogLine[]) => encoder.encode(lines.map(ndjson ? logLineNdjson : logLineText).join(''));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(render(first.value));
    },
    async pull(controller) {
      const next = first.done ? first : await pages.next();
      if (next.done) controller.close();
      else controller.enqueue(render(next.value));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return c.body(body, 200, {
    'Content-Type': ndjson ? 'application/x-ndjson; charset=utf-8' : 'text/plain; charset=utf-8',
    'Content-Disposition': `attachment; filename="run-${runId}-log.${ndjson ? 'ndjson' : 'txt'}"`,
  }) as never;
}

export function runLogRoutes(deck: Jobdeck, streams: StreamGuard) {
  const app = router();
  const read = [requirePermission('read')];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{run_id}/logs/stats',
      operationId: 'getRunLogStats',
      summary: "Get the length of a run's log",
      tags: ['Logs'],
      middleware: read,
      description:
        'How long the log is: last_seq is the sequence number of its last line (0 when empty). Lines are numbered 1, 2, … per run, so a client can page to any part of a long log with after = seq − 1.',
      request: { params: RunId.pick({ run_id: true }) },
      responses: { 200: jsonResponse(LogStatsSchema, "The log's length"), ...commonErrors },
    }),
    async (c) => {
      const runId = c.req.valid('param').run_id;
      await deck.runs.get(runId); // 404 for an unknown run rather than an empty log
      return c.json({ last_seq: await deck.store.logMaxSeq(runId) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/runs/{run_id}/logs',
      operationId: 'listRunLogs',
      summary: 'Read or follow the log of a run',
      tags: ['Logs'],
      middleware: read,
      request: {
        params: RunId,
        query: z.object({
          ...logFilterQuery,
          size: z.coerce.number().int().min(1).max(1000).default(100),
          follow: z.enum(['true', 'false']).optional().openapi({
            description:
              'true: a Server-Sent Events stream of lines (event "log", id = seq) until the run ends (event "end"); resumes after Last-Event-ID',
          }),
        }),
      },
      responses: {
        200: {
          content: {
            'application/json': { schema: listOf(LogLineSchema, 'LogPage') },
            'text/event-stream': { schema: z.string().openapi({ description: 'With follow=true' }) },
          },
          description: 'Log lines, oldest first; links.next is the next page (same filters, after = last seq)',
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id, run_id } = c.req.valid('param');
      const query = c.req.valid('query');
      await deck.runs.get(run_id, id);
      if (query.follow === 'true') {
        const resume = Number(c.req.header('last-event-id'));
        return followLogs(c, deck, streams, run_id, {
          ...query,
          after: Number.isSafeInteger(resume) && resume > 0 ? resume : query.after,
        });
      }
      const lines = await deck.runs.logs(run_id, query);
      const hits = lines.map(logLineToWire);
      const last = hits[hits.length - 1];
      const self = publicUrl(c);
      const url = new URL(self);
      if (last) url.searchParams.set('after', String(last.seq));
      return c.json(
        { hits: { hits, total: hits.length }, links: { self: self.toString(), next: url.toString() } },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/jobs/{id}/runs/{run_id}/logs/download',
      operationId: 'downloadJobRunLogs',
      summary: 'Download the log of a run of a job',
      tags: ['Logs'],
      middleware: read,
      request: { params: RunId, query: downloadQuery },
      responses: { 200: downloadResponse, ...commonErrors },
    }),
    async (c) => {
      const { id, run_id } = c.req.valid('param');
      await deck.runs.get(run_id, id);
      return downloadLogs(c, deck, run_id, c.req.valid('query'));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/runs/{run_id}/logs/download',
      operationId: 'downloadRunLogs',
      summary: 'Download the log of a run',
      tags: ['Logs'],
      middleware: read,
      description: 'The same as /jobs/{id}/runs/{run_id}/logs/download, for callers that know only the run',
      request: { params: RunId.pick({ run_id: true }), query: downloadQuery },
      responses: { 200: downloadResponse, ...commonErrors },
    }),
    async (c) => downloadLogs(c, deck, c.req.valid('param').run_id, c.req.valid('query')),
  );

  return app;
}
