import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Jobdeck } from '../../service/jobdeck.js';
import { clientKey, SESSION_COOKIE, type LoginLimiter } from '../auth.js';
import { errorResponse } from '../errors.js';
import { commonErrors, jsonBody, jsonResponse, respond, router, errorResponseDoc } from '../route-support.js';

const Identity = z.object({ name: z.string(), role: z.enum(['admin', 'operator', 'viewer']) }).openapi('Identity');

/** Sign-in for the admin UI: a token is exchanged for an httpOnly, SameSite=Strict cookie. */
export function sessionRoutes(deck: Jobdeck, limiter: LoginLimiter) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/session',
      operationId: 'signIn',
      summary: 'Sign in with a token (sets the session cookie)',
      tags: ['Session'],
      security: [],
      request: { body: jsonBody(z.strictObject({ token: z.string().min(1) })) },
      responses: {
        200: jsonResponse(Identity, 'Signed in; the session cookie is set'),
        429: errorResponseDoc('Too many failed sign-ins from this client'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const client = clientKey(c);
      const { token } = c.req.valid('json');
      const identity = await deck.tokens.authenticate(token);
      if (!identity) {
        if (limiter.blocked(client)) return errorResponse(c, 429, 'Too many failed sign-ins; try again in a minute.');
        limiter.fail(client);
        return errorResponse(c, 401, 'Unknown or revoked token.');
      }
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: 12 * 3600,
      });
      return respond(c, { name: identity.name, role: identity.role }, 200);
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
      responses: {
        204: { description: 'Signed out' },
        400: errorResponseDoc('The request URL is not valid'),
      },
    }),
    (c) => {
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
  return app;
}

export function whoAmIRoute() {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      operationId: 'getSession',
      summary: 'Who is signed in',
      tags: ['Session'],
      responses: { 200: jsonResponse(Identity, 'Who is signed in'), ...commonErrors },
    }),
    (c) => {
      const identity = c.get('identity');
      return respond(c, { name: identity.name, role: identity.role }, 200);
    },
  );
  return app;
}
