import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, settle, signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite();

/** The row of the jobs list that shows this job. */
const row = (page: Page, title: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });

async function rowAction(page: Page, title: string, action: string) {
  await page
    .getByRole('button', { name: `Actions for ${title}` })
    .first()
    .click();
  await page.getByRole('menuitem', { name: action }).click();
}

async function createJob(page: Page, title: string, task = 'Echo') {
  await page.getByRole('button', { name: 'Create' }).click();
  const drawer = page.getByRole('dialog', { name: 'Create job' });
  await drawer.getByLabel('Name').fill(title);
  await drawer.getByLabel('Description').fill('Says the lines it is given');
  await drawer.getByLabel('Task').click();
  await page.keyboard.type(task);
  await page.keyboard.press('Enter');
  return drawer;
}

describe('jobs (seed guide)', () => {
  it('creates a job, configures and runs it, and the run succeeds', async () => {
    const { page } = await suite.open();
    await signIn(page, suite.server);
    await page.getByText('No jobs yet: Create one.').waitFor();

    const drawer = await createJob(page, 'Nightly echo');
    await drawer.getByRole('button', { name: 'Advanced' }).click();
    await drawer.getByText('lines', { exact: true }).waitFor(); // the task's form, from its JSON Schema
    await drawer.getByText('Custom args (JSON)').scrollIntoViewIfNeeded();
    await screenshot(page, 'job-form');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await page.getByText('“Nightly echo” created').waitFor();
    await expect(row(page, 'Nightly echo').textContent()).resolves.toMatch(
      /Echo.*default.*Active.*Not scheduled.*Never/,
    );

    await rowAction(page, 'Nightly echo', 'Configure and run…');
    const dialog = page.getByRole('dialog', { name: 'Configure and run “Nightly echo”' });
    await expect(dialog.getByLabel('Title').inputValue()).resolves.toBe('Nightly echo');
    await dialog.getByTestId('since-hint').filter({ hasText: 'there is none yet' }).waitFor();
    await dialog.getByLabel('Title').fill('First run');
    await screenshot(page, 'configure-and-run');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/\/admin\/runs\/\d+$/);
    const runId = Number(new URL(page.url()).pathname.split('/').pop());
    const jobs = await suite.server.api('GET', '/jobs?q=Nightly');
    const jobId = jobs.hits.hits[0].id;
    const run = await suite.server.waitFor(async () => {
      const r = await suite.server.api('GET', `/jobs/${jobId}/runs/${runId}`);
      return r.status === 'SUCCESS' && r;
    });
    expect(run).toMatchObject({ title: 'First run', started_by: 'admin-user' });

    // The since hint now names the last successful run.
    await page.goto(`${suite.server.url}/admin/jobs/${jobId}`);
    await page.getByRole('row').filter({ hasText: 'First run' }).getByText('SUCCESS').waitFor();
    await page.getByRole('button', { name: 'Configure and run…' }).click();
    await page
      .getByTestId('since-hint')
      .filter({ hasText: /started \d{4}-\d\d-\d\d/ })
      .waitFor();
  });

  it('shows invalid custom args inline before anything is sent', async () => {
    const job = await suite.server.api('POST', '/jobs', { title: 'Custom args', task: 'test.echo' });
    const { page } = await suite.open({ allow: [/status of 400/] });
    await signIn(page, suite.server);
    await page.goto(`${suite.server.url}/admin/jobs/${job.id}`);
    await page.getByRole('button', { name: 'Configure and run…' }).click();
    const dialog = page.getByRole('dialog', { name: /Configure and run/ });
    await dialog.getByRole('button', { name: 'Advanced' }).click();
    await dialog.getByLabel('Custom args (JSON)').fill('{"lines": ["a"');
    await dialog.getByText(/Invalid JSON/).waitFor();
    await dialog.getByRole('button', { name: 'Run' }).click();
    await dialog.getByText(/Invalid JSON/).waitFor();
    expect(page.url()).toMatch(/\/admin\/jobs\//);
    expect((await suite.server.api('GET', `/jobs/${job.id}/runs`)).hits.total).toBe(0);

    // Valid JSON that does not fit the task: the server's error names the bad key.
    await dialog.getByLabel('Custom args (JSON)').fill('{"lines": "not a list"}');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await dialog.getByText(/^lines: .*expected array/).waitFor();

    await dialog.getByLabel('Custom args (JSON)').fill('{"lines": ["from custom args"]}');
    await dialog.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/\/admin\/runs\/\d+$/);
    const runs = await suite.server.api('GET', `/jobs/${job.id}/runs`);
    expect(runs.hits.hits[0].custom_args).toEqual({ lines: ['from custom args'] });
  });

  it('schedules a job by crontab and by interval and shows the next run in the list', async () => {
    await suite.server.api('POST', '/jobs', { title: 'Scheduled echo', task: 'test.echo' });
    const { page } = await suite.open();
    await signIn(page, suite.server);
    await page.getByRole('searchbox', { name: 'Search jobs' }).fill('Scheduled');
    await row(page, 'Scheduled echo').waitFor();

    await rowAction(page, 'Scheduled echo', 'Schedule…');
    const dialog = page.getByRole('dialog', { name: 'Schedule “Scheduled echo”' });
    await dialog.getByRole('tab', { name: 'Crontab' }).click();
    await dialog.getByLabel('Minute').fill('0');
    await dialog.getByLabel('Hour').fill('3');
    await dialog.getByLabel('Day of week').fill('1-5');
    await dialog.getByLabel('Time zone').click();
    await page.keyboard.type('Europe/Zurich');
    await page.keyboard.press('Enter');
    const preview = dialog.getByTestId('schedule-preview');
    await preview.getByText(/03:00.*Monday through Friday.*Europe\/Zurich/).waitFor();
    await expect(preview.getByRole('row').count()).resolves.toBe(6); // header + next 5
    await settle(page);
    await screenshot(page, 'schedule-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await row(page, 'Scheduled echo')
      .getByText(/03:00.*Monday through Friday/)
      .waitFor();
    await row(page, 'Scheduled echo').getByText(/^in /).waitFor();

    await rowAction(page, 'Scheduled echo', 'Schedule…');
    await dialog.getByRole('tab', { name: 'Interval' }).click();
    await dialog.getByLabel('Every').fill('4');
    await preview.getByText('Every 4 hours').waitFor();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await row(page, 'Scheduled echo').getByText('Every 4 hours').waitFor();
    await row(page, 'Scheduled echo').getByText('in 4 hours').waitFor();

    await page.getByRole('searchbox', { name: 'Search jobs' }).fill('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await row(page, 'Scheduled echo').waitFor();
    await screenshot(page, 'jobs-list');
  });

  it('edits, deactivates and deletes a job (with confirmation); the job page shows its runs', async () => {
    const job = await suite.server.api('POST', '/jobs', { title: 'To change', task: 'test.echo' });
    await suite.server.api('POST', `/jobs/${job.id}/runs`, { title: 'Earlier run', args: { lines: ['x'] } });
    const { page } = await suite.open();
    await signIn(page, suite.server);
    await page.goto(`${suite.server.url}/admin/jobs/${job.id}`);
    await page.getByRole('row').filter({ hasText: 'Earlier run' }).getByText('SUCCESS').waitFor();
    await screenshot(page, 'job-page');

    await rowAction(page, 'To change', 'Edit');
    const drawer = page.getByRole('dialog', { name: 'Edit “To change”' });
    await drawer.getByLabel('Name').fill('Changed');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Changed' }).waitFor();

    await rowAction(page, 'Changed', 'Deactivate');
    await page.getByText('“Changed” deactivated').waitFor();
    await page.getByText('Inactive', { exact: true }).waitFor();

    await rowAction(page, 'Changed', 'Delete');
    await page.getByRole('dialog', { name: 'Delete “Changed”?' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/admin\/jobs$/);
    await expect(suite.server.api('GET', `/jobs/${job.id}`)).rejects.toThrow(/404/);
  });

  it('hides what a role may not do: a viewer cannot create or run, an operator cannot delete', async () => {
    await suite.server.api('POST', '/jobs', { title: 'Role check', task: 'test.echo' });
    const { page } = await suite.open();
    await signIn(page, suite.server, 'viewer');
    await row(page, 'Role check').waitFor();
    await expect(page.getByRole('button', { name: 'Create' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Actions for/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, suite.server, 'operator');
    await rowAction(page, 'Role check', 'Configure and run…');
    // Close with the dialog's own button (Escape needs focus inside it) and wait until it is gone,
    // so its mask cannot take the next click on a slow machine.
    const dialog = page.getByRole('dialog', { name: /Configure and run/ });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Actions for Role check' }).click();
    const menu = page.locator('.ant-dropdown:visible');
    // The menu opens with an animation: wait for it before reading all its items.
    await menu.getByRole('menuitem', { name: 'Configure and run…' }).waitFor();
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual(['Configure and run…']);
    await expect(page.getByRole('button', { name: 'Create' }).count()).resolves.toBe(0);
  });
});
