import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { can, type Identity } from '../domain/access.js';
import type { Jobdeck } from '../service/jobdeck.js';
import { errorResponse } from './errors.js';
import { hostRequestOf } from './mount.js';

export const SESSION_COOKIE = 'jobdeck_session';
/** Cookie-authenticated writes must carry this header: a cross-site form cannot set it. */
const CSRF_HEADER = 'x-jobdeck-csrf';

export type Permission = 'read' | 'run' | 'admin';

export interface AppVariables {
  identity: Identity;
  requestId: string;
  /** Where the host mounted Jobdeck (`/jobs-admin`), '' at the root: links and redirects use it. */
  basePath: string;
  /** Set when the host's `authenticate` said who is calling (the UI then shows no token sign-in). */
  signedInBy?: 'host';
}

/**
 * Embedded mode: the host says who is calling. `host` is the framework's request as the host
 * passed it to the handler (Express's `req` with `req.user`, Fastify's `request`, Koa's `ctx`),
 * else Node's IncomingMessage; undefined for in-process requests (`app.request`).
 */
export type Authenticate<Host = IncomingMessage> = (
  request: Request,
  host: Host,
) => Promise<Identity | null> | Identity | null;

/** Counts failed logins per client; past the limit, further attempts are refused for a while. */
export class LoginLimiter {
  readonly #failures = new Map<string, { count: number; since: number }>();
  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
  ) {}

  blocked(client: string, now = Date.now()): boolean {
    const entry = this.#failures.get(client);
    if (!entry || now - entry.since > this.windowMs) return false;
    return entry.count >= this.limit;
  }

  fail(client: string, now = Date.now()): void {
    const entry = this.#failures.get(client);
    if (!entry || now - entry.since > this.windowMs) this.#failures.set(client, { count: 1, since: now });
    else entry.count += 1;
    if (this.#failures.size > 10_000) this.#failures.clear();
  }
}

/**
 * The caller's address as the socket shows it. X-Forwarded-For is not trusted: any client could
 * set it to dodge the sign-in limit.
 */
export function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local'; // in-process requests (tests, app.request) have no socket
  }
}

function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}

/**
 * Finds who is calling: the host's `authenticate` (embedded mode), else a Bearer token, else the
 * session cookie (whose writes need the CSRF header). No identity → 401.
 */
export function authentication(
  deck: Jobdeck,
  authenticate: Authenticate<never> | undefined,
  limiter: LoginLimiter,
): MiddlewareHandler<{ Variables: AppVariables }> {
  return async (c, next) => {
    let identity: Identity | null = null;
    if (authenticate) identity = await authenticate(c.req.raw, hostRequestOf(c) as never);
    if (identity) c.set('signedInBy', 'host');
    if (!identity) {
      const fromHeader = bearer(c);
      const fromCookie = fromHeader ? undefined : getCookie(c, SESSION_COOKIE);
      const secret = fromHeader ?? fromCookie;
      if (secret) {
        identity = await deck.tokens.authenticate(secret);
        // Only failed credentials count and are refused: a valid token is never locked out.
        if (!identity) {
          if (limiter.blocked(clientKey(c))) {
            return errorResponse(c, 429, 'Too many failed sign-ins; try again in a minute.');
          }
          limiter.fail(clientKey(c));
        }
        if (identity && fromCookie && !['GET', 'HEAD'].includes(c.req.method) && !c.req.header(CSRF_HEADER)) {
          return errorResponse(
            c,
            403,
            `Requests authenticated by the session cookie must send the ${CSRF_HEADER} header.`,
          );
        }
      }
    }
    if (!identity) return errorResponse(c, 401, 'Authentication required: send "Authorization: Bearer <token>".');
    c.set('identity', identity);
    await next();
  };
}

/** Refuses (403) an identity whose role does not allow the permission. */
export function requirePermission(permission: Permission): MiddlewareHandler<{ Variables: AppVariables }> {
  return async (c, next) => {
    const identity = c.get('identity');
    if (!can(identity.role, permission)) {
      return errorResponse(c, 403, `Your role (${identity.role}) may not do this; it needs ${permission} permission.`);
    }
    await next();
  };
}
