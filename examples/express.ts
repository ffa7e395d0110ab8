// Jobdeck's API inside an Express app, under /jobs-admin. Run: node --import tsx examples/express.ts
import express from 'express';
import { createJobdeck, builtinTasks, createRequestHandler } from '../src/index.js';

export async function createExpressApp(database = 'sqlite:./jobdeck.db') {
  const deck = await createJobdeck({ database, tasks: builtinTasks });
  const jobdeck = createRequestHandler(deck, {
    // Embedded mode: the host decides who is calling (here a fixed header, for the example only).
    // The host's credential is a header a cross-site page cannot send: no CSRF header needed.
    hostCredentials: 'header',
    authenticate: (request) =>
      request.headers.get('x-example-user') === 'alice' ? { name: 'alice', role: 'admin' } : null,
  });
  const app = express();
  app.get('/', (_req, res) => void res.send('host app'));
  // Express strips the mount path; Jobdeck expects its own /api paths, so mount at the prefix.
  app.use('/jobs-admin', (req, res) => void jobdeck(req, res));
  return { app, deck };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { app } = await createExpressApp();
  app.listen(3001, () => console.log('http://127.0.0.1:3001/jobs-admin/api/jobs'));
}
