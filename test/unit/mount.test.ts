import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { z as z3 } from 'zod/v3';
import { defineTask } from '../../src/domain/task.js';
import { adminSignIn } from '../../src/http/admin-sign-in.js';
import { normalizeBasePath } from '../../src/http/mount.js';
import { nodeHandler } from '../../src/http/node-handler.js';
import { checkZod } from '../../src/service/zod-support.js';
import { Hono } from 'hono';

describe('base path', () => {
  it('accepts URL paths and refuses anything that could leave an attribute or a URL', () => {
    expect(normalizeBasePath(undefined)).toBe('');
    expect(normalizeBasePath('/')).toBe('');
    expect(normalizeBasePath('/jobs-admin/')).toBe('/jobs-admin');
    expect(normalizeBasePath('/a/b.c~d')).toBe('/a/b.c~d');
    for (const bad of ['jobs', '/a b', '/"><script>', "/a'b", '//evil.example', 'https://x/y']) {
      expect(() => normalizeBasePath(bad), bad).toThrow(/not a URL path/);
    }
  });

  it("takes the host's sign-in and sign-out addresses only as paths or http(s) URLs", () => {
    expect(adminSignIn({ authenticate: () => null, signOutUrl: '/logout' })).toEqual({
      host: true,
      signOutUrl: '/logout',
    });
    expect(adminSignIn({ signInUrl: 'https://id.example/login' })).toEqual({
      host: false,
      signInUrl: 'https://id.example/login',
    });
    for (const bad of ['javascript:alert(1)', '//evil.example', '/\\evil.example', 'logout']) {
      expect(() => adminSignIn({ signOutUrl: bad }), bad).toThrow(/must be a path/);
    }
  });
});

describe('a body the host read first', () => {
  const app = new Hono().post('/echo', async (c) => c.json(await c.req.json()));
  const handler = nodeHandler(app);
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        // What a body parser does: the stream is read; some keep the result on req.body.
        if (req.headers['x-keep'] === 'parsed')
          Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString()) });
        if (req.headers['x-keep'] === 'host') void handler(req, res, { body: { from: 'host' } });
        else void handler(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (keep: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-keep': keep }, body: '{"a":1}' });

  it("is re-used from req.body or from the framework's request", async () => {
    await expect((await post('parsed')).json()).resolves.toEqual({ a: 1 });
    await expect((await post('host')).json()).resolves.toEqual({ from: 'host' });
  });

  it('gone without a parsed copy: a clear error, not "malformed JSON"', async () => {
    const response = await post('none');
    expect(response.status).toBe(500);
    expect(((await response.json()) as { message: string }).message).toMatch(/read by a body parser of the host/);
  });
});

describe('zod', () => {
  const task = (args: unknown) =>
    defineTask({ id: 'x.y', title: 'X', description: 'x', args: args as z.ZodObject, run: () => undefined });

  it('accepts zod 4 schemas and names a task whose schema is zod 3', () => {
    expect(() => checkZod([task(z.object({ a: z.string() }))])).not.toThrow();
    expect(() => checkZod([task(z3.object({ a: z3.string() }))])).toThrow(/Task "x.y": its args schema is not a zod 4/);
  });
});
