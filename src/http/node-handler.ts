import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { MountBindings } from './mount.js';

/**
 * A Node request handler, to mount in Express, Fastify, Koa or `http`. The optional third
 * argument is the framework's own request object (Fastify's `request`, Koa's `ctx`), which
 * `authenticate` receives; Express's `next` in that place is ignored (its `req` is used).
 */
export type NodeRequestHandler = (req: IncomingMessage, res: ServerResponse, host?: unknown) => Promise<void>;

/** Wraps the app for Node: host request, detected base path and an already parsed body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app's env
export function nodeHandler(app: Hono<any>): NodeRequestHandler {
  const bindings = new WeakMap<IncomingMessage, MountBindings>();
  const listener = getRequestListener((request, env) =>
    app.fetch(request, { ...env, ...bindings.get(env.incoming as IncomingMessage) }),
  );
  return async (req, res, host) => {
    const baseUrl = (req as { baseUrl?: unknown }).baseUrl; // Express: where the router mounted us
    const framework = typeof host === 'function' || host === undefined ? req : host;
    bindings.set(req, { host: framework, ...(typeof baseUrl === 'string' && { basePath: baseUrl }) });
    if (!reuseParsedBody(req, framework)) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 500, message: BODY_ALREADY_READ }));
      return;
    }
    await listener(req, res);
  };
}

const BODY_ALREADY_READ =
  'The request body was read by a body parser of the host before Jobdeck, which did not keep it: ' +
  'mount Jobdeck before the body parser, or use a parser that sets req.body (express.json()).';

/**
 * A host's body parser (express.json(), Fastify's, koa-bodyparser) reads the stream before
 * Jobdeck does. Its result is handed on as the raw body, serialised again; false when the
 * stream is gone and no parsed body is anywhere.
 */
function reuseParsedBody(req: IncomingMessage, host: unknown): boolean {
  if (!req.readableEnded || 'rawBody' in req) return true;
  const parsed = [req, host, (host as { request?: unknown } | null)?.request]
    .map((holder) => (holder && typeof holder === 'object' ? (holder as { body?: unknown }).body : undefined))
    .find((body) => body !== undefined);
  if (parsed === undefined) return !hasBody(req);
  const raw = Buffer.isBuffer(parsed)
    ? parsed
    : Buffer.from(typeof parsed === 'string' ? parsed : JSON.stringify(parsed), 'utf8');
  Object.assign(req, { rawBody: raw });
  return true;
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}
