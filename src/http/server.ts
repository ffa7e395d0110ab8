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

/** Whether an address to listen on is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare) || bare === '::ffff:127.0.0.1';
}

/**
 * Serves the API on a port; resolves once it listens. Warns when it listens beyond this machine
 * with `/metrics` open (no metrics token): anyone who reaches the port can read the metrics.
 */
export function startServer(
  deck: Jobdeck,
  port: number,
  host: string,
  options: AppOptions = {},
): Promise<ServerHandle> {
  const app = createApp(deck, options);
  const metricsToken = options.metricsToken ?? (process.env.JOBDECK_METRICS_TOKEN || undefined);
  if (!isLoopback(host) && !metricsToken) {
    (options.logger ?? deck.logger).warn(
      { host },
      `listening on ${host}, beyond this machine, with /metrics open: set JOBDECK_METRICS_TOKEN to require a token`,
    );
  }
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
