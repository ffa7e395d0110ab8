import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExpress } from '../../examples/express.js';
import { startFastify } from '../../examples/fastify.js';
import { startHono } from '../../examples/hono.js';
import { startHttp } from '../../examples/http.js';
import { startKoa } from '../../examples/koa.js';
import { launchBrowser, openPage } from './support/browser.js';

const hosts = { express: startExpress, fastify: startFastify, hono: startHono, koa: startKoa, http: startHttp };

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'jobdeck-mount-'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the admin mounted under /jobs-admin, signed in by the host', () => {
  for (const [name, start] of Object.entries(hosts)) {
    it(
      `works in ${name}: assets, pages, live events, a write, links, host sign-in and sign-out`,
      { timeout: 120_000 },
      async () => {
        const host = await start(`sqlite:${path.join(dir, `${name}.db`)}`);
        // Before the host sign-in, the admin asks the API who is there: that 401 is expected.
        const current = await openPage(browser, { allow: [/401/] });
        try {
          const { page, errors } = current;
          // Not signed in at the host: Jobdeck's sign-in page, with a way to the host's sign-in.
          await page.goto(`${host.url}/jobs-admin`);
          await page.waitForURL(`${host.url}/jobs-admin/admin/sign-in`);
          await expect(
            page.getByRole('link', { name: 'Sign in with your account' }).getAttribute('href'),
          ).resolves.toBe('/login');

          // Signed in at the host: straight to the admin, no token screen, the host's identity.
          await page.goto(`${host.url}/login?user=carol`);
          await page.waitForURL(`${host.url}/jobs-admin/admin/overview`);
          await page.getByTestId('role-badge').filter({ hasText: 'admin' }).waitFor();
          await page.getByText('carol').waitFor();
          await page.locator('[data-live="live"]').waitFor(); // the event stream under the prefix

          // Another page by the router, then a write (POST through the host's body handling).
          await page.getByRole('link', { name: 'Queues' }).click();
          await page.waitForURL(`${host.url}/jobs-admin/admin/queues`);
          await page.locator('tr[data-queue="default"]').getByRole('button', { name: 'Pause' }).click();
          await page.locator('.ant-popconfirm').getByRole('button', { name: 'Pause' }).click();
          await page.locator('tr[data-queue="default"]').getByTestId('queue-state').getByText('Paused').waitFor();

          // A deep link reloads under the prefix; the API's links carry it.
          await page.reload();
          await page.locator('tr[data-queue="default"]').waitFor();
          const links = await page.evaluate(async () => {
            const response = await fetch('../api/jobs');
            return ((await response.json()) as { links: { self: string } }).links.self;
          });
          expect(links).toMatch(new RegExp(`^${host.url}/jobs-admin/api/jobs\\?`));

          // Sign-out is the host's. The host's own page is not Jobdeck's: a 404 of its favicon
          // (which the browser may or may not ask for and report in time) is not an error here.
          expect(errors).toEqual([]);
          await page.getByRole('link', { name: 'Sign out' }).click();
          await page.waitForURL(`${host.url}/`);
          expect(errors.filter((error) => !error.endsWith(`(${host.url}/favicon.ico)`))).toEqual([]);
        } finally {
          await current.close();
          await host.close();
          await host.deck.close();
        }
      },
    );
  }
});
