import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './route-support.js';

/** A client's own id is kept for correlation, cut to this and to printable ASCII without spaces. */
const CLIENT_ID_MAX = 100;

/**
 * Every request gets an id made here (`X-Request-Id` of the response, the audit log's
 * request_id): a client cannot choose it, so it cannot forge or collide with another request's
 * trail. An `X-Request-Id` the client sent is kept apart, sanitised, in the service log
 * (`clientRequestId`) next to ours.
 */
export function requestIds(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    const sent = c.req.header('x-request-id');
    if (sent) {
      const clientRequestId = sent.replace(/[^\x21-\x7e]/g, '').slice(0, CLIENT_ID_MAX);
      if (clientRequestId) log.debug({ requestId, clientRequestId, path: c.req.path }, 'client request id');
    }
    await next();
  };
}
