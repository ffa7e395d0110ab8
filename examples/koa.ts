// Jobdeck (API and admin UI) inside a Koa app under /jobs-admin, signed in by the host's session.
// Run: node --import tsx examples/koa.ts, then open http://127.0.0.1:3004/login?user=alice
import Koa from 'koa';
import { createJobdeck, builtinTasks, createRequestHandler } from '../src/index.js';
import { serverHandle, signIn, signOut, userOf } from './host-session.js';

export async function createKoaApp(database = 'sqlite:./jobdeck.db') {
  const deck = await createJobdeck({ database, tasks: builtinTasks });
  const jobdeck = createRequestHandler(deck, {
    basePath: '/jobs-admin',
    // Koa's ctx (the handler's third argument): ctx.state.user of koa-passport works the same way.
    authenticate: (_request, ctx: Koa.Context) => {
      const user = userOf(ctx.get('cookie'));
      return user ? { name: user, role: 'admin' } : null;
    },
    signInUrl: '/login',
    signOutUrl: '/logout',
  });
  const app = new Koa();
  // Before any body parser (or one that sets ctx.request.body, which Jobdeck re-uses).
  app.use(async (ctx, next) => {
    if (ctx.path !== '/jobs-admin' && !ctx.path.startsWith('/jobs-admin/')) return next();
    ctx.respond = false; // Jobdeck answers on Node's response
    await jobdeck(ctx.req, ctx.res, ctx);
  });
  app.use((ctx) => {
    if (ctx.path === '/login') {
      ctx.set('set-cookie', signIn(String(ctx.query.user ?? 'alice')));
      ctx.redirect('/jobs-admin/');
    } else if (ctx.path === '/logout') {
      ctx.set('set-cookie', signOut(ctx.get('cookie')));
      ctx.redirect('/');
    } else ctx.body = 'host app';
  });
  return { app, deck };
}

export async function startKoa(database?: string, port = 0) {
  const { app, deck } = await createKoaApp(database);
  const server = app.listen(port);
  await new Promise((resolve) => server.once('listening', resolve));
  return { ...serverHandle(server), deck };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startKoa(undefined, 3004);
  console.log(`${url}/login?user=alice`);
}
