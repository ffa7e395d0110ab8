import { describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../../support/http.js';

const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;
const csrf = { 'x-jobdeck-csrf': '1' };

async function passwordSignIn(api: TestApi, email: string, password: string) {
  return api.call('POST', '/api/session/password', { role: null, body: { email, password } });
}

describe('accounts: setup link, password sign-in, roles, disabling', () => {
  it('creates the first admin once with the setup link, signed in as that person', async () => {
    const api = await openTestApi();
    const token = (await api.deck.users.setupSecret())!;
    const body = { token, email: 'root@example.org', name: 'Root', password: 'short' };
    expect((await api.call('POST', '/api/setup', { role: null, body })).status).toBe(400);
    // A form mistake does not spend the link.
    const made = await api.call('POST', '/api/setup', { role: null, body: { ...body, password: 'a long password' } });
    expect(made.status).toBe(200);
    const me = await api.call('GET', '/api/session', { role: null, headers: { cookie: cookieOf(made) } });
    expect(await me.json()).toEqual({
      name: 'root@example.org',
      role: 'admin',
      signed_in_by: 'jobdeck',
      account: true,
    });
    const again = await api.call('POST', '/api/setup', { role: null, body: { ...body, password: 'a long password' } });
    expect(again.status).toBe(400);
    expect(await api.deck.users.setupSecret()).toBeNull();
  });

  it('signs a person in with a password, names them in runs and the audit log, and stops a disabled one', async () => {
    const api = await openTestApi();
    const created = await api.call('POST', '/api/users', {
      body: { email: 'alice@example.org', name: 'Alice', role: 'operator', password: 'correct horse battery' },
    });
    expect(created.status).toBe(201);
    const alice = await created.json();
    expect(JSON.stringify(alice)).not.toMatch(/argon|hash/);
    expect((await api.call('GET', '/api/users', { role: 'operator' })).status).toBe(403);

    expect((await passwordSignIn(api, 'alice@example.org', 'wrong password!')).status).toBe(401);
    expect((await passwordSignIn(api, 'nobody@example.org', 'correct horse battery')).status).toBe(401);
    const signedIn = await passwordSignIn(api, 'ALICE@example.org', 'correct horse battery');
    expect(await signedIn.json()).toEqual({ name: 'alice@example.org', role: 'operator' });
    const cookie = cookieOf(signedIn);
    const as = (method: string, path: string, body?: unknown) =>
      api.call(method, path, { role: null, headers: { cookie, ...csrf }, body });

    const job = await api.deck.jobs.create({ title: 'Echo', task: 'test.echo' });
    const run = await as('POST', `/api/jobs/${job.id}/runs`, {});
    expect(run.status).toBe(201);
    expect((await run.json()).started_by).toBe('alice@example.org');
    expect((await as('POST', '/api/users', { email: 'b@example.org', name: 'B', role: 'admin' })).status).toBe(403);

    expect((await as('PUT', '/api/account/password', { current: 'nope', password: 'a new password' })).status).toBe(
      400,
    );
    expect(
      (await as('PUT', '/api/account/password', { current: 'correct horse battery', password: 'a new password' }))
        .status,
    ).toBe(204);
    expect((await passwordSignIn(api, 'alice@example.org', 'a new password')).status).toBe(200);
    const audit = await api.deck.audit.list({});
    expect(audit.items.map((e) => `${e.actor} ${e.action}`)).toEqual(
      expect.arrayContaining(['alice@example.org run.create', 'alice@example.org user.password']),
    );

    // Disabled: its live session stops working at once, and it cannot sign in again.
    expect((await api.call('PATCH', `/api/users/${alice.id}`, { body: { disabled: true } })).status).toBe(200);
    expect((await as('GET', '/api/session')).status).toBe(401);
    expect((await passwordSignIn(api, 'alice@example.org', 'a new password')).status).toBe(401);
  });

  it('blocks a client after repeated wrong passwords', async () => {
    const api = await openTestApi();
    for (let i = 0; i < 10; i++) await passwordSignIn(api, 'x@example.org', 'wrong password');
    expect((await passwordSignIn(api, 'x@example.org', 'wrong password')).status).toBe(429);
  });
});
