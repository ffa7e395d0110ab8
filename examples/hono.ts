// Jobdeck (API and admin UI) inside a Hono app under /jobs-admin, signed in by the host's session.
// Run: node --import tsx examples/hono.ts, then open http://127.0.0.1:3003/login?user=alice
import { serve, type HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import type { Server } from 'node:http';
import { createJobdeck, builtinTasks, createApp } from '../src/index.js';
import { serverHandle, signIn, signOut, userOf } from './host-session.js';

export async function createHonoApp(database = 'sqlite:./jobdeck.db') {
  const deck = await createJobdeck({ database, tasks: builtinTasks });
  const jobdeck = createApp(deck, {
    basePath: '/jobs-admin',
    // The host's Context, passed below as `host`: c.get('user') of the host's middleware works.
    authenticate: (_request, c: Context) => {
      const user = userOf(c.req.header('cookie'));
      return user ? { name: user, role: 'admin' } : null;
    },
    signInUrl: '/login',
    signOutUrl: '/logout',
  });
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.get('/', (c) => c.text('host app'));
  app.get('/login', (c) => {
    c.header('set-cookie', signIn(c.req.query('user') ?? 'alice'));
    return c.redirect('/jobs-admin/');
  });
  app.get('/logout', (c) => {
    c.header('set-cookie', signOut(c.req.header('cookie')));
    return c.redirect('/');
  });
  // Node's request stays in env (sign-in limits by client address); `host` is for authenticate.
  app.all('/jobs-admin/*', (c) => jobdeck.fetch(c.req.raw, { ...c.env, host: c }));
  return { app, deck };
}

export async function startHono(database?: string, port = 0) {
  const { app, deck } = await createHonoApp(database);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  return { ...serverHandle(server), deck };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startHono(undefined, 3003);
  console.log(`${url}/login?user=alice`);
}
