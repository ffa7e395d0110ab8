import { describe, expect, it } from 'vitest';
import { openTestDeck } from '../../support/deck.js';
import { RUN_STATUSES } from '../../../src/domain/run-status.js';
import { jobFixture, newRun } from '../../support/fixtures.js';

describe('token, audit and queue services', () => {
  it('authenticates a secret until its token is revoked, and audits both', async () => {
    const deck = await openTestDeck();
    const { token, secret } = await deck.tokens.create({ name: ' ops ', role: 'operator' }, 'token:root', 'req-9');
    expect(token).toMatchObject({ name: 'ops', role: 'operator', revoked: null });
    expect(secret).toMatch(/^jd_/);
    expect(await deck.tokens.authenticate(secret)).toEqual({ name: 'ops', role: 'operator', tokenId: token.id });
    expect(await deck.tokens.authenticate(`${secret}x`)).toBeNull();
    expect(await deck.tokens.authenticate('')).toBeNull();

    await deck.tokens.revoke(token.id, 'token:root');
    expect(await deck.tokens.authenticate(secret)).toBeNull();
    await expect(deck.tokens.revoke('nope')).rejects.toThrow('Token nope does not exist.');
    await expect(deck.tokens.create({ name: '', role: 'root' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'name' }, { field: 'role' }],
    });
    await expect(deck.tokens.create({ name: 'x'.repeat(101), role: 'viewer' })).rejects.toMatchObject({
      errors: [{ field: 'name', messages: ['At most 100 characters.'] }],
    });

    const audit = await deck.audit.list({ size: 1 });
    expect(audit).toMatchObject({ total: 2, page: 1, size: 1 });
    expect(audit.items[0]).toMatchObject({ actor: 'token:root', action: 'token.revoke' });
    const [created] = (await deck.audit.list({ page: 2, size: 1 })).items;
    expect(created).toMatchObject({ action: 'token.create', requestId: 'req-9', details: { name: 'ops' } });
  });

  it('makes a first admin token only when none is usable, from the environment if given', async () => {
    const deck = await openTestDeck();
    const secret = await deck.tokens.ensureAdminToken();
    expect(secret).toMatch(/^jd_/);
    expect(await deck.tokens.authenticate(secret!)).toMatchObject({ name: 'admin', role: 'admin' });
    expect(await deck.tokens.ensureAdminToken()).toBeNull();
    expect(await deck.tokens.list()).toHaveLength(1);

    const other = await openTestDeck();
    const fromEnv = 'from-the-env-0123456789abcdefghijklmnop';
    expect(await other.tokens.ensureAdminToken(fromEnv)).toBeNull();
    expect(await other.tokens.ensureAdminToken(fromEnv)).toBeNull();
    const [token] = await other.tokens.list();
    expect(await other.tokens.authenticate(fromEnv)).toEqual({
      name: 'admin',
      role: 'admin',
      tokenId: token!.id,
    });
    await other.tokens.revoke(token!.id);
    await expect(other.tokens.ensureAdminToken(fromEnv)).rejects.toMatchObject({
      code: 'CONFIGURATION',
      message: expect.stringContaining('JOBDECK_ADMIN_TOKEN was revoked'),
    });
  });

  it('honours JOBDECK_ADMIN_TOKEN on a database that already has other tokens; refuses one too short', async () => {
    const deck = await openTestDeck();
    await deck.tokens.create({ name: 'someone', role: 'viewer' });
    await deck.tokens.create({ name: 'robot', role: 'operator' });
    const fromEnv = 'x'.repeat(32);
    expect(await deck.tokens.ensureAdminToken(fromEnv)).toBeNull();
    expect(await deck.tokens.authenticate(fromEnv)).toMatchObject({ name: 'admin', role: 'admin' });
    expect(await deck.tokens.list()).toHaveLength(3);
    await expect(deck.tokens.ensureAdminToken('short-secret')).rejects.toMatchObject({
      code: 'CONFIGURATION',
      message: expect.stringMatching(/JOBDECK_ADMIN_TOKEN must be 32 to 1000 characters long \(it has 12\)/),
    });
  });

  it('lists queues with counts of every status, pauses and resumes them with an audit entry', async () => {
    const deck = await openTestDeck();
    const job = await deck.store.jobCreate(jobFixture());
    await deck.store.runCreate(newRun(job.id, { queue: 'other' }));
    const [first, second] = await deck.queueAdmin.list();
    expect(first).toMatchObject({ name: 'default', paused: false, counts: { QUEUED: 0, SUCCESS: 0 } });
    expect(Object.keys(first!.counts)).toHaveLength(RUN_STATUSES.length);
    expect(second).toMatchObject({ name: 'other', counts: { QUEUED: 1 } });

    expect(await deck.queueAdmin.pause('other', 'alice', 'req-1')).toMatchObject({ name: 'other', paused: true });
    expect((await deck.queueAdmin.list()).map((queue) => queue.paused)).toEqual([false, true]);
    expect(await deck.queueAdmin.resume('other', 'alice')).toMatchObject({ paused: false });
    await expect(deck.queueAdmin.pause('nope', 'alice')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Unknown queue "nope".',
    });
    const audit = await deck.audit.list();
    expect(audit.items.map((entry) => [entry.action, entry.details, entry.requestId])).toEqual([
      ['queue.resume', { queue: 'other' }, null],
      ['queue.pause', { queue: 'other' }, 'req-1'],
    ]);
  });
});
