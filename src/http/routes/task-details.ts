import { createRoute, z } from '@hono/zod-openapi';
import { RUN_STATUSES } from '../../domain/run-status.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { TASK_STATS_DEFAULT_WINDOW, TASK_STATS_MAX_WINDOW, taskStats } from '../../service/task-stats.js';
import { requirePermission } from '../auth.js';
import { apiBase, commonErrors, jsonResponse, respond, router } from '../route-support.js';

const isoTime = z.string().openapi({ format: 'date-time' });
const TaskId = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

const TaskDetailSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    args_schema: z.record(z.string(), z.unknown()),
    operator_editable: z.array(z.string()).openapi({ description: 'Fields an operator may change when running' }),
    secret_args: z.array(z.string()).openapi({ description: 'Fields whose values are write-only' }),
    timeout_seconds: z.number().nullable(),
    isolate: z.boolean(),
    links: z.record(z.string(), z.string()),
  })
  .openapi('TaskDetail');

const TaskStatsSchema = z
  .object({
    task: z.string(),
    window: z.number().int(),
    runs: z.number().int(),
    since: isoTime.nullable(),
    outcomes: z.record(z.string(), z.number().int()),
    duration_ms: z.object({
      p50: z.number().nullable(),
      p95: z.number().nullable(),
      max: z.number().nullable(),
      samples: z.number().int(),
    }),
    recent: z.array(
      z.object({
        id: z.number().int(),
        job_id: z.string(),
        title: z.string(),
        status: z.enum(RUN_STATUSES),
        started_at: isoTime.nullable(),
        finished_at: isoTime,
        duration_ms: z.number().nullable(),
      }),
    ),
  })
  .openapi('TaskStats');

/** GET /tasks/{id} (a task with its argument rights) and /tasks/{id}/stats (its recent runs' figures). */
export function taskDetailRoutes(deck: Jobdeck) {
  const app = router();
  const read = [requirePermission('read')];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/tasks/{id}',
      operationId: 'getTask',
      summary: 'Get a task with its argument schema and rights',
      tags: ['Tasks'],
      middleware: read,
      request: { params: TaskId },
      responses: { 200: jsonResponse(TaskDetailSchema, 'The task'), ...commonErrors },
    }),
    (c) => {
      const id = c.req.valid('param').id;
      const task = deck.tasks.registry.get(id);
      const base = `${apiBase(c)}/tasks/${encodeURIComponent(id)}`;
      return c.json(
        {
          id: task.id,
          title: task.title,
          description: task.description,
          args_schema: deck.tasks.get(id).argsSchema,
          operator_editable: [...(task.operatorEditable ?? [])],
          secret_args: [...(task.secretArgs ?? [])],
          timeout_seconds: task.timeout ?? null,
          isolate: task.isolate ?? false,
          links: {
            self: base,
            stats: `${base}/stats`,
            jobs: `${apiBase(c)}/jobs?task=${encodeURIComponent(id)}`,
          },
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/tasks/{id}/stats',
      operationId: 'getTaskStats',
      summary: "Outcomes and duration percentiles of a task's recent runs",
      tags: ['Tasks'],
      description:
        `Over the task's last \`window\` finished runs (default ${TASK_STATS_DEFAULT_WINDOW}, ` +
        `at most ${TASK_STATS_MAX_WINDOW}), sub-runs included: runs per final status, p50/p95/max ` +
        'duration of those that started, and the newest ten.',
      middleware: read,
      request: {
        params: TaskId,
        query: z.object({
          window: z.coerce.number().int().min(1).max(TASK_STATS_MAX_WINDOW).default(TASK_STATS_DEFAULT_WINDOW),
        }),
      },
      responses: { 200: jsonResponse(TaskStatsSchema, 'The figures'), ...commonErrors },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      deck.tasks.registry.get(id); // 404 for an unknown task
      const stats = await taskStats(deck.store, id, c.req.valid('query').window);
      return respond(
        c,
        {
          task: stats.task,
          window: stats.window,
          runs: stats.runs,
          since: stats.since?.toISOString() ?? null,
          outcomes: stats.outcomes,
          duration_ms: stats.durationMs,
          recent: stats.recent.map((run) => ({
            id: run.id,
            job_id: run.jobId,
            title: run.title,
            status: run.status,
            started_at: run.startedAt?.toISOString() ?? null,
            finished_at: run.finishedAt.toISOString(),
            duration_ms: run.durationMs,
          })),
        },
        200,
      );
    },
  );
  return app;
}
