import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain/session.js';
import { onCleanup, useTestDatabase } from '../../support/fixtures.js';
import { openStore } from '../../../src/storage/open-store.js';

/** Conformance for sign-in sessions (and the token lookup sessions re-check against). */
const HOUR = 3_600_000;

async function clockedStore() {
  const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
  const store = await openStore(useTestDatabase().url, { now: () => clock.now });
  onCleanup(() => store.close());
  return { store, clock };
}

function session(now: number, subjectId: string, overrides: Partial<Session> = {}): Session & { secretHash: string } {
  return {
    id: randomUUID(),
    subject: { kind: 'token', id: subjectId },
    created: new Date(now),
    lastSeen: new Date(now),
    expires: new Date(now + 7 * 24 * HOUR),
    revoked: null,
    userAgent: 'test',
    secretHash: randomUUID(),
    ...overrides,
  };
}

describe('store conformance: sessions', () => {
  it('creates, finds by hash, touches, lists, revokes and prunes sessions', async () => {
    const { store, clock } = await clockedStore();
    const a = session(clock.now, 't1');
    const b = session(clock.now + 1000, 't1');
    const c = session(clock.now + 2000, 't2');
    const created = await store.sessionCreate(a);
    expect(created).toMatchObject({ id: a.id, subject: { kind: 'token', id: 't1' }, revoked: null });
    expect(created).not.toHaveProperty('secretHash');
    await store.sessionCreate(b);
    await store.sessionCreate(c);

    expect(await store.sessionByHash(a.secretHash)).toMatchObject({ id: a.id });
    expect(await store.sessionByHash('no-such-hash')).toBeUndefined();

    clock.now += HOUR;
    await store.sessionTouch((await store.sessionByHash(a.secretHash))!);
    expect((await store.sessionByHash(a.secretHash))!.lastSeen.getTime()).toBe(clock.now);

    expect((await store.sessionList()).map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect((await store.sessionList({ kind: 'token', id: 't1' })).map((s) => s.id)).toEqual([b.id, a.id]);

    expect((await store.sessionRevoke({ id: a.id })).map((s) => s.id)).toEqual([a.id]);
    expect((await store.sessionByHash(a.secretHash))!.revoked).toBeInstanceOf(Date);
    expect((await store.sessionRevoke({ subject: { kind: 'token', id: 't1' } })).map((s) => s.id)).toEqual([b.id]);
    expect((await store.sessionList()).map((s) => s.id)).toEqual([c.id]);

    clock.now += HOUR;
    expect(await store.sessionPrune(clock.now)).toBe(2);
    expect(await store.sessionByHash(a.secretHash)).toBeUndefined();
    expect(await store.sessionByHash(c.secretHash)).toBeDefined();
  });

  it('tokenGet finds a live token by id without recording a use', async () => {
    const { store } = await clockedStore();
    const id = randomUUID();
    await store.tokenCreate({
      id,
      name: 'ci',
      role: 'viewer',
      created: new Date(),
      lastUsed: null,
      revoked: null,
      tokenHash: randomUUID(),
    });
    expect(await store.tokenGet(id)).toMatchObject({ id, role: 'viewer', lastUsed: null });
    await store.tokenRevoke(id);
    expect(await store.tokenGet(id)).toBeUndefined();
    expect(await store.tokenGet(randomUUID())).toBeUndefined();
  });
});
