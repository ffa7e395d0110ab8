import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogLevel, LogLine } from '../../src/domain/model.js';
import { PHONE, SCREENSHOT_DIR, signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite({ logFailedResponses: true });

let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'jobdeck-run-page-'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
});

async function createJob(title: string, task: string, args: Record<string, unknown> = {}) {
  return suite.server.api('POST', '/jobs', { title, task, args });
}
async function startRun(jobId: string, body: Record<string, unknown> = {}) {
  return suite.server.api('POST', `/jobs/${jobId}/runs`, body);
}
async function waitForStatus(runId: number, statuses: string[]) {
  return suite.server.waitFor(async () => {
    const run = await suite.server.api('GET', `/runs/${runId}`);
    return statuses.includes(run.status) ? run : undefined;
  }, 30_000);
}
/** A finished run, to which the test then adds log lines straight into the store. */
async function finishedRun(title: string) {
  const job = await createJob(title, 'test.echo');
  const run = await startRun(job.id, { args: { lines: [] } });
  await waitForStatus(run.id, ['SUCCESS']);
  return run as { id: number; job_id: string };
}
async function appendLines(runId: number, lines: { level: LogLevel; message: string }[], chunk = 20_000) {
  const first = (await suite.server.deck.store.logMaxSeq(runId)) + 1;
  const time = Date.now();
  const all: LogLine[] = lines.map((line, i) => ({
    runId,
    seq: first + i,
    time: new Date(time + i),
    level: line.level,
    message: line.message,
    fields: null,
  }));
  for (let i = 0; i < all.length; i += chunk) await suite.server.deck.store.logAppend(all.slice(i, i + chunk));
}

/**
 * A screenshot once finite animations are over. The running run's progress bar pulses forever,
 * so waiting for every animation (as the shared helper does) would never end.
 */
async function snap(page: Page, name: string, fullPage = false) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(
    'Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)))',
  );
  await page.screenshot({
    path: `${SCREENSHOT_DIR}${name}.png`,
    fullPage,
    style: '.ant-message { display: none !important; }',
  });
}

type BrowserFrames = { requestAnimationFrame(callback: (time: number) => void): number };

const status = (page: Page) => page.getByTestId('run-status');
const logRows = (page: Page) => page.locator('.jd-log-row[data-seq]');
const rowTexts = (page: Page) => logRows(page).locator('.jd-log-message').allTextContents();
async function chooseLevel(page: Page, label: string) {
  await page.getByLabel('Level').click();
  await page.locator('.ant-select-item-option', { hasText: label }).click();
}

