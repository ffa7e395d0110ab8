// Jobdeck's API inside a Fastify app, under /jobs-admin. Run: node --import tsx examples/fastify.ts
import Fastify from 'fastify';
import { createJobdeck, builtinTasks, createRequestHandler } from '../src/index.js';

export async function createFastifyApp(database = 'sqlite:./jobdeck.db') {
  const deck = await createJobdeck({ database, tasks: builtinTasks });
  const jobdeck = createRequestHandler(deck, {
    // The host's credential is a header a cross-site page cannot send: no CSRF header needed.
    hostCredentials: 'header',
    authenticate: (request) =>
      request.headers.get('x-example-user') === 'alice' ? { name: 'alice', role: 'admin' } : null,
  });
  const app = Fastify();
  // Jobdeck reads the body itself: hand it the raw request for every route under the prefix.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.all('/jobs-admin/*', async (request, reply) => {
    request.raw.url = request.raw.url!.slice('/jobs-admin'.length);
    reply.hijack();
    await jobdeck(request.raw, reply.raw);
  });
  return { app, deck };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { app } = await createFastifyApp();
  await app.listen({ port: 3002 });
  console.log('http://127.0.0.1:3002/jobs-admin/api/jobs');
}
