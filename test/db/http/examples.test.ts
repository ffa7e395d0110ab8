import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createExpressApp } from '../../../examples/express.js';
import { createFastifyApp } from '../../../examples/fastify.js';
import { onCleanup, useTestDatabase } from '../../support/fixtures.js';

async function exercise(base: string) {
  const anonymous = await fetch(`${base}/jobs-admin/api/jobs`);
  expect(anonymous.status).toBe(401);
  const headers = { 'x-example-user': 'alice', 'content-type': 'application/json' };
  const created = await fetch(`${base}/jobs-admin/api/jobs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ title: 'Ping', task: 'http.request', args: { url: 'http://127.0.0.1:1/' } }),
  });
  expect(created.status).toBe(201);
  const list = (await (await fetch(`${base}/jobs-admin/api/jobs`, { headers })).json()) as { hits: { total: number } };
  expect(list.hits.total).toBe(1);
}

describe('mounting the API in a host framework', () => {
  it('works under a prefix in Express', async () => {
    const { app, deck } = await createExpressApp(useTestDatabase().url);
    onCleanup(() => deck.close());
    const server = app.listen(0);
    onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
    await new Promise((resolve) => server.once('listening', resolve));
    await exercise(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  it('works under a prefix in Fastify', async () => {
    const { app, deck } = await createFastifyApp(useTestDatabase().url);
    onCleanup(() => deck.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    onCleanup(() => app.close());
    await exercise(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  });
});
