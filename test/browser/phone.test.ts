import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, PHONE, screenshot, signIn, type TestPage } from './support/browser.js';
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

describe('on a phone (390×844)', () => {
  it('lists jobs without sideways scrolling of the page and runs one from the keyboard', async () => {
    const job = await server.api('POST', '/jobs', {
      title: 'Phone job',
      task: 'test.echo',
      schedule: { type: 'interval', hours: 1 },
    });
    current = await openPage(browser, { viewport: PHONE });
    const { page } = current;
    await signIn(page, server, 'operator');
    await page.getByRole('link', { name: 'Phone job' }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await screenshot(page, 'jobs-list-phone');

    // Keyboard only: focus the row's actions, open the menu, choose, run.
    await page.getByRole('button', { name: 'Actions for Phone job' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Configure and run…' }).waitFor();
    // The menu takes arrow keys only once it has finished opening (on a loaded machine, later
    // than its items appear): press until the first item is the active one, then choose it.
    const active = page.locator('.ant-dropdown-menu-item-active');
    for (let tries = 0; tries < 30 && (await active.count()) === 0; tries += 1) {
      await page.keyboard.press('ArrowDown');
      await active
        .first()
        .waitFor({ timeout: 200 })
        .catch(() => undefined);
    }
    expect(await active.first().textContent()).toBe('Configure and run…');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/\/admin\/runs\/\d+$/);
    await server.waitFor(async () => (await server.api('GET', `/jobs/${job.id}/runs`)).hits.total === 1);
  });
});
