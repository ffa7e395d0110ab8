import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signIn, type TestPage } from './support/browser.js';
import { startTestServer, type TestServer } from './support/server.js';
import { jobFixture } from '../support/fixtures.js';

let server: TestServer;
let browser: Browser;
let current: TestPage | undefined;
const JOBS = 10_000;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  // Straight into storage (no audit entries, no events): the test is about reading many jobs.
  const started = Date.now();
  for (let i = 0; i < JOBS; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, JOBS - i) }, (_, k) => {
        const n = i + k;
        const scheduled = n % 3 === 0;
        return server.deck.store.jobCreate(
          jobFixture({
            title: `Job ${String(n).padStart(5, '0')}`,
            description: '',
            task: n % 2 ? 'test.echo' : 'demo.wait',
            schedule: scheduled ? { type: 'interval', hours: 1 + (n % 24) } : null,
            nextRunAt: scheduled ? new Date(Date.now() + 3_600_000 * (1 + (n % 24))) : null,
            created: new Date(Date.now() - n * 1000),
          }),
        );
      }),
    );
  }
  console.log(`seeded ${JOBS} jobs in ${Date.now() - started} ms`);
}, 120_000);
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

describe(`the jobs page with ${JOBS} jobs`, () => {
  it('loads, searches, sorts and pages quickly (the server pages; the browser holds one page)', async () => {
    current = await openPage(browser);
    const { page } = current;
    await signIn(page, server);
    const timed = async (what: string, action: () => Promise<unknown>) => {
      const start = Date.now();
      await action();
      const ms = Date.now() - start;
      console.log(`${what}: ${ms} ms`);
      // Generous: CI machines are shared; locally each step takes 0.1–2 s.
      expect(ms).toBeLessThan(5000);
    };
    await timed('first page', () => page.getByText(`${JOBS} jobs`).waitFor());
    await timed('search', async () => {
      await page.getByRole('searchbox', { name: 'Search jobs' }).fill('Job 0424');
      await page.getByText('Job 04242').waitFor();
    });
    await page.getByRole('searchbox', { name: 'Search jobs' }).fill('');
    await page.getByText(`${JOBS} jobs`).waitFor();
    await timed('sort by title', async () => {
      await page.getByRole('columnheader', { name: 'Title' }).click();
      await page.getByRole('link', { name: 'Job 00000', exact: true }).waitFor();
    });
    await timed('last page', async () => {
      await page.getByTitle('400').click();
      await page.getByRole('link', { name: 'Job 09999', exact: true }).waitFor();
    });
    // One page of rows in the DOM (header + 25), whatever the number of jobs.
    await expect(page.locator('tbody tr.ant-table-row').count()).resolves.toBeLessThanOrEqual(25);
  });
});
