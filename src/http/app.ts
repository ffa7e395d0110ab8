import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { Jobdeck } from '../service/jobdeck.js';
import { adminStaticRoutes } from './admin-static.js';
import { authentication, LoginLimiter, type Authenticate } from './auth.js';
import { errorResponse, handleError } from './errors.js';
import { openApiDocument } from './openapi-document.js';
import { apiPath, router, type AppEnv } from './route-support.js';
import { auditRoutes } from './routes/audit.js';
import { registerEventRoutes } from './routes/events.js';
import { jobRoutes } from './routes/jobs.js';
import { notificationRoutes } from './routes/notifications.js';
import { registerMetricsRoute } from './routes/metrics.js';
import { queueRoutes } from './routes/queues.js';
import { runRoutes } from './routes/runs.js';
import { sessionRoutes, whoAmIRoute } from './routes/session.js';
import { skippedSlotRoutes } from './routes/skipped-slots.js';
import { taskRoutes } from './routes/tasks.js';

export interface AppOptions {
  /** Embedded mode: the host says who is calling (with a role); tokens still work as well. */
  authenticate?: Authenticate;
  logger?: Logger;
  /** Bearer token that `/metrics` requires (default: JOBDECK_METRICS_TOKEN; unset: open). */
  metricsToken?: string;
  /** The admin UI at /admin (static, data from /api): a build folder, or false to leave it out. */
  adminUi?: string | false;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** The HTTP app: `/api/*` (authenticated), `/api/openapi.json`, `/healthz`, `/readyz`, `/admin` (UI). */
export function createApp(deck: Jobdeck, options: AppOptions = {}): OpenAPIHono<AppEnv> {
  const log = options.logger ?? deck.logger;
  const app = new OpenAPIHono<AppEnv>();
  app.onError((error, c) => handleError(error, c, (err) => log.error({ err, path: c.req.path }, 'request failed')));
  app.notFound((c) => errorResponse(c, 404, `No route for ${c.req.method} ${c.req.path}.`));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await deck.store.jobsNextDue();
      return c.json({ status: 'ready' });
    } catch {
      return errorResponse(c, 503, 'The database is not reachable.');
    }
  });
  registerMetricsRoute(app, deck, options.metricsToken ?? (process.env.JOBDECK_METRICS_TOKEN || undefined));

  const api = router();
  api.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || randomUUID();
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    await next();
  });
  // NUL cannot be stored (PostgreSQL refuses it in text) nor name anything: say so, rather than fail.
  api.use('*', async (c, next) => {
    let url: string;
    try {
      url = decodeURIComponent(c.req.url);
    } catch {
      return errorResponse(c, 400, 'The request URL is not valid percent-encoded UTF-8.');
    }
    if (url.includes('\u0000')) return errorResponse(c, 400, 'The request URL contains a NUL character.');
    await next();
  });
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is never read: the connection cannot carry another request.
        c.header('Connection', 'close');
        return errorResponse(c, 413, 'The request body is too large (limit 1 MiB).');
      },
    }),
  );
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.doc31('/openapi.json', (c) => openApiDocument(apiPath(c)));

  const limiter = new LoginLimiter();
  api.route('/', sessionRoutes(deck, limiter));
  api.use('*', authentication(deck, options.authenticate, limiter));
  api.route('/', whoAmIRoute());
  api.route('/', jobRoutes(deck));
  api.route('/', runRoutes(deck));
  api.route('/', notificationRoutes(deck));
  api.route('/', skippedSlotRoutes(deck));
  api.route('/', taskRoutes(deck));
  api.route('/', queueRoutes(deck));
  api.route('/', auditRoutes(deck));
  registerEventRoutes(api, deck);
  app.route('/api', api);
  // Static files only: the UI signs in through /api like any client.
  if (options.adminUi !== false) app.route('/', adminStaticRoutes(options.adminUi));
  return app;
}
