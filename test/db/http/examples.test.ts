import { describe, expect, it } from 'vitest';
import { startExpress } from '../../../examples/express.js';
import { startFastify } from '../../../examples/fastify.js';
import { startHono } from '../../../examples/hono.js';
import { startHttp } from '../../../examples/http.js';
import { startKoa } from '../../../examples/koa.js';
import { onCleanup, useTestDatabase } from '../../support/fixtures.js';

const hosts = { express: startExpress, fastify: startFastify, hono: startHono, koa: startKoa, http: startHttp };

describe('mounting Jobdeck in a host framework under /jobs-admin', () => {
  for (const [name, start] of Object.entries(hosts)) {
    it(`${name}: the host's session signs in; writes, links and redirects carry the prefix`, async () => {
      const host = await start(useTestDatabase().url);
      onCleanup(() => host.deck.close());
      onCleanup(() => host.close());
      const base = `${host.url}/jobs-admin`;

      expect((await fetch(`${base}/api/jobs`)).status).toBe(401);
      const login = await fetch(`${host.url}/login?user=alice`, { redirect: 'manual' });
      expect(login.headers.get('location')).toBe('/jobs-admin/');
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

      const root = await fetch(base, { redirect: 'manual' });
      expect(root.headers.get('location')).toBe('/jobs-admin/admin/');
      const session = await (await fetch(`${base}/api/session`, { headers: { cookie } })).json();
      expect(session).toEqual({ name: 'alice', role: 'admin', signed_in_by: 'host', account: false });

      const headers = { cookie, 'content-type': 'application/json', 'x-jobdeck-csrf': '1' };
      const created = await fetch(`${base}/api/jobs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'Ping', task: 'http.request', args: { url: 'http://127.0.0.1:1/' } }),
      });
      expect(created.status).toBe(201);
      const job = (await created.json()) as { id: string; links: { self: string } };
      expect(job.links.self).toBe(`${base}/api/jobs/${job.id}`);
      const list = (await (await fetch(`${base}/api/jobs?size=5`, { headers })).json()) as {
        hits: { total: number };
        links: { self: string };
      };
      expect(list.hits.total).toBe(1);
      expect(list.links.self).toBe(`${base}/api/jobs?size=5&page=1`);

      const index = await (await fetch(`${base}/admin/jobs/${job.id}`)).text();
      expect(index).toContain('<base href="/jobs-admin/admin/" />');
      expect(index).toContain('"signIn":{"host":true,"signInUrl":"/login","signOutUrl":"/logout"}');
    });
  }
});
