import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signIn, type TestPage } from './support/browser.js';
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

async function openRunDialog(page: TestPage['page'], jobId: string) {
  await page.goto(`${server.url}/admin/jobs/${jobId}`);
  // Generous: on a loaded machine the page may take a while to settle after loading.
  await page.getByRole('button', { name: 'Configure and run…' }).click({ timeout: 30_000 });
  return page.getByRole('dialog', { name: /Configure and run/ });
}

describe('Configure and run as an operator', () => {
  it('shows what the role may not change read-only, with why, and runs with what it may', async () => {
    const request = await server.api('POST', '/jobs', {
      title: 'Call the API',
      task: 'http.request',
      args: { url: 'https://api.example.org/', headers: { Authorization: 'Bearer hidden-value' } },
    });
    const wait = await server.api('POST', '/jobs', { title: 'Wait a bit', task: 'demo.wait', args: { seconds: 30 } });
    current = await openPage(browser);
    const { page } = current;
    await signIn(page, server, 'operator');

    let dialog = await openRunDialog(page, request.id);
    await dialog
      .getByText('Your role may run this job with its saved arguments; changing them needs an admin.')
      .waitFor();
    // rjsf's antd theme renders a read-only field as a disabled input.
    await expect(dialog.getByLabel('url').isDisabled()).resolves.toBe(true);
    expect(await dialog.getByText(/Read-only: changing it needs the admin role/).count()).toBeGreaterThan(0);
    await expect(dialog.getByLabel('Since').isDisabled()).resolves.toBe(true);
    expect(await dialog.textContent()).not.toContain('hidden-value');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    dialog = await openRunDialog(page, wait.id);
    await dialog.getByText('Your role may change only: seconds, since.', { exact: false }).waitFor();
    const seconds = dialog.getByLabel('seconds');
    await expect(seconds.isDisabled()).resolves.toBe(false);
    await seconds.fill('0');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/\/admin\/runs\/\d+$/);
    const run = (await server.api('GET', `/jobs/${wait.id}/runs`)).hits.hits[0];
    expect(run.args).toEqual({ seconds: 0 });
  });
});
