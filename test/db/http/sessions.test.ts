import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.js';
import { openTestApi } from '../../support/http.js';

const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

describe('sign-in sessions', () => {
  it('puts a server-side session id in the cookie, never the token, and ends it at sign-out', async () => {
    const api = await openTestApi();
    const signIn = await api.call('POST', '/api/session', { role: null, body: { token: api.tokens.admin } });
    expect(signIn.status).toBe(200);
    const cookie = cookieOf(signIn);
    expect(cookie).toMatch(/^jobdeck_session=jds_[\w-]{43}$/);
    expect(cookie).not.toContain(api.tokens.admin);
    // Neither the secret nor the token is stored: only the session's hash.
    const [session] = await api.deck.sessions.list();
    expect(JSON.stringify(session)).not.toContain(cookie.split('=')[1]!);
    const me = await api.call('GET', '/api/session', { role: null, headers: { cookie } });
    expect(await me.json()).toEqual({ name: 'admin-user', role: 'admin', signed_in_by: 'jobdeck', account: false });

    const signOut = await api.call('DELETE', '/api/session', { role: null, headers: { cookie } });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('set-cookie')).toMatch(/jobdeck_session=;.*Max-Age=0/);
    // A copy of the old cookie is refused: the session ended on the server, not just in the browser.
    const after = await api.call('GET', '/api/session', { role: null, headers: { cookie } });
    expect(after.status).toBe(401);
    expect((await after.json()).message).toMatch(/session was ended/);
  });

  it('refuses a session past its idle time or its absolute end', async () => {
    let now = Date.now();
    const api = await openTestApi({ clock: () => now, sessions: { idleMs: 60 * 60_000, maxMs: 3 * 3600_000 } });
    const signIn = async () =>
      cookieOf(await api.call('POST', '/api/session', { role: null, body: { token: api.tokens.viewer } }));
    const get = async (cookie: string) => api.call('GET', '/api/session', { role: null, headers: { cookie } });

    const idle = await signIn();
    now += 59 * 60_000;
    expect((await get(idle)).status).toBe(200); // used within the hour: lives on
    now += 59 * 60_000;
    expect((await get(idle)).status).toBe(200);
    now += 61 * 60_000;
    const expired = await get(idle);
    expect(expired.status).toBe(401);
    expect((await expired.json()).message).toMatch(/expired after a time unused/);

    const busy = await signIn();
    for (let i = 0; i < 5; i++) {
      now += 30 * 60_000;
      expect((await get(busy)).status).toBe(200);
    }
    now += 45 * 60_000; // 3.25 h after sign-in, used 45 min ago: ended however busy
    const ended = await get(busy);
    expect(ended.status).toBe(401);
    expect((await ended.json()).message).toMatch(/has expired/);
  });

  it('ends the sessions of a revoked token, and lets admins list and revoke sessions', async () => {
    const api = await openTestApi();
    const operator = cookieOf(
      await api.call('POST', '/api/session', { role: null, body: { token: api.tokens.operator } }),
    );
    const viewer = cookieOf(await api.call('POST', '/api/session', { role: null, body: { token: api.tokens.viewer } }));
    const list = await (await api.call('GET', '/api/sessions')).json();
    expect(list.items).toHaveLength(2);
    expect(list.items[0]).toMatchObject({ subject_kind: 'token', current: false });
    expect(JSON.stringify(list)).not.toMatch(/jds_/);
    expect((await api.call('GET', '/api/sessions', { role: 'operator' })).status).toBe(403);

    const tokens = await api.deck.tokens.list();
    const viewerToken = tokens.find((t) => t.role === 'viewer')!;
    const target = list.items.find((s: { subject_id: string }) => s.subject_id === viewerToken.id);
    expect((await api.call('DELETE', `/api/sessions/${target.id}`)).status).toBe(204);
    expect((await api.call('GET', '/api/session', { role: null, headers: { cookie: viewer } })).status).toBe(401);
    expect((await api.call('DELETE', `/api/sessions/${target.id}`)).status).toBe(404);

    const operatorToken = tokens.find((t) => t.role === 'operator')!;
    await api.deck.tokens.revoke(operatorToken.id);
    const refused = await api.call('GET', '/api/session', { role: null, headers: { cookie: operator } });
    expect(refused.status).toBe(401);
    expect((await api.deck.audit.list()).items.map((e) => e.action)).toContain('session.revoke');
  });

  it('marks the cookie Secure when the public URL is https or a trusted proxy says https', async () => {
    const plain = await openTestApi();
    const body = { token: plain.tokens.viewer };
    const insecure = await plain.call('POST', '/api/session', { role: null, body });
    expect(insecure.headers.get('set-cookie')).not.toMatch(/Secure/);
    // Without trustProxy the header is ignored: any client could send it.
    const forged = await plain.call('POST', '/api/session', {
      role: null,
      body,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forged.headers.get('set-cookie')).not.toMatch(/Secure/);

    const behindProxy = createApp(plain.deck, { trustProxy: true, adminUi: false });
    const proxied = await behindProxy.request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify(body),
    });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);

    const public_ = createApp(plain.deck, { publicUrl: 'https://jobs.example.org', adminUi: false });
    const viaPublicUrl = await public_.request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(viaPublicUrl.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});

