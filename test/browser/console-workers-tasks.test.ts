import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, screenshot, signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite({ logFailedResponses: true });

const workerRow = (page: Page, id: string) => page.locator(`tr[data-worker="${id}"]`);

/** The page fits the phone's width: nothing but tables scrolls sideways. */
const fitsWidth = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

describe('workers and tasks pages', () => {
  it('lists the running worker with the run it holds, and a stopped one with how it ended', async () => {
    const { server } = suite;
    // A second process's worker, stopped: listed with how it ended.
    const other = server.deck.createWorker({ queues: ['other'] });
    await other.start();
    await other.stop();
    const job = await server.api('POST', '/jobs', { title: 'Long import', task: 'test.block' });
    const run = await server.api('POST', `/jobs/${job.id}/runs`, { title: 'Blocking import' });
    await server.waitFor(async () => (await server.api('GET', `/runs/${run.id}`)).status === 'RUNNING');
    const workers = await server.api('GET', '/workers', undefined, 'viewer');
    const running = workers.hits.hits.find((w: { state: string }) => w.state === 'running');

    const { page } = await suite.open();
    await signIn(page, server, 'admin');
    await page.getByRole('link', { name: 'Workers' }).click();
    await page.waitForURL(/\/admin\/workers$/);
    const row = workerRow(page, running.id);
    // Live data: held runs are read at each refresh (events, or the 5 s poll) — allow a few.
    await row.getByRole('link', { name: `#${run.id} Blocking import` }).waitFor({ timeout: 30_000 });
    await expect(row.getByTestId('worker-state').textContent()).resolves.toBe('Running');
    await expect(workerRow(page, other.id).getByTestId('worker-state').textContent()).resolves.toBe('Stopped');
    await expect(page.getByTestId('workers-summary').textContent()).resolves.toBe('1 running, 1 stopped or died');
    await screenshot(page, 'workers');

    // Keyboard: the filter is a labelled checkbox; the held run is a link.
    await page.getByLabel('Show stopped and dead workers').focus();
    await page.keyboard.press('Space');
    await workerRow(page, other.id).waitFor({ state: 'detached' });
    await row.getByRole('link', { name: `#${run.id} Blocking import` }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/admin/runs/${run.id}$`));

    // Once the run ends the worker holds nothing (the page follows run events and polls).
    await server.api('POST', `/jobs/${job.id}/runs/${run.id}/actions/stop`);
    await server.waitFor(async () => (await server.api('GET', `/runs/${run.id}`)).status === 'CANCELLED');
    await page.goto(`${server.url}/admin/workers`);
    await row.getByText('None').waitFor({ timeout: 30_000 });
  });

  it("shows a viewer a task's argument form read-only with its rights, its jobs and run figures, on a phone", async () => {
    const { server } = suite;
    const job = await server.api('POST', '/jobs', { title: 'Daily report', task: 'browser.report' });
    const runs: { id: number }[] = [];
    for (let i = 0; i < 3; i++) runs.push(await server.api('POST', `/jobs/${job.id}/runs`, {}));
    await server.waitFor(async () => {
      const states = await Promise.all(runs.map((r) => server.api('GET', `/runs/${r.id}`)));
      return states.every((r) => r.status === 'SUCCESS');
    });

    // The unknown task's page loads a 404 (shown as "Not found").
    const { page } = await suite.open({ viewport: PHONE, allow: [/status of 404/] });
    await signIn(page, server, 'viewer');
    await page.goto(`${server.url}/admin/tasks`);
    await page.getByLabel('Search tasks').fill('counts what');
    await page.locator('tr[data-task]').first().waitFor();
    expect(await page.locator('tr[data-task]').count()).toBe(1);
    await page.getByRole('link', { name: 'Report' }).click();
    await page.waitForURL(/\/admin\/tasks\/browser\.report$/);

    const from = page.locator('tr[data-field="from"]');
    await expect(from.locator('td').nth(1).textContent()).resolves.toBe('string (date-time)');
    await expect(page.locator('tr[data-field="label"] td').nth(2).textContent()).resolves.toBe('"daily"');
    await from.getByText('admin only').waitFor();
    // The generated form, read-only, with the default filled in.
    const label = page.locator('#task-args_label');
    await expect(label.inputValue()).resolves.toBe('daily');
    await expect(label.isEditable()).resolves.toBe(false);

    await expect(page.getByTestId('task-runs').textContent()).resolves.toBe('3');
    await page.getByTestId('task-p95').waitFor();
    await page.getByTestId('task-outcomes').getByText('SUCCESS').waitFor();
    await page.getByRole('link', { name: `#${runs[2]!.id}`, exact: false }).waitFor();
    await page.getByRole('link', { name: 'Daily report' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'task-phone');

    // A task with a secret argument says so; an unknown task is a clear 404.
    await page.goto(`${server.url}/admin/tasks/http.request`);
    await page.locator('tr[data-field="headers"]').getByText('secret').waitFor();
    await page.getByText('No run of this task has finished yet').waitFor();
    await page.goto(`${server.url}/admin/tasks/no.such.task`);
    await page.getByText('Not found').waitFor();
  });
});
