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
      security: [],
      responses: { 204: { description: 'Signed out' } },
    }),
    (c) => {
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
  return app;
}

/** Who is signed in, and by whom: the host (its `authenticate`; sign-out is the host's) or Jobdeck. */
const SignedIn = Identity.extend({ signed_in_by: z.enum(['host', 'jobdeck']) }).openapi('SignedIn');

export function whoAmIRoute() {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      responses: { 200: jsonResponse(SignedIn, 'Who is signed in'), ...commonErrors },
    }),
    (c) => {
      const identity = c.get('identity');
      const by = c.get('signedInBy') ?? 'jobdeck';
      return respond(c, { name: identity.name, role: identity.role, signed_in_by: by }, 200);
    },
  );
  return app;
}
