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

describe('sub-runs in the admin UI', () => {
  it('shows a fan-out: done/total in the job runs table, the sub-runs panel with its filter', async () => {
    const job = await server.api('POST', '/jobs', { title: 'Fan out', task: 'demo.fan-out' });
    const run = await server.api('POST', `/jobs/${job.id}/runs`, { args: { records: 40, fail_every: 8 } });
    await server.waitFor(async () => {
      const now = await server.api('GET', `/runs/${run.id}`);
      return now.status === 'PARTIAL_SUCCESS' ? now : undefined;
    }, 30_000);

    current = await openPage(browser);
    const { page } = current;
    await signIn(page, server, 'operator');
    await page.goto(`${server.url}/admin/jobs/${job.id}`);
    await page.getByRole('link', { name: 'Manual run' }).waitFor();
    expect(await page.getByTestId(`subruns-${run.id}`).textContent()).toBe('40/40 (5 failed)');

    await page.goto(`${server.url}/admin/runs/${run.id}`);
    await page.getByTestId('subrun-progress').filter({ hasText: '40/40 done, 5 failed' }).waitFor();
    await page.getByTestId('subrun-counts').filter({ hasText: '35 SUCCESS, 5 FAILED' }).waitFor();
    await page.getByLabel('Filter sub-runs by status').click();
    await page.locator('.ant-select-item-option', { hasText: /^FAILED$/ }).click();
    await page.getByText('5 sub-runs').waitFor();
    await page.getByRole('link', { name: 'Record 8 of 40' }).click();
    await page.getByRole('link', { name: `run ${run.id}` }).waitFor();
  });
});
