import type { IncomingMessage } from 'node:http';
import type { Jobdeck } from '../service/jobdeck.js';
import { createApp, type AppOptions } from './app.js';
import { nodeHandler, type NodeRequestHandler } from './node-handler.js';

/**
 * A Node request handler for the API and the admin UI, to mount in Express, Fastify, Koa or
 * `http` under any prefix: Express's mount path is detected; elsewhere set `basePath`. Pass the
 * framework's request as third argument where it is not Node's (Fastify, Koa) for `authenticate`.
 */
export function createRequestHandler<Host = IncomingMessage>(
  deck: Jobdeck,
  options: AppOptions<Host> = {},
): NodeRequestHandler {
  return nodeHandler(createApp(deck, options));
}
