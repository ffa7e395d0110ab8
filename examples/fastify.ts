// Jobdeck (API and admin UI) inside a Fastify app under /jobs-admin, signed in by the host's session.
// Run: node --import tsx examples/fastify.ts, then open http://127.0.0.1:3002/login?user=alice
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { createJobdeck, builtinTasks, createRequestHandler } from '../src/index.js';
import { signIn, signOut, userOf } from './host-session.js';

export async function createFastifyApp(database = 'sqlite:./jobdeck.db') {
  const deck = await createJobdeck({ database, tasks: builtinTasks });
  const jobdeck = createRequestHandler(deck, {
    basePath: '/jobs-admin',
    // Fastify's own request (the handler's third argument): decorations such as request.user.
    authenticate: (_request, request: FastifyRequest) => {
      const user = userOf(request.headers.cookie);
      return user ? { name: user, role: 'admin' } : null;
    },
    signInUrl: '/login',
    signOutUrl: '/logout',
  });
  const app = Fastify();
  app.get('/', () => 'host app');
  app.get('/login', (request: FastifyRequest<{ Querystring: { user?: string } }>, reply) =>
    reply.header('set-cookie', signIn(request.query.user ?? 'alice')).redirect('/jobs-admin/'),
  );
  app.get('/logout', (request, reply) => reply.header('set-cookie', signOut(request.headers.cookie)).redirect('/'));
  // Jobdeck answers on Node's response; Fastify's parsed JSON body is re-used.
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    await jobdeck(request.raw, reply.raw, request);
  };
  app.all('/jobs-admin', handle);
  app.all('/jobs-admin/*', handle);
  return { app, deck };
}

export async function startFastify(database?: string, port = 0) {
  const { app, deck } = await createFastifyApp(database);
  await app.listen({ port, host: '127.0.0.1' });
  const { port: actual } = app.server.address() as { port: number };
  const close = async () => {
    const closing = app.close();
    app.server.closeAllConnections(); // the admin's live event stream never ends on its own
    await closing;
  };
  return { url: `http://127.0.0.1:${actual}`, deck, close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startFastify(undefined, 3002);
  console.log(`${url}/login?user=alice`);
}
