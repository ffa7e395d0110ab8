import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/domain/errors.js';
import { openStore } from '../../../src/storage/open-store.js';
import type { NewUser } from '../../../src/storage/user-store.js';
import { onCleanup, useTestDatabase } from '../../support/fixtures.js';

/** Conformance for people's accounts and one-time sign-in tickets (migration 0014). */
function newUser(email: string, overrides: Partial<NewUser> = {}): NewUser {
  const now = new Date('2026-03-01T12:00:00Z');
  return {
    id: randomUUID(),
    email,
    name: email,
    role: 'viewer',
    disabled: false,
    oidc: null,
    created: now,
    updated: now,
    passwordHash: null,
    ...overrides,
  };
}

describe('store conformance: users and tickets', () => {
  it('creates, finds, lists, updates and counts accounts; e-mail unique in any case', async () => {
    const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
    const store = await openStore(useTestDatabase().url, { now: () => clock.now });
    onCleanup(() => store.close());

    const alice = await store.userCreate(newUser('Alice@Example.org', { role: 'admin', passwordHash: '$argon2id$x' }));
    expect(alice).toMatchObject({
      email: 'Alice@Example.org',
      role: 'admin',
      disabled: false,
      hasPassword: true,
      oidc: null,
      lastSignIn: null,
    });
    expect(alice).not.toHaveProperty('passwordHash');
    await expect(store.userCreate(newUser('alice@example.ORG'))).rejects.toBeInstanceOf(ConflictError);
    const bob = await store.userCreate(newUser('bob@example.org', { oidc: { issuer: 'https://idp', subject: 'b1' } }));
    await expect(
      store.userCreate(newUser('bob2@example.org', { oidc: { issuer: 'https://idp', subject: 'b1' } })),
    ).rejects.toBeInstanceOf(ConflictError);

    expect(await store.userGet(alice.id)).toEqual(alice);
    expect(await store.userByEmail('ALICE@example.org')).toEqual({ user: alice, passwordHash: '$argon2id$x' });
    expect(await store.userByEmail('nobody@example.org')).toBeUndefined();
    expect((await store.userByOidc('https://idp', 'b1'))?.id).toBe(bob.id);
    expect(await store.userByOidc('https://other', 'b1')).toBeUndefined();
    expect((await store.userList(10)).map((u) => u.email)).toEqual(['Alice@Example.org', 'bob@example.org']);
    expect(await store.userList(1)).toHaveLength(1);
    expect(await store.userCount()).toBe(2);

    clock.now += 1000;
    const changed = await store.userUpdate(bob.id, {
      role: 'operator',
      disabled: true,
      lastSignIn: new Date(clock.now),
      passwordHash: 'h',
    });
    expect(changed).toMatchObject({
      role: 'operator',
      disabled: true,
      hasPassword: true,
      updated: new Date(clock.now),
      lastSignIn: new Date(clock.now),
    });
    await expect(store.userUpdate(bob.id, { email: 'ALICE@example.org' })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.userUpdate('missing', { name: 'x' })).toBeUndefined();
  });

  it('takes a ticket once, of its purpose only, and never past its end', async () => {
    const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
    const store = await openStore(useTestDatabase().url, { now: () => clock.now });
    onCleanup(() => store.close());
    await store.ticketCreate({
      secretHash: 'a',
      purpose: 'setup',
      data: '{"x":1}',
      expires: new Date(clock.now + 1000),
    });
    await store.ticketCreate({ secretHash: 'b', purpose: 'oidc', data: '{}', expires: new Date(clock.now + 1000) });
    expect(await store.ticketTake('b', 'setup')).toBeUndefined();
    expect(await store.ticketTake('a', 'setup')).toBe('{"x":1}');
    expect(await store.ticketTake('a', 'setup')).toBeUndefined();
    clock.now += 1000;
    expect(await store.ticketTake('b', 'oidc')).toBeUndefined();
  });
});
