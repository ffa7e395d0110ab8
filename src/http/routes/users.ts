import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/access.js';
import { EMAIL_MAX, PASSWORD_MAX, USER_NAME_MAX } from '../../domain/user.js';
import type { Jobdeck } from '../../service/jobdeck.js';
import { userToWire } from '../../wire/user-wire.js';
import { requirePermission } from '../auth.js';
import { actorOf, commonErrors, errorResponseDoc, jsonBody, jsonResponse, respond, router } from '../route-support.js';

const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    has_password: z.boolean(),
    oidc_issuer: z.string().nullable().openapi({ description: 'Set for accounts made by an OpenID Connect sign-in' }),
    created: z.string(),
    updated: z.string(),
    last_sign_in: z.string().nullable(),
  })
  .openapi('User');

/** Bounded like the service's checks: a larger body is refused before any work. */
export const PasswordField = z.string().max(PASSWORD_MAX);
const fields = {
  email: z.string().max(EMAIL_MAX),
  name: z.string().max(USER_NAME_MAX),
  role: z.enum(ROLES),
};

const UserParams = z.object({
  user_id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'user_id', in: 'path' } }),
});

/** People's accounts, for admins (the CLI's `jobdeck users` does the same). */
export function userRoutes(deck: Jobdeck) {
  const app = router();
  const admin = [requirePermission('admin')];
  const conflict = { 409: errorResponseDoc('Another account has this e-mail address') };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      operationId: 'listUsers',
      summary: 'List accounts',
      tags: ['Users'],
      middleware: admin,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(1000) }) },
      responses: {
        200: jsonResponse(z.object({ items: z.array(UserSchema) }).openapi('UserList'), 'Accounts by e-mail'),
        ...commonErrors,
      },
    }),
    async (c) => respond(c, { items: (await deck.users.list(c.req.valid('query').limit)).map(userToWire) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      operationId: 'createUser',
      summary: 'Create an account',
      tags: ['Users'],
      middleware: admin,
      request: { body: jsonBody(z.strictObject({ ...fields, password: PasswordField.optional() })) },
      responses: { 201: jsonResponse(UserSchema, 'Created'), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const { actor, requestId } = actorOf(c);
      return respond(c, userToWire(await deck.users.create(c.req.valid('json'), { actor, requestId })), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/users/{user_id}',
      operationId: 'updateUser',
      summary: 'Change an account (disabled: true ends its sessions)',
      tags: ['Users'],
      middleware: admin,
      request: {
        params: UserParams,
        body: jsonBody(z.strictObject({ ...fields, disabled: z.boolean() }).partial()),
      },
      responses: { 200: jsonResponse(UserSchema, 'Changed'), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const { actor, requestId } = actorOf(c);
      const user = await deck.users.update(c.req.valid('param').user_id, c.req.valid('json'), { actor, requestId });
      return respond(c, userToWire(user), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/users/{user_id}/password',
      operationId: 'setUserPassword',
      summary: "Set an account's password",
      tags: ['Users'],
      middleware: admin,
      request: { params: UserParams, body: jsonBody(z.strictObject({ password: PasswordField })) },
      responses: { 204: { description: 'Set' }, ...commonErrors },
    }),
    async (c) => {
      const { actor, requestId } = actorOf(c);
      await deck.users.setPassword(c.req.valid('param').user_id, c.req.valid('json').password, { actor, requestId });
      return c.body(null, 204);
    },
  );
  return app;
}
