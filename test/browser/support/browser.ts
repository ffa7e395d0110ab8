import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../../src/domain/access.js';
import type { TestServer } from './server.js';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/** Debian's chromium, headless, driven by playwright-core (no browser download). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.JOBDECK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far; the tests expect none. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context (own cookies) with a page that records console errors and page
 * errors. Expected failures (a 4xx the test provokes) are listed in `allow`, matched on the text
 * (a console message's text is followed by the address of its resource, in brackets).
 */
export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  /** Console or page errors the test provokes on purpose (e.g. a 400), matched on their text. */
  allow?: RegExp[];
}

export async function openPage(browser: Browser, options: OpenPageOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? LAPTOP, locale: 'en-GB' });
  // CI runs the browser project beside the database suites on two cores: a wait that takes 1 s
  // alone has been seen to pass 10 s there. Only a failing test waits this long.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed = (text: string) => (options.allow ?? []).some((pattern) => pattern.test(text));
  page.on('console', (message) => {
    // The resource's address goes with the text: "Failed to load resource" alone names nothing.
    const url = message.location().url;
    const text = url ? `${message.text()} (${url})` : message.text();
    if (message.type() === 'error' && !allowed(text)) errors.push(`console: ${text}`);
  });
  page.on('pageerror', (error) => {
    if (!allowed(error.message)) errors.push(`page error: ${error.message}`);
  });
  return { page, context, errors, close: () => context.close() };
}

/**
 * Signs in through the sign-in page with the role's token and waits for the jobs list (asked for
 * with `next`: the admin's own landing page is the overview).
 */
export async function signIn(page: Page, server: TestServer, role: Role = 'admin'): Promise<void> {
  await page.goto(`${server.url}/admin/sign-in?next=%2Fjobs`);
  await page.getByLabel('Token').fill(server.tokens[role]);
  await page.getByRole('button', { name: 'Sign in with token', exact: true }).click();
  await page.waitForURL(/\/admin\/jobs/);
  await page.getByTestId('role-badge').filter({ hasText: role }).waitFor();
}

/** Saves a screenshot of the page as docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settle(page);
  // Toasts of earlier steps would hide parts of the screen.
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, style: '.ant-message { display: none !important; }' });
}

/**
 * Waits for running CSS animations and transitions (dialogs opening, menus) to finish. Endless
 * ones (a RUNNING badge's pulse, a spinner) never finish: they are left out, and the wait is
 * bounded anyway.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(`Promise.race([
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ])`);
}
