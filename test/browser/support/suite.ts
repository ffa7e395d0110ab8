import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, openPage, type OpenPageOptions, type TestPage } from './browser.js';
import type { JobdeckOptions } from '../../../src/service/jobdeck.js';
import { startTestServer, type TestServer } from './server.js';

/** What a browser test file works with: one server and one Chromium for the file. */
export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /**
   * A page in a fresh browser context (own cookies). It is closed after the test, and the test
   * fails if the page saw a console error or an uncaught error not allowed in `options.allow`.
   */
  open(options?: OpenPageOptions): Promise<TestPage>;
}

/**
 * Starts a test server (SQLite, seeded tokens and tasks) and Chromium before the file's tests and
 * stops both after them; call it once at the top of a browser test file. `logFailedResponses`
 * prints every HTTP response ≥ 400 a page receives (for diagnosing a flaky page).
 */
export function useBrowserSuite(
  options: { logFailedResponses?: boolean; deck?: Partial<JobdeckOptions> } = {},
): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const pages: TestPage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(options.deck), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    const opened = pages.splice(0);
    const errors = opened.flatMap((page) => page.errors);
    await Promise.all(opened.map((page) => page.close()));
    expect(errors).toEqual([]);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The browser suite's ${what} is not started yet (use it inside a test).`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async open(openOptions) {
      const opened = await openPage(started(browser, 'browser'), openOptions);
      pages.push(opened);
      if (options.logFailedResponses) {
        opened.page.on('response', (response) => {
          if (response.status() >= 400) console.log(`HTTP ${response.status()} ${response.url()}`);
        });
      }
      return opened;
    },
  };
}
