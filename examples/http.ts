// Jobdeck (API and admin UI) in a plain node:http server under /jobs-admin, with the host's session.
// Run: node --import tsx examples/http.ts, then open http://127.0.0.1:3005/login?user=alice
import http from 'node:http';
import { createJobdeck, builtinTasks, createRequestHandler } from '../src/index.js';
import { serverHandle, signIn, signOut, userOf } from './host-session.js';

export async function createHttpServer(database = 'sqlite:./jobdeck.db') {
  const deck = await createJobdeck({ database, tasks: builtinTasks });
  const jobdeck = createRequestHandler(deck, {
    basePath: '/jobs-admin',
    authenticate: (_request, req) => {
      const user = userOf(req.headers.cookie);
      return user ? { name: user, role: 'admin' } : null;
    },
    signInUrl: '/login',
    signOutUrl: '/logout',
  });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/jobs-admin' || url.pathname.startsWith('/jobs-admin/')) return void jobdeck(req, res);
    if (url.pathname === '/login') {
      res.writeHead(302, { 'set-cookie': signIn(url.searchParams.get('user') ?? 'alice'), location: '/jobs-admin/' });
    } else if (url.pathname === '/logout') {
      res.writeHead(302, { 'set-cookie': signOut(req.headers.cookie), location: '/' });
    }
    res.end('host app');
  });
  return { server, deck };
}

export async function startHttp(database?: string, port = 0) {
  const { server, deck } = await createHttpServer(database);
  server.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { ...serverHandle(server), deck };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startHttp(undefined, 3005);
  console.log(`${url}/login?user=alice`);
}
