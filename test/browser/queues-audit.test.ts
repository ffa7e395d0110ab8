import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, screenshot, signIn } from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const suite = useBrowserSuite({ logFailedResponses: true });

const queueRow = (page: Page, name: string) => page.locator(`tr[data-queue="${name}"]`);
const queueState = (page: Page, name: string) => queueRow(page, name).getByTestId('queue-state');

describe('queues and audit log', () => {
  it('pauses and resumes a queue; its runs wait meanwhile; the audit log lists who did what', async () => {
    const { page } = await suite.open();
    await signIn(page, suite.server, 'admin');
    const job = await suite.server.api('POST', '/jobs', { title: 'Echo', task: 'test.echo', default_queue: 'other' });
    await suite.server.api('PATCH', `/jobs/${job.id}`, { description: 'Says things back', active: false });

    await page.getByRole('link', { name: 'Queues' }).click();
    await page.waitForURL(/\/admin\/queues$/);
    await expect(queueState(page, 'other').textContent()).resolves.toBe('Active');

    await queueRow(page, 'other').getByRole('button', { name: 'Pause' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Pause' }).click();
    await queueState(page, 'other').getByText('Paused').waitFor();
    await page.getByText('Queue "other" paused').waitFor();
    const queues = await suite.server.api('GET', '/queues');
    expect(queues.hits.hits.find((q: { name: string }) => q.name === 'other').paused).toBe(true);

    // A run on the paused queue waits; the page's counts follow live.
    const run = await suite.server.api('POST', `/jobs/${job.id}/runs`, { title: 'Waits for the queue' });
    await queueRow(page, 'other').locator('[data-status="QUEUED"]').getByText('1').waitFor();
    await screenshot(page, 'queues');

    await queueRow(page, 'other').getByRole('button', { name: 'Resume' }).click();
    await queueState(page, 'other').getByText('Active').waitFor();
    await suite.server.waitFor(async () => (await suite.server.api('GET', `/runs/${run.id}`)).status === 'SUCCESS');
    await queueRow(page, 'other').locator('[data-status="SUCCESS"]').getByText('1').waitFor();

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    const rows = page.locator('.ant-table-row');
    await rows.filter({ hasText: 'queue.resume' }).waitFor();
    const actions = await rows.locator('.ant-tag').allTextContents();
    expect(actions.slice(0, 3)).toEqual(['queue.resume', 'run.create', 'queue.pause']);
    expect(await rows.first().textContent()).toContain('admin-user');
    await rows.filter({ hasText: 'queue.pause' }).getByRole('link', { name: 'Queue other' }).waitFor();

    // The field diff of the job update, expanded on demand.
    const update = rows.filter({ hasText: 'job.update' });
    await update.getByRole('button', { name: /expand/i }).click();
    const diff = page.getByTestId('audit-diff');
    await diff.getByText('Says things back').waitFor();
    await expect(diff.textContent()).resolves.toMatch(/active.*true.*false/);
    await screenshot(page, 'audit');

    // Filter by job: only that job's entries.
    await page.getByLabel('Job').click();
    await page.locator('.ant-select-item-option', { hasText: 'Echo' }).click();
    await page.waitForURL(new RegExp(`job=${job.id}`));
    await rows.filter({ hasText: 'queue.pause' }).waitFor({ state: 'detached' });
    const filtered = await page.locator('.ant-table-row .ant-tag').allTextContents();
    expect(filtered).toEqual(['run.create', 'job.update', 'job.create']);
  });

  it('a viewer sees the counts but cannot pause and has no audit log; an operator cannot pause either', async () => {
    const { page } = await suite.open({ viewport: PHONE });
    await signIn(page, suite.server, 'viewer');
    await page.goto(`${suite.server.url}/admin/queues`);
    await queueState(page, 'default').waitFor();
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await screenshot(page, 'queues-phone');

    await page.goto(`${suite.server.url}/admin/audit`);
    await page.getByText('Only administrators can read the audit log.').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/admin\/sign-in/);
    await signIn(page, suite.server, 'operator');
    await page.goto(`${suite.server.url}/admin/queues`);
    await queueState(page, 'default').waitFor();
    expect(await page.getByRole('button', { name: /Pause|Resume/ }).count()).toBe(0);
  });
});
