import { createRoute, z } from '@hono/zod-openapi';
import { RUN_STATUSES } from '../../domain/run-status.js';
import { WORKER_BEAT_MS, WORKER_DEAD_AFTER_MS, workerState } from '../../domain/worker-presence.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import type { WorkerListItem } from '../../storage/worker-store.js';
import { requirePermission } from '../auth.js';
import { apiBase, commonErrors, jsonResponse, router } from '../route-support.js';

const isoTime = z.string().openapi({ format: 'date-time' });

/** Runs listed per worker; `held_total` counts them all. */
const HELD_PER_WORKER = 20;

const HeldRunSchema = z
  .object({
    id: z.number().int(),
    job_id: z.string(),
    title: z.string(),
    task: z.string(),
    queue: z.string(),
    status: z.enum(RUN_STATUSES),
    started_at: isoTime.nullable(),
    attempt: z.number().int(),
  })
  .openapi('HeldRun');

const WorkerSchema = z
  .object({
    id: z.string(),
    host: z.string(),
    pid: z.number().int(),
    version: z.string(),
    queues: z.array(z.string()),
    concurrency: z.number().int(),
    busy: z.number().int().openapi({ description: 'Slots executing a task at the last heartbeat' }),
    started_at: isoTime,
    heartbeat_at: isoTime,
    ended_at: isoTime.nullable(),
    state: z.enum(['running', 'stopped', 'died']).openapi({
      description: 'stopped: it stopped cleanly; died: its heartbeat expired (crash, kill, lost host)',
    }),
    held_runs: z.array(HeldRunSchema).openapi({ description: `The first ${HELD_PER_WORKER} runs it holds now` }),
    held_total: z.number().int(),
  })
  .openapi('Worker');

const WorkerListSchema = z
  .object({
    hits: z.object({ hits: z.array(WorkerSchema), total: z.number().int() }),
    now: isoTime,
    beat_interval_ms: z.number().int(),
    dead_after_ms: z.number().int(),
    links: z.record(z.string(), z.string()),
  })
  .openapi('WorkerList');

function workerToWire(worker: WorkerListItem, now: number) {
  return {
    id: worker.id,
    host: worker.host,
    pid: worker.pid,
    version: worker.version,
    queues: worker.queues,
    concurrency: worker.concurrency,
    busy: worker.busy,
    started_at: worker.startedAt.toISOString(),
    heartbeat_at: worker.heartbeatAt.toISOString(),
    ended_at: worker.endedAt?.toISOString() ?? null,
    state: workerState(worker, now),
    held_runs: worker.held.map((run) => ({
      id: run.id,
      job_id: run.jobId,
      title: run.title,
      task: run.task,
      queue: run.queue,
      status: run.status,
      started_at: run.startedAt?.toISOString() ?? null,
      attempt: run.attempt,
    })),
    held_total: worker.heldTotal,
  };
}

/** GET /workers: the worker processes (live first, ended ones for a day) with the runs they hold. */
export function workerRoutes(deck: Jobdeck) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/workers',
      operationId: 'listWorkers',
      summary: 'List worker processes with the runs they hold',
      tags: ['Workers'],
      description:
        'Live workers first, then by last heartbeat; workers that stopped or died are kept for 24 h. ' +
        `Each worker lists the first ${HELD_PER_WORKER} runs it holds and how many in all.`,
      middleware: [requirePermission('read')],
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }) },
      responses: { 200: jsonResponse(WorkerListSchema, 'Worker processes'), ...commonErrors },
    }),
    async (c) => {
      const { limit } = c.req.valid('query');
      const workers = await deck.store.workerList({ limit, heldPerWorker: HELD_PER_WORKER });
      const now = Date.now();
      const hits = workers.map((worker) => workerToWire(worker, now));
      return c.json(
        {
          hits: { hits, total: hits.length },
          now: new Date(now).toISOString(),
          beat_interval_ms: WORKER_BEAT_MS,
          dead_after_ms: WORKER_DEAD_AFTER_MS,
          links: { self: `${apiBase(c)}/workers` },
        },
        200,
      );
    },
  );
  return app;
}