describe('failed sign-in limiter', () => {
  it('answers 429 to a blocked client before looking at its credential, a right token too', async () => {
    const api = await openTestApi();
    for (let i = 0; i < 10; i++) {
      const wrong = await api.call('GET', '/api/jobs', { role: null, headers: { authorization: `Bearer wrong-${i}` } });
      expect(wrong.status).toBe(401);
    }
    // The right token, by Bearer and at sign-in, is refused as well while the block lasts.
    const right = await api.call('GET', '/api/jobs', { role: 'admin' });
    expect(right.status).toBe(429);
    expect((await right.json()).message).toMatch(/Too many failed sign-ins/);
    const signIn = await api.call('POST', '/api/session', { role: null, body: { token: api.tokens.admin } });
    expect(signIn.status).toBe(429);
    expect(signIn.headers.get('set-cookie')).toBeNull();
  });

  it('forgets the least recent clients beyond its bound instead of clearing every block', async () => {
    const { LoginLimiter } = await import('../../../src/http/login-limiter.js');
    const limiter = new LoginLimiter(2, 60_000);
    limiter.fail('attacker');
    limiter.fail('attacker');
    expect(limiter.blocked('attacker')).toBe(true);
    for (let i = 0; i < 9_999; i++) limiter.fail(`10.0.${Math.floor(i / 256)}.${i % 256}`);
    expect(limiter.size).toBe(10_000);
    expect(limiter.blocked('attacker')).toBe(true); // still there: the table was not wiped
    limiter.fail('one-more');
    expect(limiter.size).toBe(10_000);
  });
});

describe('host authentication and CSRF', () => {
  const host = (request: Request) =>
    request.headers.get('cookie')?.includes('host_session=alice') ? { name: 'alice', role: 'admin' as const } : null;

  it("treats the host's identities like cookies unless the host says its requests are not cookie-borne", async () => {
    const api = await openTestApi({}, { authenticate: host, adminUi: false });
    const job = await api.deck.jobs.create({ title: 'Host', task: 'test.echo' });
    const headers = { cookie: 'host_session=alice' };
    const noCsrf = await api.call('POST', `/api/jobs/${job.id}/runs`, { role: null, body: {}, headers });
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).message).toMatch(/x-jobdeck-csrf/);
    const withCsrf = await api.call('POST', `/api/jobs/${job.id}/runs`, {
      role: null,
      body: {},
      headers: { ...headers, 'x-jobdeck-csrf': '1' },
    });
    expect(withCsrf.status).toBe(201);

    const byHeader = createApp(api.deck, { authenticate: host, hostCredentials: 'header', adminUi: false });
    const response = await byHeader.request(`http://localhost/api/jobs/${job.id}/runs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(201);
  });
});
