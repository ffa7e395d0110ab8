import { createRoute, z } from '@hono/zod-openapi';
import type { Jobdeck } from '../../service/jobdeck.js';
import { parseEvery } from '../../domain/schedule-parse.js';
import { ValidationError, fieldError } from '../../domain/errors.js';
import { formatInZone } from '../../service/zoned-time.js';
import { requirePermission } from '../auth.js';
import { apiBase, commonErrors, jsonResponse, respond, router } from '../route-support.js';
import { TaskSchema } from '../schemas.js';

const TaskId = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export function taskRoutes(deck: Jobdeck) {
  const app = router();
  const read = [requirePermission('read')];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tasks',
      operationId: 'listTasks',
      summary: 'List the tasks jobs can run',
      tags: ['Tasks'],
      middleware: read,
      responses: {
        200: jsonResponse(
          z.object({ hits: z.object({ hits: z.array(TaskSchema), total: z.number() }) }),
          'Registered tasks',
        ),
        ...commonErrors,
      },
    }),
    (c) => {
      const hits = deck.tasks.list().map((task) => ({
        id: task.id,
        title: task.title,
        description: task.description,
        args_schema: task.argsSchema,
        links: { self: `${apiBase(c)}/tasks/${task.id}`, args: `${apiBase(c)}/tasks/${task.id}/args` },
      }));
      return c.json({ hits: { hits, total: hits.length } }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tasks/{id}/args',
      operationId: 'getTaskArgsSchema',
      summary: "Get the JSON Schema of a task's arguments",
      tags: ['Tasks'],
      middleware: read,
      request: { params: TaskId },
      responses: {
        200: jsonResponse(z.record(z.string(), z.unknown()), 'JSON Schema of the task arguments'),
        ...commonErrors,
      },
    }),
    (c) => c.json(deck.tasks.get(c.req.valid('param').id).argsSchema, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/schedules/preview',
      operationId: 'previewSchedule',
      summary: 'Preview the next times of a schedule',
      tags: ['Schedules'],
      middleware: read,
      description:
        'The next fire times of a schedule: pass the schedule as JSON in `schedule`, or `cron` (+ `timezone`) or `every`',
      request: {
        query: z.object({
          schedule: z.string().optional().openapi({ description: 'A schedule object as JSON text' }),
          cron: z.string().optional(),
          every: z.string().optional(),
          timezone: z.string().optional(),
          start_at: z.string().optional(),
          from: z.string().optional(),
          count: z.coerce.number().int().min(1).max(1000).default(5),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            schedule: z.record(z.string(), z.unknown()),
            description: z.string(),
            timezone: z.string(),
            times: z.array(z.string()),
          }),
          'The schedule, in words, and its next fire times with offsets',
        ),
        ...commonErrors,
      },
    }),
    (c) => {
      const q = c.req.valid('query');
      const input =
        q.schedule !== undefined
          ? parseQuerySchedule(q.schedule)
          : q.cron !== undefined
            ? { type: 'crontab', expression: q.cron, ...(q.timezone && { timezone: q.timezone }) }
            : q.every !== undefined
              ? { ...parseEvery(q.every), ...(q.start_at && { start_at: q.start_at }) }
              : missingSchedule();
      const preview = deck.schedules.preview(input, { from: q.from, count: q.count });
      const zone = preview.schedule.type === 'crontab' ? preview.schedule.timezone : 'UTC';
      return respond(
        c,
        {
          schedule: { ...preview.schedule },
          description: preview.description,
          timezone: zone,
          times: preview.times.map((t) => formatInZone(t, zone)),
        },
        200,
      );
    },
  );

  return app;
}

function parseQuerySchedule(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // parseSchedule reports it as "not an object"
  }
}

function missingSchedule(): never {
  throw new ValidationError('Give a schedule.', [fieldError('schedule', 'Pass schedule (JSON), cron or every.')]);
}
