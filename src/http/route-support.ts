import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppVariables } from './auth.js';
import { ErrorSchema } from './schemas.js';
import { validationErrorResponse } from './errors.js';
import type { Role } from '../domain/access.js';
import type { Jobdeck } from '../service/jobdeck.js';
import type { WireView } from '../wire/wire.js';

export type AppEnv = { Variables: AppVariables };

/** A router whose request validation failures use the API's error body. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationErrorResponse(c, result.error, result.target);
      return undefined;
    },
  });
}

export function jsonBody<T extends z.ZodType>(schema: T, description = 'The request body') {
  return { content: { 'application/json': { schema } }, required: true, description };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** An error response described in the OpenAPI document. */
export const errorResponseDoc = (description: string) => jsonResponse(ErrorSchema, description);
const error = errorResponseDoc;

/** The failures every authenticated route may answer with. */
export const commonErrors = {
  400: error('Invalid request: the body names each field and why'),
  401: error('No or unknown credentials'),
  403: error('The role does not allow this'),
  404: error('Not found'),
};

/** Who did it, for `started_by` and the audit log. */
export function actorOf(c: Context<AppEnv>): { actor: string; requestId: string; role: Role } {
  const identity = c.get('identity');
  return { actor: identity.name, requestId: c.get('requestId'), role: identity.role };
}

/** What the caller may see of secrets (see WireView). */
export function viewOf(deck: Jobdeck, c: Context<AppEnv>): WireView {
  return { tasks: deck.tasks.registry, role: c.get('identity').role };
}

/** The base URL of the API as the client reached it (with the host's base path), for links. */
export function apiBase(c: Context): string {
  return `${new URL(c.req.url).origin}${basePath(c)}/api`;
}

/** This request's URL as the client sent it: the host's base path, then Jobdeck's own path. */
export function publicUrl(c: Context): URL {
  const url = new URL(c.req.url);
  return new URL(`${basePath(c)}${c.req.path}${url.search}`, url.origin);
}

function basePath(c: Context): string {
  return (c.get('basePath') as string | undefined) ?? '';
}

/** The path of the API as the client reached it (`/api`, or under a prefix `/prefix/api`). */
export function apiPath(c: Context): string {
  const path = new URL(c.req.url).pathname;
  return path.slice(0, path.indexOf('/api') + 4);
}

/** A page of a list: `{hits: {hits, total}, links: {self, prev?, next?}}`. */
export function respondPage(c: Context, hits: unknown[], page: { page: number; size: number; total: number }): never {
  return respond(c, { hits: { hits, total: page.total }, links: pageLinks(c, page.page, page.size, page.total) }, 200);
}

/** self/prev/next links of a paged list, keeping the request's other query parameters. */
export function pageLinks(c: Context, page: number, size: number, total: number): Record<string, string> {
  const url = publicUrl(c);
  const at = (p: number) => {
    url.searchParams.set('page', String(p));
    url.searchParams.set('size', String(size));
    return url.toString();
  };
  return {
    self: at(page),
    ...(page > 1 && { prev: at(page - 1) }),
    ...(page * size < total && { next: at(page + 1) }),
  };
}

/**
 * Sends a JSON body unchecked. Routes answer with `c.json(body, status)`, which @hono/zod-openapi
 * checks against the route's response schema; this is only for the few whose wire types are
 * still looser than their schema (string roles, optional links in a string record) — the tests
 * check those responses against the OpenAPI document instead.
 */
export function respond(c: Context, body: unknown, status: ContentfulStatusCode): never {
  return c.json(body as never, status) as never;
}
