import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

describe('job form and job page details', () => {
  it("shows the API's field errors under their fields", async () => {
    // The browser logs the refused requests itself as errors: those are expected.
    const { page } = await suite.open({ allow: [/status of 400/] });
    await signIn(page, suite.server);
    await page.getByRole('button', { name: 'Create' }).click();
    const drawer = page.getByRole('dialog', { name: 'Create job' });
    await drawer.getByLabel('Name').fill('Ping');
    await drawer.getByLabel('Task').click();
    await page.keyboard.type('HTTP request');
    await page.keyboard.press('Enter');
    await drawer.getByLabel('Notification e-mails').fill('nope');
    await page.keyboard.press('Enter');
    await drawer.getByRole('button', { name: 'Advanced' }).click();
    await drawer.getByLabel('url').fill('ftp://example.org/file');
    await drawer.getByRole('button', { name: 'Save' }).click();

    const emails = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('Notification e-mails') });
    await emails.getByText('Not e-mail addresses: nope.').waitFor();

    // The API checks the arguments once the job's own fields are right; the url's error shows
    // under the url field of the task's form.
    await emails.locator('.ant-select-selection-item-remove').click();
    await drawer.getByRole('button', { name: 'Save' }).click();
    const url = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('url') });
    await url.locator('.ant-form-item-explain-error').first().waitFor();
    expect((await suite.server.api('GET', '/jobs?q=Ping')).hits.total).toBe(0);
  });

  it('gives date-time arguments a date picker', async () => {
    const job = await suite.server.api('POST', '/jobs', { title: 'Daily report', task: 'browser.report' });
    const { page } = await suite.open();
    await signIn(page, suite.server);
    await page.goto(`${suite.server.url}/admin/jobs/${job.id}`);
    await page.getByRole('button', { name: 'Configure and run…' }).click();
    const dialog = page.getByRole('dialog', { name: /Configure and run/ });
    await dialog.locator('.ant-picker').nth(1).click(); // the first picker is `since`
    await page
      .locator('.ant-picker-dropdown:visible .ant-picker-now-btn, .ant-picker-dropdown:visible .ant-picker-ok button')
      .first()
      .click();
    await dialog.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/\/admin\/runs\/\d+$/);
    const run = (await suite.server.api('GET', `/jobs/${job.id}/runs`)).hits.hits[0];
    expect(run.args.from).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  it('updates the runs table live: a run appears, its duration ticks, it ends CANCELLED; skipped slots show', async () => {
    const job = await suite.server.api('POST', '/jobs', {
      title: 'Long one',
      task: 'test.block',
      args: { ms: 60_000 },
      schedule: { type: 'interval', seconds: 1 },
      overlap_policy: 'skip',
    });
    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/jobs/${job.id}`);
    await page.getByRole('heading', { name: 'Long one' }).waitFor();

    // The scheduler starts a run within a second; the page hears of it through /api/events.
    const running = page.getByRole('row').filter({ hasText: 'RUNNING' });
    await running.waitFor();
    const duration = running.locator('[data-running]');
    const first = await duration.textContent();
    await running
      .locator('[data-running]')
      .filter({ hasNotText: first ?? '' })
      .waitFor();

    // Later slots are skipped while the run is active (overlap policy skip).
    await page.getByRole('tab', { name: /Skipped slots \(\d+\)/ }).click({ timeout: 30_000 });
    await page
      .getByText(/^overlap/)
      .first()
      .waitFor();
    await page.getByRole('tab', { name: 'Runs' }).click();

    await suite.server.api('PATCH', `/jobs/${job.id}`, { schedule: null });
    const runId = (await suite.server.api('GET', `/jobs/${job.id}/runs?status=RUNNING`)).hits.hits[0].id;
    await suite.server.api('POST', `/jobs/${job.id}/runs/${runId}/actions/stop`);
    await page.getByRole('row').filter({ hasText: 'CANCELLED' }).waitFor();
  });
});
