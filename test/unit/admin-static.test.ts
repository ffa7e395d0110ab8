import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { adminStaticRoutes } from '../../src/http/admin-static.js';

const dist = mkdtempSync(path.join(tmpdir(), 'jobdeck-admin-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>admin</title>');
writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('admin UI files at /admin', () => {
  const app = adminStaticRoutes(dist);

  it('redirects / and /admin to /admin/', async () => {
    expect((await app.request('/')).headers.get('location')).toBe('/admin/');
    expect((await app.request('/admin')).headers.get('location')).toBe('/admin/');
  });

  it('answers any page of the app with index.html, never cached, with a CSP', async () => {
    for (const page of ['/admin/', '/admin/jobs/123', '/admin/runs/7?x=1']) {
      const response = await app.request(page);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>admin</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'; .*frame-ancestors 'none'/);
    }
  });

  it('serves hashed assets for a year, and 404s for a missing one', async () => {
    const asset = await app.request('/admin/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/admin/assets/index-old.js')).status).toBe(404);
  });

  it('never serves files outside the build', async () => {
    const response = await app.request('/admin/%2e%2e%2f%2e%2e%2fetc%2fpasswd');
    expect(await response.text()).toContain('<title>admin</title>');
  });

  it('says how to build the UI when it is not built', async () => {
    const response = await adminStaticRoutes(path.join(dist, 'missing')).request('/admin/jobs');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:ui');
  });
  it("carries the host's base path in redirects and index.html; the sign-in settings cannot close the tag", async () => {
    const mounted = new Hono<{ Variables: { basePath?: string } }>()
      .use('*', async (c, next) => {
        c.set('basePath', '/jobs-admin');
        await next();
      })
      .route('/', adminStaticRoutes(dist, { host: true, signOutUrl: '/out?</script>' }));
    expect((await mounted.request('/')).headers.get('location')).toBe('/jobs-admin/admin/');
    const html = await (await mounted.request('/admin/runs/1')).text();
    expect(html).toContain('<base href="/jobs-admin/admin/" />');
    expect(html).toContain('"signOutUrl":"/out?\\u003c/script>"');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});
