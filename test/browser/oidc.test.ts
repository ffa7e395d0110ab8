import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProvider } from './support/oidc-provider.js';
import { useBrowserSuite } from './support/suite.js';

const provider = await testProvider();
const suite = useBrowserSuite({
  deck: {
    oidc: {
      issuer: provider.issuer,
      clientId: 'jobdeck',
      clientSecret: 'test-secret-of-the-jobdeck-client',
      scopes: ['openid', 'email', 'profile', 'groups'],
      label: 'Test IdP',
      roles: { admin: ['jobdeck-admins'], operator: ['jobdeck-operators'] },
    },
  },
});
beforeAll(() => provider.listen(suite.server.url));
afterAll(() => provider.close());

/** From Jobdeck's sign-in page through the provider's login and consent pages, back to Jobdeck. */
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${suite.server.url}/admin/sign-in`);
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

// The provider's development pages load web fonts; the tests stay off the network.
const allow = [/401|403|404|favicon|Failed to load resource/];

async function openOffline() {
  const opened = await suite.open({ allow });
  // A shared, busy machine: navigations through two servers get time (the condition, not a sleep).
  opened.page.setDefaultTimeout(60_000);
  await opened.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return opened;
}

describe('sign-in through an OpenID Connect provider', () => {
  it('signs a member of the admins group in as admin, and signs out on the server', async () => {
    const { page } = await openOffline();
    await signInThroughProvider(page, 'alice');
    await page.waitForURL(/\/admin\/overview/);
    await page.getByTestId('role-badge').filter({ hasText: 'admin' }).waitFor();
    const user = await suite.server.deck.users.find('alice@example.org');
    expect(user).toMatchObject({
      name: 'Alice Admin',
      role: 'admin',
      oidc: { issuer: provider.issuer, subject: 'alice' },
    });
    expect(await suite.server.deck.sessions.list({ kind: 'user', id: user.id })).toHaveLength(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/admin\/sign-in/);
    expect(await suite.server.deck.sessions.list({ kind: 'user', id: user.id })).toHaveLength(0);
  }, 240_000);

  it('refuses a person outside every mapped group with a page saying why', async () => {
    const { page } = await openOffline();
    await signInThroughProvider(page, 'bob');
    await page.getByRole('heading', { name: 'Sign-in refused' }).waitFor();
    await expect(page.locator('#reason').textContent()).resolves.toContain('bob@example.org is not in a group');
  }, 240_000);

  it('refuses a disabled account, and ends its session at once', async () => {
    const first = await openOffline();
    await signInThroughProvider(first.page, 'carol');
    await first.page.getByTestId('role-badge').filter({ hasText: 'operator' }).waitFor();
    const carol = await suite.server.deck.users.find('carol@example.org');
    await suite.server.deck.users.update(carol.id, { disabled: true });
    await first.page.goto(`${suite.server.url}/admin/queues`);
    await first.page.waitForURL(/\/admin\/sign-in/);

    const again = await openOffline();
    await signInThroughProvider(again.page, 'carol');
    await expect(again.page.locator('#reason').textContent()).resolves.toContain('is disabled');
  }, 240_000);

  it('sends a person whose session expired back to sign-in', async () => {
    const { page } = await openOffline();
    await signInThroughProvider(page, 'alice');
    await page.waitForURL(/\/admin\/overview/);
    const db = new Database(suite.server.databaseFile);
    db.prepare('UPDATE sessions SET expires_at = 1 WHERE revoked_at IS NULL').run();
    db.close();
    await page.goto(`${suite.server.url}/admin/queues`);
    await page.waitForURL(/\/admin\/sign-in/);
    const answer = await page.request.get(`${suite.server.url}/api/session`);
    expect(answer.status()).toBe(401);
    expect((await answer.json()).message).toMatch(/has expired/);
  }, 240_000);

  it('refuses an answer whose state was tampered with', async () => {
    const { page } = await openOffline();
    await page.goto(`${suite.server.url}/admin/sign-in`);
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.locator('input[name=login]').waitFor(); // at the provider: the state cookie is set
    await page.goto(`${suite.server.url}/api/oidc/callback?code=forged&state=tampered`);
    await expect(page.locator('#reason').textContent()).resolves.toContain('state does not match');
  }, 240_000);
});
