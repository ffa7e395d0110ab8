// Jobdeck (API and admin UI) inside an Express app under /jobs-admin, signed in by the host's own
// session (express-session; passport's req.user works the same way).
// Run: node --import tsx examples/express.ts, then open http://127.0.0.1:3001/login?user=alice
import express from 'express';
import session from 'express-session';
import { createJobdeck, builtinTasks, createRequestHandler } from '../src/index.js';
import { serverHandle } from './host-session.js';

declare module 'express-session' {
  interface SessionData {
    user?: string;
  }
}

export async function createExpressApp(database = 'sqlite:./jobdeck.db') {
  const deck = await createJobdeck({ database, tasks: builtinTasks });
  const app = express();
  app.use(session({ secret: 'example only: use a real secret', resave: false, saveUninitialized: false }));
  app.use(express.json()); // the host's body parser: Jobdeck re-uses the body it parsed
  app.get('/', (_req, res) => void res.send('host app'));
  app.get('/login', (req, res) => {
    req.session.user = String(req.query.user ?? 'alice');
    res.redirect('/jobs-admin/');
  });
  app.get('/logout', (req, res) => req.session.destroy(() => res.redirect('/')));
  // Express tells Jobdeck where it is mounted (req.baseUrl): no basePath needed.
  app.use(
    '/jobs-admin',
    createRequestHandler(deck, {
      // The host decides who is calling, from its own request object (and with its own rules).
      authenticate: (_request, req: express.Request) =>
        req.session.user ? { name: req.session.user, role: 'admin' } : null,
      signInUrl: '/login',
      signOutUrl: '/logout',
    }),
  );
  return { app, deck };
}

export async function startExpress(database?: string, port = 0) {
  const { app, deck } = await createExpressApp(database);
  const server = app.listen(port);
  await new Promise((resolve) => server.once('listening', resolve));
  return { ...serverHandle(server), deck };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startExpress(undefined, 3001);
  console.log(`${url}/login?user=alice`);
}
