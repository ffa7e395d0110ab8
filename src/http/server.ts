import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Jobdeck } from '../service/jobdeck.js';
import type { AppOptions } from './app.js';
import { adminSignIn } from './admin-sign-in.js';
import { normalizeBasePath } from './mount.js';

export interface ServerHandle {
  url: string;
  close(): Promise<void>;
}

/** Whether an address to listen on is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare) || bare === '::ffff:127.0.0.1';
}

type Listener = (incoming: IncomingMessage, outgoing: ServerResponse) => Promise<unknown>;

/**
 * Serves the API on a port; resolves once it listens. Warns when it listens beyond this machine
 * with `/metrics` open (no metrics token): anyone who reaches the port can read the metrics.
 *
 * The app (every route with its schemas, Hono's Node adapter) is loaded and built at the first
 * request, not here: an idle `jobdeck start` that nobody calls keeps ~6 MiB less old space and
 * makes less start-up garbage (docs/performance.md, "Idle memory, wave 2 session 4"). The first
 * request waits for that load (0.8–1.4 s under load 8, against 0.1–0.35 s before); the options
 * are checked here all the same, so a wrong `basePath` or `signInUrl` still fails the start.
 * `GET /healthz` is answered at once meanwhile.
 */
export function startServer(
  deck: Jobdeck,
  port: number,
  host: string,
  options: AppOptions = {},
): Promise<ServerHandle> {
  const healthPath = `${normalizeBasePath(options.basePath)}/healthz`;
  if (options.adminUi !== false) adminSignIn(options);
  const metricsToken = options.metricsToken ?? (process.env.JOBDECK_METRICS_TOKEN || undefined);
  if (!isLoopback(host) && !metricsToken) {
    (options.logger ?? deck.logger).warn(
      { host },
      `listening on ${host}, beyond this machine, with /metrics open: set JOBDECK_METRICS_TOKEN to require a token`,
    );
  }
  let listener: Promise<Listener> | undefined;
  const load = async (): Promise<Listener> => {
    const [{ createApp }, { getRequestListener }] = await Promise.all([
      import('./app.js'),
      import('@hono/node-server'),
    ]);
    const listen = getRequestListener(createApp(deck, options).fetch, { hostname: host });
    loaded = true;
    return listen;
  };
  let loaded = false;
  const server = createServer((incoming, outgoing) => {
    // A liveness probe must not wait for the first load (a probe with a 1 s timeout would fail
    // on a busy machine): until the app is there, this answers as the app's /healthz does.
    if (!loaded && incoming.method === 'GET' && incoming.url?.split('?')[0] === healthPath) {
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    // One load for all requests that come before it ends; a failed load is tried again next time.
    listener ??= load().catch((error: unknown) => {
      listener = undefined;
      throw error;
    });
    listener
      .then((listen) => listen(incoming, outgoing))
      .catch((error: unknown) => {
        (options.logger ?? deck.logger).error({ err: error }, 'the HTTP app could not be loaded');
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ status: 500, message: 'The server could not load its HTTP app.' }));
      });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${typeof address === 'object' && address ? address.port : port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Event streams never end on their own; without this, close() would wait forever.
            server.closeAllConnections();
          }),
      });
    });
  });
}
