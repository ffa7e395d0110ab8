import { serve, type ServerType } from '@hono/node-server';
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

export interface ServerHandle {
  url: string;
  close(): Promise<void>;
}

/** Serves the API on a port; resolves once it listens. */
export function startServer(
  deck: Jobdeck,
  port: number,
  host: string,
  options: AppOptions = {},
): Promise<ServerHandle> {
  const app = createApp(deck, options);
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port, hostname: host }, (info) =>
        resolve({
          url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
          close: () =>
            new Promise((done) => {
              server.close(() => done());
              // Event streams never end on their own; without this, close() would wait forever.
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        }),
      );
      server.on('error', reject);
    } catch (error) {
      reject(error);
    }
  });
}
