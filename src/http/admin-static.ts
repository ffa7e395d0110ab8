import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import type { AdminSignIn } from './admin-sign-in.js';

/** Where `npm run build:ui` writes the admin UI. */
const DEFAULT_ADMIN_DIR = fileURLToPath(new URL('../../ui/dist', import.meta.url));

/** The base path comes from the app (app.ts); alone (tests), the admin sits at the root. */
type MountEnv = { Variables: { basePath?: string } };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Scripts only from this origin; antd writes its styles at run time, hence inline styles; data
 * comes from /api on the same origin; the admin may not be framed (clickjacking).
 */
const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jobdeck admin</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>The admin UI is not built</h1>
<p>Run <code>npm run build:ui</code> in the Jobdeck package, then reload this page.
The API is available at <a href="/api/openapi.json">/api</a> meanwhile.</p></body></html>`;

/**
 * The built index.html for this request: its `<base href>` (the UI's assets, router and API
 * calls are relative to it) moved under the host's base path, and the sign-in settings added.
 */
function renderIndex(html: string, basePath: string, signIn: AdminSignIn): string {
  const base = `<base href="${basePath}/admin/" />`;
  // JSON in a data block (not run, so the CSP allows it); "<" escaped so it cannot close the tag.
  const config = JSON.stringify({ basePath, signIn }).replace(/</g, '\\u003c');
  const head = `${base}<script type="application/json" id="jobdeck-config">${config}</script>`;
  const withoutBase = html.replace(/<base [^>]*>/i, '');
  return withoutBase.includes('<head>') ? withoutBase.replace('<head>', `<head>${head}`) : head + withoutBase;
}

function secure(c: Context): void {
  c.header('content-security-policy', ADMIN_CSP);
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'same-origin');
}

/**
 * Serves the built admin UI at <base path>/admin/*: hashed assets cached for a year, index.html never
 * cached (so a new release is picked up), any other path answered with index.html so the
 * browser router can show it. `/` redirects to the admin.
 */
export function adminStaticRoutes(
  dir: string = DEFAULT_ADMIN_DIR,
  signIn: AdminSignIn = { host: false },
): Hono<MountEnv> {
  const app = new Hono<MountEnv>();
  const root = path.resolve(dir);
  const basePathOf = (c: Context<MountEnv>) => c.get('basePath') ?? '';

  const sendIndex = async (c: Context<MountEnv>) => {
    secure(c);
    c.header('cache-control', 'no-cache');
    let html: string;
    try {
      html = await readFile(path.join(root, 'index.html'), 'utf8');
    } catch {
      return c.html(NOT_BUILT.replace('href="/api/', `href="${basePathOf(c)}/api/`), 503);
    }
    return c.html(renderIndex(html, basePathOf(c), signIn));
  };

  app.get('/', (c) => c.redirect(`${basePathOf(c)}/admin/`, 302));
  app.get('/admin', (c) => c.redirect(`${basePathOf(c)}/admin/`, 301));
  app.get('/admin/*', async (c) => {
    const relative = safeDecode(c.req.path.slice('/admin/'.length));
    const file = path.resolve(root, relative);
    // Paths that leave the build folder (../) or name no file fall back to the app.
    if (relative && file.startsWith(root + path.sep) && relative !== 'index.html') {
      const info = await stat(file).catch(() => null);
      // Read before answering: a rebuild may remove the file between stat and read.
      const content = info?.isFile() ? await readFile(file).catch(() => null) : null;
      if (content) {
        secure(c);
        c.header('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
        c.header(
          'cache-control',
          relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        );
        return c.body(new Uint8Array(content));
      }
      // A missing hashed asset is a stale page asking for an old build: say so, not index.html.
      if (relative.startsWith('assets/')) return c.text('Not found', 404);
    }
    return sendIndex(c);
  });
  return app;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return ''; // malformed escapes: serve the app, which shows its own not-found
  }
}