describe('run page', () => {
  it('follows a run to SUCCESS with its logs, counters and result, then runs it again with the same arguments', async () => {
    const { page } = await suite.open();
    await signIn(page, suite.server, 'operator');
    const job = await createJob('Wait two seconds', 'demo.wait', { seconds: 2 });
    const run = await startRun(job.id, { title: 'First wait' });

    await page.goto(`${suite.server.url}/admin/runs/${run.id}`);
    await page.getByRole('heading', { name: 'First wait' }).waitFor();
    await status(page).and(page.locator('[data-status="SUCCESS"]')).waitFor({ timeout: 20_000 });
    await page.getByText('Waited 2 of 2 seconds').waitFor();
    expect(await page.getByTestId('run-progress').textContent()).toContain('Inserted2');
    await page.getByRole('tree', { name: 'Result' }).getByText('"waited_seconds"').waitFor();
    await expect(page.getByRole('tree', { name: 'Arguments' }).textContent()).resolves.toContain('"seconds": 2');
    await expect(page.getByTestId('run-duration').textContent()).resolves.toMatch(/^2\.\d s$/);

    await page.getByRole('button', { name: 'Run again', exact: true }).click();
    await page.waitForURL((url) => /\/admin\/runs\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${run.id}`));
    const againId = Number(page.url().split('/').pop());
    const again = await waitForStatus(againId, ['SUCCESS']);
    expect(again).toMatchObject({ title: 'First wait', args: { seconds: 2 }, queue: 'default', job_id: job.id });
    await status(page).and(page.locator('[data-status="SUCCESS"]')).waitFor({ timeout: 20_000 });

    // Edit and run again: the configure-and-run dialog, filled in with this run's settings.
    await page.getByRole('button', { name: 'Edit and run again…' }).click();
    const dialog = page.getByRole('dialog', { name: /Configure and run/ });
    await expect(dialog.getByLabel('Title').inputValue()).resolves.toBe('First wait');
    await dialog.getByLabel('Title').fill('Edited wait');
    await dialog.getByRole('button', { name: 'Run' }).click();
    // The new run's page, or the dialog's refusal: a refusal fails with its own words.
    const heading = page.getByRole('heading', { name: 'Edited wait' });
    const refusal = dialog.locator('.ant-form-item-explain-error, .ant-alert-error');
    await heading.or(refusal).first().waitFor();
    expect(await refusal.allTextContents()).toEqual([]);
    await heading.waitFor();
    const editedId = Number(page.url().split('/').pop());
    expect(await waitForStatus(editedId, ['SUCCESS'])).toMatchObject({ title: 'Edited wait', args: { seconds: 2 } });
  });

  it('shows a finished import with warnings, counters, result and a failed run with its stack folded', async () => {
    const { page } = await suite.open();
    await signIn(page, suite.server, 'admin');
    const job = await createJob('Import vocabulary', 'demo.import-vocabulary', {
      store_path: path.join(scratch, 'vocabulary.json'),
    });
    const run = await startRun(job.id, { title: 'Import (first run)' });
    await waitForStatus(run.id, ['PARTIAL_SUCCESS']);

    await page.goto(`${suite.server.url}/admin/runs/${run.id}`);
    await status(page).and(page.locator('[data-status="PARTIAL_SUCCESS"]')).waitFor();
    await expect(page.getByTestId('run-progress').textContent()).resolves.toContain('Errored18');
    await page
      .getByText(/Invalid record/)
      .first()
      .waitFor();
    await snap(page, 'run-finished', true);

    const failing = await createJob('Always fails', 'test.fail');
    const failed = await startRun(failing.id);
    await waitForStatus(failed.id, ['FAILED']);
    await page.goto(`${suite.server.url}/admin/runs/${failed.id}`);
    const message = page.getByTestId('run-message');
    await message.getByText('TypeError: boom').waitFor();
    const stack = message.getByText(/^\s+at /);
    expect(await stack.count()).toBe(0); // folded until asked for
    await message.getByText('Stack trace').click();
    await stack.first().waitFor();
  });

  it('stops a long run after confirmation while following its log live', async () => {
    const { page } = await suite.open();
    await signIn(page, suite.server, 'operator');
    const job = await createJob('Long wait', 'demo.wait', { seconds: 600 });
    const run = await startRun(job.id, { title: 'Long wait' });

    await page.goto(`${suite.server.url}/admin/runs/${run.id}`);
    await status(page).and(page.locator('[data-status="RUNNING"]')).waitFor();
    await page.getByTestId('log-tail').and(page.locator('[data-state="live"]')).waitFor();
    // Follow mode: lines written after the page opened appear without a reload.
    await page.getByText('Waited 1 of 600 seconds').waitFor();
    await page.getByText('Waited 2 of 600 seconds').waitFor();
    await snap(page, 'run-running');

    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText('Stop this run?').waitFor();
    await confirm.getByRole('button', { name: 'Stop' }).click();
    await status(page).and(page.locator('[data-status="CANCELLED"]')).waitFor({ timeout: 10_000 });
    expect((await suite.server.api('GET', `/runs/${run.id}`)).status).toBe('CANCELLED');
    expect(await page.getByRole('button', { name: 'Stop', exact: true }).count()).toBe(0);
  });

  it('filters the log by level and searches it on the server, on a phone', async () => {
    const { page, context } = await suite.open({ viewport: PHONE });
    await signIn(page, suite.server, 'viewer');
    const run = await finishedRun('Mixed levels');
    await appendLines(run.id, [
      { level: 'info', message: 'apple pie' },
      { level: 'warn', message: 'banana split' },
      { level: 'error', message: 'cherry <b>tart</b>' },
      { level: 'debug', message: 'Apple crumble' },
      { level: 'info', message: 'plain bread' },
    ]);

    await page.goto(`${suite.server.url}/admin/runs/${run.id}`);
    await page.getByText('plain bread').waitFor();
    // Text is shown as text: markup in a log line is never interpreted.
    await page.getByText('cherry <b>tart</b>').waitFor();
    expect(await page.locator('.jd-log b').count()).toBe(0);
    // A viewer reads but does not act.
    expect(await page.getByRole('button', { name: 'Run again', exact: true }).count()).toBe(0);

    await chooseLevel(page, 'Warnings and errors');
    await page.getByTestId('log-count').getByText('2 matching lines').waitFor();
    await expect.poll(() => rowTexts(page)).toEqual(['banana split', 'cherry <b>tart</b>']);

    await chooseLevel(page, 'All levels');
    await page.getByLabel('Search the log').fill('apple');
    await page.getByTestId('log-count').getByText('2 matching lines').waitFor();
    // The count of the previous filter may still show while the search is typed: wait for the rows.
    await expect.poll(() => rowTexts(page)).toEqual(['apple pie', 'Apple crumble']);
    expect(await page.locator('.jd-log mark').allTextContents()).toEqual(['apple', 'Apple']);

    await snap(page, 'run-phone');

    // Download what is shown (the filter applies), as text; copy one line.
    const href = await page.getByRole('link', { name: /Text/ }).getAttribute('href');
    const download = await page.request.get(`${suite.server.url}${href}`);
    expect(download.headers()['content-disposition']).toContain(`run-${run.id}-log.txt`);
    const text = await download.text();
    expect(text).toContain('INFO  apple pie');
    expect(text).not.toContain('banana');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await page.getByRole('button', { name: 'Copy line 4' }).click();
    await page.getByText('Copied line 4').waitFor();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toMatch(/DEBUG Apple crumble$/);

    await page.getByRole('switch', { name: 'Wrap lines' }).click();
    await page.locator('.jd-log.jd-log-wrap').waitFor();

    await page.getByLabel('Search the log').fill('no such text');
    await page.getByText('No lines match the filter').waitFor();
  });

  it('lists the notifications sent about the run', async () => {
    // A real webhook receiver and the notification service, as `jobdeck start` runs it.
    let received = 0;
    const receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received += 1;
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const notifier = suite.server.deck.createNotifier({ pollMs: 100 });
    await notifier.start();
    try {
      const { page } = await suite.open();
      await signIn(page, suite.server, 'viewer');
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const job = await suite.server.api('POST', '/jobs', {
        title: 'Tells a webhook',
        task: 'test.echo',
        notification_statuses: ['SUCCESS'],
        notification_webhooks: [{ url }],
      });
      const run = await startRun(job.id);
      await waitForStatus(run.id, ['SUCCESS']);
      await suite.server.waitFor(async () => received > 0);
      await page.goto(`${suite.server.url}/admin/runs/${run.id}`);
      const table = page.getByTestId('run-notifications');
      // A viewer sees the webhook's origin only: its path may hold a token.
      await table.getByText(new URL(url).origin, { exact: true }).waitFor();
      await table.getByText('delivered').waitFor();
      await expect(table.textContent()).resolves.toContain('webhook');
      await expect(table.textContent()).resolves.not.toContain('/hook');
    } finally {
      await notifier.stop();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('stays responsive with a 100,000-line log: only visible rows render, the end renders quickly', async () => {
    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    const run = await finishedRun('Huge log');
    const total = 100_000;
    const insertStart = Date.now();
    await appendLines(
      run.id,
      Array.from({ length: total }, (_, i) => ({
        level: (i % 50 === 0 ? 'warn' : 'info') as LogLevel,
        message: `record ${i + 1} processed with some text to make the line realistic`,
      })),
    );
    const insertMs = Date.now() - insertStart;
    const lastSeq = await suite.server.deck.store.logMaxSeq(run.id);

    const openStart = Date.now();
    await page.goto(`${suite.server.url}/admin/runs/${run.id}`);
    await page
      .getByTestId('log-count')
      .getByText(`${lastSeq.toLocaleString('en')} lines`)
      .waitFor();
    await page.getByText('record 1 processed', { exact: false }).first().waitFor();
    const openMs = Date.now() - openStart;

    // Jump to the end with the keyboard, as a user would, and time until the last line shows.
    const list = page.getByTestId('log-list');
    await list.focus();
    const endStart = Date.now();
    await page.keyboard.press('End');
    await page.locator(`.jd-log-row[data-seq="${lastSeq}"]`).getByText(`record ${total} processed`).waitFor();
    const endMs = Date.now() - endStart;

    // The middle: one page away, whatever the length.
    const middleStart = Date.now();
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page
      .getByText(/record 5\d{4} processed/)
      .first()
      .waitFor();
    const middleMs = Date.now() - middleStart;

    // Smoothness: frames while scrolling through the log by wheel.
    const frames = await list.evaluate(async (el) => {
      const gaps: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 60; i += 1) {
        el.scrollTop += 400;
        // The root tsconfig has no DOM types; this runs in the page.
        await new Promise((resolve) => (globalThis as unknown as BrowserFrames).requestAnimationFrame(resolve));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
      }
      gaps.sort((a, b) => a - b);
      return { median: gaps[Math.floor(gaps.length / 2)]!, worst: gaps[gaps.length - 1]! };
    });
    const rendered = await page.locator('.jd-log-row').count();
    console.log(
      `FIGURE log 100k: insert ${insertMs} ms, open→first lines ${openMs} ms, End→last line ${endMs} ms, ` +
        `middle ${middleMs} ms, scroll frame median ${frames.median.toFixed(1)} ms worst ${frames.worst.toFixed(1)} ms, ` +
        `rows in DOM ${rendered}`,
    );
    expect(rendered).toBeLessThan(200);
    expect(endMs).toBeLessThan(3000);
  });
});
