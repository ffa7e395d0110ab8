import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { getPath } from 'hono/utils/url';

/**
 * What the Node adapter (server.ts) hands the app with each request: the native request and
 * response, the host framework's request object (Express's `req`, Fastify's `request`, Koa's
 * `ctx`) and where the host mounted Jobdeck, when the framework says so (Express's `baseUrl`).
 */
export interface MountBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
  host?: unknown;
  basePath?: string;
}

// Paths only: no quotes, angle brackets or spaces (the base path goes into HTML and headers).
const BASE_PATH = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/;

/** `/jobs-admin/` → `/jobs-admin`; `''` and `/` → `''`; anything that is not a plain path throws. */
export function normalizeBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!BASE_PATH.test(trimmed) || /["'<>]/.test(trimmed)) {
    throw new TypeError(`basePath "${basePath}" is not a URL path such as "/jobs-admin".`);
  }
  return trimmed;
}

/**
 * Hono's path of a request, without the base path when the request still carries it (Fastify,
 * Koa, plain `http` pass the full URL; Express and Hono's `mount` strip it themselves).
 */
export function pathWithout(basePath: string): (request: Request) => string {
  return (request) => {
    const path = getPath(request);
    if (!basePath || !(path === basePath || path.startsWith(`${basePath}/`))) return path;
    return path.slice(basePath.length) || '/';
  };
}

/** The base path of this request: the adapter's (detected) one, else the configured one. */
export function basePathOf(c: Context, configured: string): string {
  const detected = (c.env as MountBindings | undefined)?.basePath;
  if (!detected) return configured;
  try {
    return normalizeBasePath(detected);
  } catch {
    return configured;
  }
}

/** The object `authenticate` gets as its second argument: the framework's request, else Node's. */
export function hostRequestOf(c: Context): unknown {
  const env = c.env as MountBindings | undefined;
  return env?.host ?? env?.incoming;
}
