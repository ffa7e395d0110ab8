import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn, type TestPage } from './support/browser.js';
import { startTestServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;
let current: TestPage | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  const errors = current?.errors ?? [];
  await current?.close();
  current = undefined;
  expect(errors).toEqual([]);
});

describe('sign-in', () => {
  it('sends a visitor to sign-in, signs in with a token, shows the role and signs out', async () => {
    current = await openPage(browser, { allow: [/401/] });
    const { page } = current;
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/admin\/sign-in/);
    await page.getByLabel('Token').waitFor();
    await screenshot(page, 'sign-in');

    await page.getByLabel('Token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Unknown or revoked token');

    await signIn(page, server, 'operator');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/admin\/sign-in/);
  });

  it('goes back to sign-in when the session ends, then returns to the page asked for', async () => {
    current = await openPage(browser, { allow: [/401/] });
    const { page, context } = current;
    await signIn(page, server, 'viewer');
    await page.goto(`${server.url}/admin/queues`);
    await context.clearCookies();
    await page.reload();
    await page.waitForURL(/\/admin\/sign-in\?next=%2Fqueues/);
    await page.getByLabel('Token').fill(server.tokens.viewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/queues$/);
  });

  it('says why when the session ends while the admin is open', async () => {
    current = await openPage(browser, { allow: [/401/] });
    const { page, context } = current;
    await signIn(page, server, 'viewer');
    await page.goto(`${server.url}/admin/queues`);
    await context.clearCookies();
    // The queues page refreshes on its own; its next request is refused.
    await page.waitForURL(/\/admin\/sign-in/, { timeout: 25_000 });
    await page.getByText('Your session ended').waitFor();
  });
});
