import { createRoute, z } from '@hono/zod-openapi';
import { EMAIL_MAX, USER_NAME_MAX } from '../../domain/user.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { publicRoute, requirePermission } from '../auth.js';
import { errorResponse } from '../errors.js';
import { clientKey, type LoginLimiter } from '../login-limiter.js';
import { commonErrors, errorResponseDoc, jsonBody, jsonResponse, router } from '../route-support.js';
import { Identity, startSession, type SessionRouteOptions } from './session.js';
import { PasswordField } from './users.js';

const Methods = z
  .object({
    oidc: z
      .object({ label: z.string(), url: z.string() })
      .nullable()
      .openapi({ description: 'The "Sign in with …" button, when OpenID Connect is set up' }),
  })
  .openapi('SignInMethods');

const tooMany = { 429: errorResponseDoc('Too many failed sign-ins from this client') };

/**
 * A person's sign-in (no credential yet): with e-mail and password, rate-limited like the token
 * sign-in, or through the first start's setup link. Both end in a session cookie.
 */
export function personSignInRoutes(deck: Jobdeck, limiter: LoginLimiter, options: SessionRouteOptions) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/sign-in/methods',
      operationId: 'signInMethods',
      summary: 'How people may sign in (for the sign-in page)',
      tags: ['Session'],
      security: [],
      middleware: [publicRoute('sign-in page: which buttons to show')],
      responses: { 200: jsonResponse(Methods, 'Sign-in methods'), 400: errorResponseDoc('Bad request') },
    }),
    (c) => c.json({ oidc: deck.oidc ? { label: deck.oidc.label, url: 'oidc/start' } : null }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/session/password',
      operationId: 'signInWithPassword',
      summary: 'Sign in with e-mail and password (sets the session cookie)',
      tags: ['Session'],
      security: [],
      middleware: [publicRoute('sign-in: exchanges e-mail and password for a session')],
      request: { body: jsonBody(z.strictObject({ email: z.string().max(EMAIL_MAX), password: PasswordField })) },
      responses: { 200: jsonResponse(Identity, 'Signed in; the session cookie is set'), ...tooMany, ...commonErrors },
    }),
    async (c) => {
      const client = clientKey(c, options.trustProxy);
      if (limiter.blocked(client)) {
        return errorResponse(c, 429, 'Too many failed sign-ins from this address; try again in a minute.');
      }
      const { email, password } = c.req.valid('json');
      const user = await deck.users.signInWithPassword(email.trim(), password);
      if (!user) {
        limiter.fail(client);
        // One message for unknown, wrong and disabled: it tells a guesser nothing.
        return errorResponse(c, 401, 'Wrong e-mail or password (or the account is disabled).');
      }
      await startSession(c, deck, { kind: 'user', id: user.id }, options);
      return c.json({ name: user.email, role: user.role }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/setup',
      operationId: 'setUpFirstAdmin',
      summary: "Create the first admin account with the first start's setup link",
      tags: ['Session'],
      security: [],
      middleware: [publicRoute('first start: the one-time setup link creates the first admin')],
      request: {
        body: jsonBody(
          z.strictObject({
            token: z.string().max(100),
            email: z.string().max(EMAIL_MAX),
            name: z.string().max(USER_NAME_MAX),
            password: PasswordField,
          }),
        ),
      },
      responses: {
        200: jsonResponse(Identity, 'The admin account is made and signed in'),
        409: errorResponseDoc('An account exists already'),
        ...tooMany,
        ...commonErrors,
      },
    }),
    async (c) => {
      const client = clientKey(c, options.trustProxy);
      if (limiter.blocked(client)) {
        return errorResponse(c, 429, 'Too many failed sign-ins from this address; try again in a minute.');
      }
      const { token, ...input } = c.req.valid('json');
      try {
        const user = await deck.users.setupFirstAdmin(token, input);
        await startSession(c, deck, { kind: 'user', id: user.id }, options);
        return c.json({ name: user.email, role: user.role }, 200);
      } catch (error) {
        limiter.fail(client);
        throw error;
      }
    },
  );
  return app;
}

/** The signed-in person's own account. */
export function accountRoutes(deck: Jobdeck) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'put',
      path: '/account/password',
      operationId: 'changeOwnPassword',
      summary: 'Change your own password (signed in with an account)',
      tags: ['Session'],
      middleware: [requirePermission('read')],
      request: { body: jsonBody(z.strictObject({ current: PasswordField, password: PasswordField })) },
      responses: { 204: { description: 'Changed' }, ...commonErrors },
    }),
    async (c) => {
      const { current, password } = c.req.valid('json');
      const userId = c.get('identity').userId;
      if (!userId) return errorResponse(c, 400, 'Only a person signed in with an account has a password to change.');
      await deck.users.changeOwnPassword(userId, current, password, c.get('requestId'));
      return c.body(null, 204);
    },
  );
  return app;
}
