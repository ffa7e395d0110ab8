import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { can, type Identity } from '../domain/access.js';
import type { Jobdeck } from '../service/jobdeck.js';
import { errorResponse } from './errors.js';
import { clientKey, type LoginLimiter } from './login-limiter.js';
import { hostRequestOf } from './mount.js';

export { LoginLimiter } from './login-limiter.js';

export const SESSION_COOKIE = 'jobdeck_session';
/** Cookie-authenticated writes must carry this header: a cross-site form cannot set it. */
const CSRF_HEADER = 'x-jobdeck-csrf';

export type Permission = 'read' | 'run' | 'admin';

/**
 * What the caller came in with, for long requests: `key` groups the streams of one credential
 * (a token and the sessions opened with it count together), `check` says whether it still lets
 * the caller in (not revoked, not expired).
 */
interface Credential {
  key: string;
  check(): Promise<boolean>;
}

export interface AppVariables {
  identity: Identity;
  credential: Credential;
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

export interface AuthenticationOptions {
  authenticate?: Authenticate<never> | undefined;
  /**
   * Whether the host's `authenticate` reads something the browser sends by itself (a cookie):
   * then its writes need the CSRF header like Jobdeck's own session cookie. Default 'cookie';
   * say 'header' when the host authenticates by a header a cross-site page cannot set.
   */
  hostCredentials?: 'cookie' | 'header' | undefined;
  trustProxy?: boolean | undefined;
}

function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}

const isWrite = (c: Context) => !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);

/**
 * Finds who is calling: the host's `authenticate` (embedded mode), else a Bearer token, else the
 * session cookie. Writes borne by a cookie need the CSRF header. A client blocked for failed
 * sign-ins gets 429 before any credential of it is looked up. No identity → 401.
 */
export function authentication(
  deck: Jobdeck,
  options: AuthenticationOptions,
  limiter: LoginLimiter,
): MiddlewareHandler<{ Variables: AppVariables }> {
  const { authenticate } = options;
  return async (c, next) => {
    let identity: Identity | null = null;
    let credential: Credential | undefined;
    let cookieBorne = false;
    if (authenticate) {
      const request = c.req.raw;
      const host = hostRequestOf(c) as never;
      identity = await authenticate(request, host);
      if (identity) {
        c.set('signedInBy', 'host');
        const who = identity;
        credential = { key: `host:${who.name}`, check: async () => (await authenticate(request, host)) !== null };
        cookieBorne = options.hostCredentials !== 'header';
      }
    }
    if (!identity) {
      const token = bearer(c);
      const cookie = token ? undefined : getCookie(c, SESSION_COOKIE);
      if (token || cookie) {
        const client = clientKey(c, options.trustProxy);
        if (limiter.blocked(client)) {
          return errorResponse(c, 429, 'Too many failed sign-ins from this address; try again in a minute.');
        }
        if (token) {
          identity = await deck.tokens.authenticate(token);
          if (!identity) {
            limiter.fail(client);
            return errorResponse(c, 401, 'Unknown or revoked token.');
          }
          credential = {
            key: `token:${identity.tokenId}`,
            check: async () => !!(await deck.tokens.authenticate(token)),
          };
        } else if (cookie) {
          const found = await deck.sessions.authenticate(cookie);
          if (!found || 'refused' in found) {
            limiter.fail(client);
            return errorResponse(c, 401, found ? found.refused : 'Unknown session; sign in again.');
          }
          identity = found.identity;
          const subject = found.session.subject;
          credential = {
            key: `${subject.kind}:${subject.id}`,
            check: async () => {
              const again = await deck.sessions.authenticate(cookie);
              return !!again && !('refused' in again);
            },
          };
          cookieBorne = true;
        }
      }
    }
    if (!identity || !credential) {
      return errorResponse(c, 401, 'Authentication required: send "Authorization: Bearer <token>".');
    }
    if (cookieBorne && isWrite(c) && !c.req.header(CSRF_HEADER)) {
      return errorResponse(
        c,
        403,
        `Requests authenticated by a cookie must send the ${CSRF_HEADER} header (cross-site request protection).`,
      );
    }
    c.set('identity', identity);
    c.set('credential', credential);
    await next();
  };
}

/**
 * Who may call a route: a permission, or `public` (no credential: sign-in, health, the
 * token-guarded /metrics). Each route's guard carries it, so the route × role matrix of
 * docs/security.md and its test are read from the routes themselves (route-matrix.ts).
 */
export type RouteAccess = Permission | 'public';
export type GuardMiddleware = MiddlewareHandler<{ Variables: AppVariables }> & { access: RouteAccess; note?: string };

/** Refuses (403) an identity whose role does not allow the permission. */
export function requirePermission(permission: Permission): GuardMiddleware {
  const guard: MiddlewareHandler<{ Variables: AppVariables }> = async (c, next) => {
    const identity = c.get('identity');
    if (!can(identity.role, permission)) {
      return errorResponse(c, 403, `Your role (${identity.role}) may not do this; it needs ${permission} permission.`);
    }
    await next();
  };
  return Object.assign(guard, { access: permission });
}

/** Marks a route that needs no credential, with why (shown in the matrix). */
export function publicRoute(note: string): GuardMiddleware {
  const guard: MiddlewareHandler<{ Variables: AppVariables }> = async (_c, next) => {
    await next();
  };
  return Object.assign(guard, { access: 'public' as const, note });
}
