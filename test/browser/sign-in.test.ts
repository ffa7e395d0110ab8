import { describe, expect, it } from 'vitest';
import { screenshot, signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

describe('sign-in', () => {
  it('sends a visitor to sign-in, signs in with a token, shows the role and signs out', async () => {
    const { page } = await suite.open({ allow: [/401/] });
    await page.goto(`${suite.server.url}/`);
    await page.waitForURL(/\/admin\/sign-in/);
    await page.getByLabel('Token').waitFor();
    await screenshot(page, 'sign-in');

    await page.getByLabel('Token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in with token', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Unknown or revoked token');

    await signIn(page, suite.server, 'operator');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/admin\/sign-in/);
  });

  it('goes back to sign-in when the session ends, then returns to the page asked for', async () => {
    const current = await suite.open({ allow: [/401/] });
    const { page, context } = current;
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/queues`);
    await context.clearCookies();
    await page.reload();
    await page.waitForURL(/\/admin\/sign-in\?next=%2Fqueues/);
    await page.getByLabel('Token').fill(suite.server.tokens.viewer);
    await page.getByRole('button', { name: 'Sign in with token', exact: true }).click();
    await page.waitForURL(/\/admin\/queues$/);
  });

  it('says why when the session ends while the admin is open', async () => {
    const current = await suite.open({ allow: [/401/] });
    const { page, context } = current;
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/queues`);
    await context.clearCookies();
    // The queues page refreshes on its own; its next request is refused.
    await page.waitForURL(/\/admin\/sign-in/, { timeout: 25_000 });
    await page.getByText('Your session ended').waitFor();
  });
});
