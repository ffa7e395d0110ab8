import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Session, SessionSubject } from '../../domain/session.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { SESSION_COOKIE, publicRoute, requirePermission, type AuthenticationOptions } from '../auth.js';
import { errorResponse } from '../errors.js';
import { cameOverHttps, clientKey, type LoginLimiter } from '../login-limiter.js';
import { actorOf, commonErrors, errorResponseDoc, jsonBody, jsonResponse, respond, router } from '../route-support.js';

export const Identity = z
  .object({ name: z.string(), role: z.enum(['admin', 'operator', 'viewer']) })
  .openapi('Identity');

const SessionSchema = z
  .object({
    id: z.string(),
    subject_kind: z.enum(['token', 'user']),
    subject_id: z.string(),
    created: z.string(),
    last_seen: z.string(),
    expires: z.string(),
    user_agent: z.string().nullable(),
    current: z.boolean().openapi({ description: "Whether it is the caller's own session" }),
  })
  .openapi('Session');

export interface SessionRouteOptions extends AuthenticationOptions {
  /** The address people reach Jobdeck at; https makes the cookie Secure whatever the request says. */
  publicUrl?: string | undefined;
}

function sessionToWire(session: Session, current: string | undefined) {
  return {
    id: session.id,
    subject_kind: session.subject.kind,
    subject_id: session.subject.id,
    created: session.created.toISOString(),
    last_seen: session.lastSeen.toISOString(),
    expires: session.expires.toISOString(),
    user_agent: session.userAgent,
    current: session.id === current,
  };
}

/** Secure whenever the public URL is https or the request (directly or through a trusted proxy) came over https. */
export function secureCookie(c: Context, options: SessionRouteOptions): boolean {
  return options.publicUrl?.toLowerCase().startsWith('https:') === true || cameOverHttps(c, options.trustProxy);
}

/** Opens a session for the subject and sets its cookie (the secret only ever goes there). */
export async function startSession(c: Context, deck: Jobdeck, subject: SessionSubject, options: SessionRouteOptions) {
  const { secret } = await deck.sessions.start(subject, c.req.header('user-agent'));
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: secureCookie(c, options),
    // The browser may keep it as long as the server would; the server decides when it ends.
    maxAge: Math.floor(deck.sessions.policy.maxMs / 1000),
  });
}

/**
 * Sign-in for the admin UI: a token is exchanged for a server-side session whose random secret
 * goes into an httpOnly, SameSite=Strict cookie (the token itself never does). Sign-out ends it.
 */
export function sessionRoutes(deck: Jobdeck, limiter: LoginLimiter, options: SessionRouteOptions) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/session',
      operationId: 'signIn',
      summary: 'Sign in with a token (sets the session cookie)',
      tags: ['Session'],
      security: [],
      middleware: [publicRoute('sign-in: exchanges a token for a session')],
      request: { body: jsonBody(z.strictObject({ token: z.string().min(1) })) },
      responses: {
        200: jsonResponse(Identity, 'Signed in; the session cookie is set'),
        429: errorResponseDoc('Too many failed sign-ins from this client'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const client = clientKey(c, options.trustProxy);
      // Before any lookup: a blocked client learns nothing, even from a right token.
      if (limiter.blocked(client)) {
        return errorResponse(c, 429, 'Too many failed sign-ins from this address; try again in a minute.');
      }
      const { token } = c.req.valid('json');
      const identity = await deck.tokens.authenticate(token);
      if (!identity?.tokenId) {
        limiter.fail(client);
        return errorResponse(c, 401, 'Unknown or revoked token.');
      }
      await startSession(c, deck, { kind: 'token', id: identity.tokenId }, options);
      return c.json({ name: identity.name, role: identity.role }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/session',
      operationId: 'signOut',
      summary: 'Sign out (clears the session cookie)',
      tags: ['Session'],
      security: [],
      middleware: [publicRoute('sign-out: ends the cookie’s session, if any')],
      description: 'Signs out: the session ends on the server, so a copy of the cookie is refused too',
      responses: {
        204: { description: 'Signed out' },
        400: errorResponseDoc('The request URL is not valid'),
      },
    }),
    async (c) => {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) await deck.sessions.end(secret);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookie(c, options) });
      return c.body(null, 204);
    },
  );
  return app;
}

/** Who is signed in, and by whom: the host (its `authenticate`; sign-out is the host's) or Jobdeck. */
const SignedIn = Identity.extend({
  signed_in_by: z.enum(['host', 'jobdeck']),
  account: z.boolean().openapi({ description: "Signed in with a person's account (it may change its password)" }),
}).openapi('SignedIn');

export function whoAmIRoute() {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      middleware: [requirePermission('read')],
      operationId: 'getSession',
      summary: 'Who is signed in',
      tags: ['Session'],
      responses: { 200: jsonResponse(SignedIn, 'Who is signed in'), ...commonErrors },
    }),
    (c) => {
      const identity = c.get('identity');
      const by = c.get('signedInBy') ?? 'jobdeck';
      const account = identity.userId !== undefined;
      return respond(c, { name: identity.name, role: identity.role, signed_in_by: by, account }, 200);
    },
  );
  return app;
}

/** Admins see who is signed in and can end any session. */
export function sessionAdminRoutes(deck: Jobdeck) {
  const app = router();
  const admin = [requirePermission('admin')];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/sessions',
      operationId: 'listSessions',
      summary: 'List sign-in sessions',
      tags: ['Session'],
      middleware: admin,
      description: 'Live sign-in sessions (not ended, not past their absolute end), newest first',
      responses: {
        200: jsonResponse(z.object({ items: z.array(SessionSchema) }).openapi('SessionList'), 'Sessions'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const current = c.get('identity').sessionId;
      return c.json({ items: (await deck.sessions.list()).map((s) => sessionToWire(s, current)) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/sessions/{session_id}',
      operationId: 'endSession',
      summary: 'End a sign-in session',
      tags: ['Session'],
      middleware: admin,
      description: 'Ends a session at once; open event streams of it close within the re-check interval',
      request: { params: z.object({ session_id: z.string().openapi({ param: { name: 'session_id', in: 'path' } }) }) },
      responses: { 204: { description: 'Ended' }, ...commonErrors },
    }),
    async (c) => {
      const { actor, requestId } = actorOf(c);
      await deck.sessions.revoke(c.req.valid('param').session_id, actor, requestId);
      return c.body(null, 204);
    },
  );
  return app;
}
