import type { IncomingMessage } from 'node:http';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { Jobdeck } from '../service/jobdeck.js';
import { adminSignIn } from './admin-sign-in.js';
import { adminStaticRoutes } from './admin-static.js';
import { basePathOf, normalizeBasePath, pathWithout } from './mount.js';
import { authentication, LoginLimiter, publicRoute, type Authenticate } from './auth.js';
import { StreamGuard, type StreamPolicy } from './stream-guard.js';
import { errorResponse, handleError } from './errors.js';
import { openApiDocument } from './openapi-document.js';
import { apiPath, router, type AppEnv } from './route-support.js';
import { auditRoutes } from './routes/audit.js';
import { calendarRoutes } from './routes/calendar.js';
import { registerEventRoutes } from './routes/events.js';
import { jobRoutes } from './routes/jobs.js';
import { notificationRoutes } from './routes/notifications.js';
import { registerMetricsRoute } from './routes/metrics.js';
import { queueRoutes } from './routes/queues.js';
import { statsRoutes } from './routes/stats.js';
import { runLogRoutes } from './routes/run-logs.js';
import { logSearchRoutes } from './routes/log-search.js';
import { runRoutes } from './routes/runs.js';
import { consoleRoutes } from './routes/console.js';
import { runFamilyRoutes } from './routes/run-family.js';
import { sessionAdminRoutes, sessionRoutes, whoAmIRoute } from './routes/session.js';
import { requestIds } from './request-id.js';
import { accountRoutes, personSignInRoutes } from './routes/sign-in.js';
import { oidcRoutes } from './routes/oidc.js';
import { skippedSlotRoutes } from './routes/skipped-slots.js';
import { taskRoutes } from './routes/tasks.js';
import { taskDetailRoutes } from './routes/task-details.js';
import { workerRoutes } from './routes/workers.js';
import { userRoutes } from './routes/users.js';

export interface AppOptions<Host = IncomingMessage> {
  /**
   * Embedded mode: the host says who is calling (with a role), from the Fetch request and the
   * framework's own request (`req.user` of passport or express-session); tokens still work too.
   * The admin UI then signs in with the host's identity: no token screen, sign-out is the host's.
   */
  authenticate?: Authenticate<Host>;
  /**
   * How the host's `authenticate` knows the caller: 'cookie' (default) means the browser sends
   * it by itself, so writes need the CSRF header like Jobdeck's own cookie; 'header' (a header a
   * cross-site page cannot set, e.g. a bearer token of the host) lifts that rule.
   */
  hostCredentials?: 'cookie' | 'header';
  /**
   * Where the host mounts Jobdeck, e.g. `/jobs-admin`: links, redirects and the admin UI use it,
   * and requests may arrive with or without it. Express's `req.baseUrl` is used when this is unset.
   */
  basePath?: string;
  /** The host's sign-in page, where the admin UI sends a visitor `authenticate` does not know. */
  signInUrl?: string;
  /** The host's sign-out address, linked from the admin UI when the host signed the user in. */
  signOutUrl?: string;
  /**
   * The address people reach Jobdeck at (default JOBDECK_PUBLIC_URL): https makes the session
   * cookie Secure.
   */
  publicUrl?: string;
  /**
   * A reverse proxy in front sets X-Forwarded-Proto and X-Forwarded-For (default: env
   * JOBDECK_TRUST_PROXY = 1/true): the cookie is Secure when the proxy says https, and sign-in
   * failures count per forwarded address. Leave off without such a proxy: clients could forge them.
   */
  trustProxy?: boolean;
  /** Limits of event streams: open per credential (10), credential re-check interval (30 s). */
  streams?: Partial<StreamPolicy>;
  logger?: Logger;
  /** Bearer token that `/metrics` requires (default: JOBDECK_METRICS_TOKEN; unset: open). */
  metricsToken?: string;
  /** The admin UI at /admin (static, data from /api): a build folder, or false to leave it out. */
  adminUi?: string | false;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** The HTTP app: `/api/*` (authenticated), `/api/openapi.json`, `/healthz`, `/readyz`, `/admin` (UI). */
export function createApp<Host = IncomingMessage>(deck: Jobdeck, options: AppOptions<Host> = {}): OpenAPIHono<AppEnv> {
  const log = options.logger ?? deck.logger;
  const basePath = normalizeBasePath(options.basePath);
  const app = new OpenAPIHono<AppEnv>({ getPath: pathWithout(basePath) });
  app.use('*', async (c, next) => {
    c.set('basePath', basePathOf(c, basePath));
    await next();
  });
  app.onError((error, c) => handleError(error, c, (err) => log.error({ err, path: c.req.path }, 'request failed')));
  app.notFound((c) => errorResponse(c, 404, `No route for ${c.req.method} ${c.req.path}.`));

  app.get('/healthz', publicRoute('liveness probe'), (c) => c.json({ status: 'ok' }));
  app.get('/readyz', publicRoute('readiness probe'), async (c) => {
    try {
      await deck.store.jobsNextDue();
      return c.json({ status: 'ready' });
    } catch {
      return errorResponse(c, 503, 'The database is not reachable.');
    }
  });
  registerMetricsRoute(app, deck, options.metricsToken ?? (process.env.JOBDECK_METRICS_TOKEN || undefined));

  const api = router();
  api.use('*', requestIds(log));
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
  const trustProxy = options.trustProxy ?? /^(1|true|yes)$/i.test(process.env.JOBDECK_TRUST_PROXY ?? '');
  const publicUrl = options.publicUrl ?? (process.env.JOBDECK_PUBLIC_URL || undefined);
  const streams = new StreamGuard(options.streams);
  api.route('/', sessionRoutes(deck, limiter, { trustProxy, publicUrl }));
  api.route('/', personSignInRoutes(deck, limiter, { trustProxy, publicUrl }));
  api.route('/', oidcRoutes(deck, { trustProxy, publicUrl }));
  api.use(
    '*',
    authentication(
      deck,
      {
        authenticate: options.authenticate as Authenticate<never> | undefined,
        hostCredentials: options.hostCredentials,
        trustProxy,
      },
      limiter,
    ),
  );
  api.route('/', whoAmIRoute());
  api.route('/', sessionAdminRoutes(deck));
  api.route('/', jobRoutes(deck));
  api.route('/', calendarRoutes(deck)); // before runRoutes: /runs/compare is no run id
  api.route('/', runRoutes(deck));
  api.route('/', consoleRoutes(deck));
  api.route('/', runLogRoutes(deck, streams));
  api.route('/', logSearchRoutes(deck));
  api.route('/', runFamilyRoutes(deck));
  api.route('/', notificationRoutes(deck));
  api.route('/', skippedSlotRoutes(deck));
  api.route('/', taskRoutes(deck));
  api.route('/', taskDetailRoutes(deck));
  api.route('/', workerRoutes(deck));
  api.route('/', queueRoutes(deck));
  api.route('/', statsRoutes(deck));
  api.route('/', auditRoutes(deck));
  api.route('/', userRoutes(deck));
  api.route('/', accountRoutes(deck));
  registerEventRoutes(api, deck, streams);
  app.route('/api', api);
  // Static files only: the UI signs in through /api like any client.
  if (options.adminUi !== false) {
    app.route('/', adminStaticRoutes(options.adminUi, adminSignIn(options)));
  }
  return app;
}
