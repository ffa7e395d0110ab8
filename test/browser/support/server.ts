import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Role } from '../../../src/domain/access.js';
import { startServer } from '../../../src/http/server.js';
import { createJobdeck, type Jobdeck, type JobdeckOptions } from '../../../src/service/jobdeck.js';
import { builtinTasks, demoTasks } from '../../../src/tasks/index.js';
import { z } from 'zod';
import { defineTask } from '../../../src/domain/task.js';
import { testTasks } from '../../support/deck.js';

/** A task whose form has a date-time field, to check that the UI gives it a date picker. */
export const reportTask = defineTask({
  id: 'browser.report',
  title: 'Report',
  description: 'Counts what happened between two times',
  args: z.object({
    from: z.iso.datetime().optional().describe('Start of the period'),
    label: z.string().default('daily'),
  }),
  run(ctx, args) {
    ctx.log.info(`report ${args.label} from ${args.from ?? 'the beginning'}`);
    return { label: args.label };
  },
});

// Bodies are checked field by field in the tests; `any` keeps those checks short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  deck: Jobdeck;
  /** The SQLite file, for tests that seed data in bulk with SQL. */
  databaseFile: string;
  /** One token per role, to sign in with. */
  tokens: Record<Role, string>;
  /** Calls the API directly (Bearer token of `role`, default admin); throws on a non-2xx answer. */
  api(method: string, apiPath: string, body?: unknown, role?: Role): Promise<Body>;
  /** Polls the API until `check` returns a truthy value (or fails after `ms`). */
  waitFor<T>(check: () => Promise<T | undefined | null | false>, ms?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * A real Jobdeck as `npm start` runs it, in-process: HTTP server on a random port serving the
 * built admin UI, a worker and the scheduler, over a temp SQLite file. Tasks: the shipped ones
 * plus the test tasks (test.echo, test.fail, test.block) and browser.report.
 */
export async function startTestServer(extra: Partial<JobdeckOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jobdeck-browser-'));
  const databaseFile = path.join(dir, 'jobdeck.db');
  const deck = await createJobdeck({
    database: `sqlite:${databaseFile}`,
    tasks: [...builtinTasks, ...demoTasks, ...testTasks, reportTask],
    queues: ['default', 'other'],
    logger: pino({ level: 'error' }),
    // The tests' webhook receivers and HTTP targets listen on loopback.
    outbound: { allow: ['127.0.0.1'] },
    ...extra,
  });
  const worker = deck.createWorker({ pollIntervalMs: 200, shutdownGraceMs: 500, abortGraceMs: 500 });
  const scheduler = deck.createScheduler({ maxSleepMs: 500 });
  await worker.start();
  await scheduler.start();
  const server = await startServer(deck, 0, '127.0.0.1', { logger: deck.logger });
  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    tokens[role] = (await deck.tokens.create({ name: `${role}-user`, role })).secret;
  }

  const api: TestServer['api'] = async (method, apiPath, body, role = 'admin') => {
    const response = await fetch(`${server.url}/api${apiPath}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[role]}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${apiPath} → ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };

  return {
    url: server.url,
    deck,
    databaseFile,
    tokens,
    api,
    async waitFor(check, ms = 15_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const value = await check();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`Condition not met within ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await server.close();
      await scheduler.stop();
      await worker.stop();
      await deck.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
