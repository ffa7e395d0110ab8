import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Jobdeck } from '../../service/jobdeck.js';
import { publicRoute } from '../auth.js';
import { errorResponse } from '../errors.js';
import { errorResponseDoc, router } from '../route-support.js';
import { secureCookie, startSession, type SessionRouteOptions } from './session.js';

/** Binds a sign-in to the browser that began it. Lax: it must come back on the provider's redirect. */
const STATE_COOKIE = 'jobdeck_oidc_state';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A person refused at sign-in reads why, in a page (not JSON: they came with a browser). */
function refusedPage(c: Context, message: string, status: 400 | 403) {
  const accept = c.req.header('accept') ?? '';
  if (accept.includes('application/json') && !accept.includes('text/html')) return errorResponse(c, status, message);
  const signIn = `${(c.get('basePath') as string | undefined) ?? ''}/admin/sign-in`;
  c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  c.header('cache-control', 'no-store');
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in refused · Jobdeck</title></head>` +
      `<body style="font-family:sans-serif;max-width:40em;margin:3em auto;padding:0 1em">` +
      `<h1>Sign-in refused</h1><p id="reason">${escapeHtml(message)}</p>` +
      `<p><a href="${escapeHtml(signIn)}">Back to sign-in</a></p></body></html>`,
    status,
  );
}

/** Where the provider sends the person back: under the public URL, else as this request came in. */
function redirectUri(c: Context, options: SessionRouteOptions): string {
  const base =
    options.publicUrl?.replace(/\/+$/, '') ??
    `${new URL(c.req.url).origin}${(c.get('basePath') as string | undefined) ?? ''}`;
  return `${base}/api/oidc/callback`;
}

/**
 * Sign-in through the OpenID Connect provider: `start` sends the browser there, `callback` takes
 * its answer, opens a session and goes on to the admin, or shows why the person was refused.
 * Redirects and HTML, so outside the OpenAPI document.
 */
export function oidcRoutes(deck: Jobdeck, options: SessionRouteOptions) {
  const app = router();
  // A browser reads a page; a client that asks for JSON (Accept) gets the API's error body.
  const html = (description: string) => ({
    content: {
      'text/html': { schema: z.string() },
      ...errorResponseDoc(description).content,
    },
    description,
  });
  const redirect = (description: string) => ({
    description,
    headers: { location: { schema: { type: 'string' as const }, description: 'Where the browser goes next' } },
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/oidc/start',
      operationId: 'startOidcSignIn',
      summary: 'Sign in through the OpenID Connect provider (a browser navigation)',
      tags: ['Session'],
      security: [],
      middleware: [publicRoute('OpenID Connect sign-in: redirects to the provider')],
      request: { query: z.object({ next: z.string().max(500).optional() }) },
      responses: {
        302: redirect("To the provider's sign-in page"),
        400: errorResponseDoc('Bad request'),
        404: errorResponseDoc('OpenID Connect is not set up'),
      },
    }),
    async (c) => {
      if (!deck.oidc) return errorResponse(c, 404, 'OpenID Connect sign-in is not set up.');
      const { url, state } = await deck.oidc.begin(redirectUri(c, options), c.req.valid('query').next);
      setCookie(c, STATE_COOKIE, state, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: secureCookie(c, options),
        maxAge: 600,
      });
      return c.redirect(url, 302) as never;
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/oidc/callback',
      operationId: 'finishOidcSignIn',
      summary: "The provider's answer: opens a session, or a page saying why not",
      tags: ['Session'],
      security: [],
      middleware: [publicRoute('OpenID Connect sign-in: the provider sends the person back here')],
      responses: {
        302: redirect('Signed in: to the admin'),
        400: html('Not an answer of the provider'),
        403: html('Refused: the page says why'),
        404: errorResponseDoc('OpenID Connect is not set up'),
      },
    }),
    async (c) => {
      if (!deck.oidc) return errorResponse(c, 404, 'OpenID Connect sign-in is not set up.');
      const query = new URL(c.req.url).searchParams;
      if (!query.has('state') && !query.has('error')) {
        return refusedPage(c, 'This address is for the identity provider’s answer only.', 400) as never;
      }
      const browserState = getCookie(c, STATE_COOKIE);
      deleteCookie(c, STATE_COOKIE, { path: '/', secure: secureCookie(c, options) });
      const outcome = await deck.oidc.finish(query, browserState);
      if ('refused' in outcome) {
        deck.logger.info({ reason: outcome.refused }, 'OpenID Connect sign-in refused');
        return refusedPage(c, outcome.refused, 403) as never;
      }
      await startSession(c, deck, { kind: 'user', id: outcome.user.id }, options);
      const base = (c.get('basePath') as string | undefined) ?? '';
      return c.redirect(`${base}/admin${outcome.next}`, 302) as never;
    },
  );
  return app;
}
