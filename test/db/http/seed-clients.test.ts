import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.js';
import { openTestDeck } from '../../support/deck.js';

// Bodies are checked field by field; `any` keeps those checks short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

/** What a client written for the seed system's API sends, read the way it means it. */
describe('seed-shaped run requests', () => {
  it('reads args.since as since, takes {} custom args as none, refuses unknown argument fields', async () => {
    const deck = await openTestDeck();
    const app = createApp(deck, { adminUi: false });
    const { secret } = await deck.tokens.create({ name: 'admin', role: 'admin' });
    const job = await deck.jobs.create({ title: 'Echo', task: 'test.echo', args: { lines: ['saved'] } });
    const post = async (body: unknown) => {
      const response = await app.request(`http://localhost/api/jobs/${job.id}/runs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Body };
    };

    const withSince = await post({ args: { since: '2025-03-01T00:00:00Z', lines: ['a'] } });
    expect(withSince.status).toBe(201);
    expect(withSince.body).toMatchObject({ since: '2025-03-01T00:00:00.000Z', args: { lines: ['a'] } });
    expect(withSince.body.args).not.toHaveProperty('since');

    const empty = await post({ custom_args: {} });
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ custom_args: null, args: { lines: ['saved'] } });

    const unknown = await post({ args: { lines: ['a'], colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { field: 'args.colour', messages: [expect.stringMatching(/no argument "colour"/)] },
    ]);
    const unknownCustom = await post({ custom_args: { lines: [], shape: 1 } });
    expect(unknownCustom.status).toBe(400);
    expect(unknownCustom.body.errors[0].field).toBe('custom_args.shape');
  });

  it('refuses unknown argument fields when a job is saved, as when it is run', async () => {
    const deck = await openTestDeck();
    const app = createApp(deck, { adminUi: false });
    const { secret } = await deck.tokens.create({ name: 'admin', role: 'admin' });
    const send = async (method: string, path: string, body: unknown) => {
      const response = await app.request(`http://localhost/api${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Body };
    };

    const created = await send('POST', '/jobs', { title: 'Echo', task: 'test.echo', args: { colour: 'red' } });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      { field: 'args.colour', messages: [expect.stringMatching(/no argument "colour"/)] },
    ]);
    const job = await deck.jobs.create({ title: 'Echo', task: 'test.echo', args: { lines: ['saved'] } });
    const patched = await send('PATCH', `/jobs/${job.id}`, { custom_args: { lines: [], shape: 1 } });
    expect(patched.status).toBe(400);
    expect(patched.body.errors[0].field).toBe('custom_args.shape');
    expect((await deck.jobs.get(job.id)).customArgs).toBeNull();
    const renamed = await send('PATCH', `/jobs/${job.id}`, { title: 'Echo 2', args: { lines: ['b'] } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: 'Echo 2', args: { lines: ['b'] } });
  });
});
