import { getRequestListener, serve, type ServerType } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Jobdeck } from '../service/jobdeck.js';
import { createApp, type AppOptions } from './app.js';

/**
 * A Node request handler for the API, to mount in Express, Fastify, Koa or `http`. It expects
 * paths starting with `/api` (and `/healthz`, `/readyz`): mount it at the root or strip your prefix.
 */
export function createRequestHandler(
  deck: Jobdeck,
  options: AppOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const app = createApp(deck, options);
  return getRequestListener(app.fetch) as (req: IncomingMessage, res: ServerResponse) => Promise<void>;
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
